import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// One project per environment; `npm test` runs them all.
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'node', environment: 'node', include: ['test/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/**/*.test.tsx'],
          setupFiles: ['test/setup/dom.ts'],
        },
      },
    ],
  },
});
