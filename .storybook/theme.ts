import { create } from 'storybook/theming';

/** The one theme of the manager, the docs pages and the canvas frame. */
export const FONT =
  'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const theme = create({
  base: 'light',
  brandTitle: 'superoffice-activity-react',
  colorPrimary: '#0a6e5c',
  colorSecondary: '#0a6e5c',
  appBg: '#f6f7f9',
  appContentBg: '#ffffff',
  appPreviewBg: '#f6f7f9',
  appBorderColor: '#e3e6ea',
  appBorderRadius: 8,
  fontBase: FONT,
  fontCode: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace',
  textColor: '#1f2328',
  textMutedColor: '#59636e',
  barBg: '#ffffff',
  barSelectedColor: '#0a6e5c',
  inputBorderRadius: 6,
});
