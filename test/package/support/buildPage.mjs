import { join } from 'node:path';
import { build } from 'vite';

/**
 * Bundles `root`/`entry`.mjs with React's development build (whose warnings the tests listen
 * for) into `root`/dist as `entry`.js; returns that folder.
 */
export async function buildPage(root, entry = 'main') {
  const outDir = join(root, 'dist');
  await build({
    root,
    configFile: false,
    // Not 'warn': react-query's own 'use client' directives are noise in an app bundle.
    logLevel: 'error',
    mode: 'development',
    define: { 'process.env.NODE_ENV': JSON.stringify('development') },
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      rolldownOptions: {
        input: join(root, `${entry}.mjs`),
        output: { entryFileNames: `${entry}.js`, format: 'es' },
      },
    },
  });
  return outDir;
}
