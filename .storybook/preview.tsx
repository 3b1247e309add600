import type { Preview } from '@storybook/react-vite';
import { configure } from 'storybook/test';
import { followConnectionGlobal } from '../stories/support/connectionGlobal.js';
import {
  failOnEscapedRequests,
  startFakeWebApiWorker,
} from '../stories/support/fakeWebApiWorker.js';
import {
  applyToolbar,
  cleanUpStoryWebApi,
  loadStoryWebApi,
} from '../stories/support/storyWebApi.js';
import { withStoryFrame } from '../stories/support/withStoryFrame.js';
import { withSuperOffice } from '../stories/support/withSuperOffice.js';
import { theme } from './theme.js';

// Play functions wait for what a user would see; on a busy CI machine that can take more than
// Testing Library's default second. An upper bound, not a speed requirement.
configure({ asyncUtilTimeout: 5000 });

const preview: Preview = {
  // The fake WebAPI is up before any story renders: a story's first click never finds the
  // real network.
  beforeAll: async () => {
    followConnectionGlobal();
    await startFakeWebApiWorker();
  },
  loaders: [loadStoryWebApi],
  beforeEach: cleanUpStoryWebApi,
  afterEach: (context) => {
    failOnEscapedRequests();
    applyToolbar(context);
  },
  // The frame outside, so the provider's stylesheet and theme apply inside it.
  decorators: [withSuperOffice, withStoryFrame],
  parameters: {
    // Every story is also an accessibility test: any axe violation fails it.
    a11y: { test: 'error' },
    layout: 'fullscreen',
    docs: { theme },
    options: { storySort: { order: ['Introduction', 'ActivityCompleteCheckbox', '*'] } },
  },
  globalTypes: {
    language: {
      description: 'The SuperOfficeProvider language: built-in texts and Accept-Language',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'nb', title: 'Norsk (bokmål)' },
          { value: 'sv', title: 'Svenska' },
          { value: 'da', title: 'Dansk' },
          { value: 'de', title: 'Deutsch' },
          { value: 'nl', title: 'Nederlands' },
        ],
        dynamicTitle: true,
      },
    },
    latency: {
      description: 'How long the fake WebAPI takes to answer',
      toolbar: {
        title: 'Latency',
        icon: 'timer',
        items: [
          { value: '0', title: 'Latency: none' },
          { value: '300', title: 'Latency: 300 ms' },
          { value: '1000', title: 'Latency: 1 s' },
          { value: '3000', title: 'Latency: 3 s' },
        ],
        dynamicTitle: true,
      },
    },
    failureRate: {
      description: 'Share of toggles the fake WebAPI answers with a 500',
      toolbar: {
        title: 'Failures',
        icon: 'alert',
        items: [
          { value: '0', title: 'Failures: none' },
          { value: '0.1', title: 'Failures: 10%' },
          { value: '0.5', title: 'Failures: 50%' },
        ],
        dynamicTitle: true,
      },
    },
    connection: {
      description: 'Online, or offline: navigator.onLine false and the fake WebAPI out of reach',
      toolbar: {
        title: 'Connection',
        icon: 'transfer',
        items: [
          { value: 'online', title: 'Online' },
          { value: 'offline', title: 'Offline' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Light or dark page (data-theme), which the optional stylesheet follows',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
    stylesheet: {
      description: 'Whether the optional superoffice-activity-react/styles.css is loaded',
      toolbar: {
        title: 'Stylesheet',
        icon: 'paintbrush',
        items: [
          { value: 'on', title: 'With styles.css' },
          { value: 'off', title: 'Unstyled' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: {
    language: 'en',
    latency: '0',
    failureRate: '0',
    connection: 'online',
    theme: 'light',
    stylesheet: 'on',
  },
  tags: ['autodocs'],
};

export default preview;
