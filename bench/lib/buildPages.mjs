// Production builds of the bench page (bench/browser): one with React's production build, and
// one with its profiling build, which is the production build plus working <Profiler>s.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const pageRoot = fileURLToPath(new URL('../browser', import.meta.url));
export const PAGES_DIR = fileURLToPath(new URL('../.tmp/pages', import.meta.url));
export const PROFILING_DIR = fileURLToPath(new URL('../.tmp/profiling', import.meta.url));

export async function buildPages() {
  await buildPage(PAGES_DIR, []);
  await buildPage(PROFILING_DIR, [
    { find: /^react-dom\/client$/, replacement: 'react-dom/profiling' },
  ]);
}

function buildPage(outDir, alias) {
  return build({
    configFile: false,
    root: pageRoot,
    base: './',
    mode: 'production',
    logLevel: 'warn',
    plugins: [react()],
    resolve: { alias },
    build: { outDir, emptyOutDir: true, sourcemap: false, reportCompressedSize: false },
  });
}
