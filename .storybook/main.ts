import type { StorybookConfig } from '@storybook/react-vite';
import { mergeConfig } from 'vite';

// Storybook runs the library from source against an in-browser fake WebAPI (MSW), so a newcomer
// needs no server and no configuration.
const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  // Serves MSW's mockServiceWorker.js at the root, where the service worker must live.
  staticDirs: ['./public'],
  // TypeScript 7 has no JS API, so react-docgen-typescript cannot run.
  typescript: { reactDocgen: 'react-docgen' },
  core: { disableTelemetry: true },
  features: { sidebarOnboardingChecklist: false },
  // Build output and benchmark scratch files are not sources: changes there must not reload.
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      server: { watch: { ignored: ['**/dist/**', '**/storybook-static/**', '**/bench/.tmp/**'] } },
    }),
};

export default config;
