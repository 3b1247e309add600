// Types for chromium.mjs, so TypeScript configs (vitest.config.ts) can import it.
import type { LaunchOptions } from 'playwright-core';

/** Flags for a headless Chromium on a machine with no GPU and a closed network. */
export declare const CHROMIUM_ARGS: string[];
/** `CHROMIUM_PATH` if set, else a system Chromium, else undefined (Playwright's own browser). */
export declare function findChromium(): string | undefined;
/** Playwright launch options for that Chromium. */
export declare function chromiumLaunchOptions(): Pick<LaunchOptions, 'executablePath' | 'args'>;
/** Makes sure a Chromium exists; installs Debian's when root on Debian, else Playwright's. */
export declare function ensureChromium(): string | undefined;
