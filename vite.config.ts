import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Everything a partner's app already has (or that only tests use) stays out of the bundle.
const external = [
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^@tanstack\/react-query/,
  /^ky($|\/)/,
  /^msw($|\/)/,
  /^node:/,
];

export default defineConfig({
  plugins: [react()],
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: {
      entry: {
        index: resolve(import.meta.dirname, 'src/index.ts'),
        // One entry per runtime, as msw does: only `testing/msw` imports msw, only
        // `testing/node` imports `node:*`.
        'testing/index': resolve(import.meta.dirname, 'src/testing/index.ts'),
        'testing/msw': resolve(import.meta.dirname, 'src/testing/msw.ts'),
        'testing/node': resolve(import.meta.dirname, 'src/testing/node.ts'),
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external,
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
  },
});
