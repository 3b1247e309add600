import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { configDefaults, defineConfig } from 'vitest/config';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';
import { emulateMedia } from './test/browser/support/emulateMedia.js';

// One project per environment, chosen by folder: React tests (test/react, test/reliability) in
// jsdom, test/browser in Chromium, everything else in Node. A file elsewhere that needs a DOM says
// so itself with `// @vitest-environment jsdom`. `npm test` runs them all.
const DOM_FOLDERS = ['test/react/**', 'test/reliability/**'];

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, ...DOM_FOLDERS, 'test/browser/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: DOM_FOLDERS.map((folder) => `${folder}/*.test.{ts,tsx}`),
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
            // Baselines are committed, beside the tests (the ignored __screenshots__ folders hold
            // Storybook's failure screenshots).
            expect: {
              toMatchScreenshot: {
                resolveScreenshotPath: ({
                  root,
                  testFileDirectory,
                  arg,
                  browserName,
                  platform,
                  ext,
                }) =>
                  `${root}/${testFileDirectory}/screenshots/${arg}-${browserName}-${platform}${ext}`,
              },
            },
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
