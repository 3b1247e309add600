import type { StorybookConfig } from '@storybook/react-vite';

// Storybook runs the library from source against an in-browser fake WebAPI (MSW), so a newcomer
// needs no server and no configuration.
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  // Serves MSW's mockServiceWorker.js at the root, where the service worker must live.
  staticDirs: ['./public'],
  // TypeScript 7 has no JS API, so react-docgen-typescript cannot run.
  typescript: { reactDocgen: 'react-docgen' },
  core: { disableTelemetry: true },
};

export default config;
