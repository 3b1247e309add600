import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { configDefaults, defineConfig } from 'vitest/config';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';
import { emulateMedia } from './test/browser/support/emulateMedia.js';

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
          exclude: [...configDefaults.exclude, 'test/browser/**'],
          setupFiles: ['test/setup/dom.ts'],
        },
      },
      {
        // The checkbox under a real pointer and in real layouts: measurements, a real double
        // click, and screenshots against committed baselines (test/browser/__screenshots__).
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.tsx'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: chromiumLaunchOptions() }),
            instances: [{ browser: 'chromium' }],
            viewport: { width: 800, height: 900 },
            commands: { emulateMedia },
          },
        },
      },
      {
        // Every story, play function and axe check, in a real headless Chromium. Storybook's
        // own Vite config brings the React plugin, so this project does not extend the root.
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: chromiumLaunchOptions() }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
