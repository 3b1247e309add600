import type { BrowserCommand } from 'vitest/node';

/** What the page's media queries see: colour scheme, forced colours, reduced motion. */
export interface MediaFeatures {
  colorScheme?: 'light' | 'dark' | null;
  forcedColors?: 'active' | 'none' | null;
  reducedMotion?: 'reduce' | 'no-preference' | null;
}

/**
 * Browser command (Playwright's `page.emulateMedia`) for the browser tests: dark mode, forced
 * colours and reduced motion cannot be set from inside the page.
 *
 * @example
 * await commands.emulateMedia({ forcedColors: 'active' });
 */
export const emulateMedia: BrowserCommand<[MediaFeatures]> = async (context, features) => {
  if (!('page' in context)) throw new Error('emulateMedia needs the Playwright provider');
  await (context.page as { emulateMedia(f: MediaFeatures): Promise<void> }).emulateMedia(features);
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    emulateMedia: (features: MediaFeatures) => Promise<void>;
  }
}
