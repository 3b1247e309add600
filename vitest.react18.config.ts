import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import base from './vitest.config.js';

// The `dom` project once more, with React 18.3 instead of the root's React 19. React 18 lives in
// its own folder (`npm run test:react18` installs it) because react-dom@18's peer range clashes
// with the root's react@19, so npm cannot alias both into the root's node_modules.
const react18 = resolve(import.meta.dirname, 'test/package/react18');

const dom = base.test?.projects?.find(
  (project): project is TestProjectInlineConfiguration =>
    typeof project === 'object' && 'test' in project && project.test?.name === 'dom',
);
if (!dom?.test) throw new Error('vitest.config.ts has no `dom` project to rerun on React 18');

export default defineConfig({
  plugins: [react()],
  resolve: {
    // For the code vitest transforms (src, test); Node resolves the rest through the hook below.
    alias: [{ find: /^(react|react-dom)(\/.*)?$/, replacement: `${react18}/node_modules/$1$2` }],
  },
  test: {
    ...dom.test,
    name: 'dom-react18',
    setupFiles: [...[dom.test.setupFiles ?? []].flat(), `${react18}/assertReact18.ts`],
    execArgv: ['--import', `${react18}/resolveReact18.mjs`],
  },
});
