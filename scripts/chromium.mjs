// Finds the Chromium that browser tests, Storybook tests, benchmarks and the example's
// end-to-end test run in, or says how to get one. It installs nothing: provisioning a machine is
// .ci/run's job. Playwright's own browser download cannot be relied on (closed networks), so a
// system Chromium (Debian's) is preferred.
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Flags for a headless Chromium on a machine with no GPU and a closed network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** `CHROMIUM_PATH` if set, else a system Chromium, else undefined (Playwright's own browser). */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  return CANDIDATES.find((path) => existsSync(path));
}

/** Playwright launch options for that Chromium. */
export function chromiumLaunchOptions() {
  const executablePath = findChromium();
  return { ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS };
}

// Playwright's own build, if `npx playwright-core install chromium` has downloaded it.
async function playwrightChromium() {
  try {
    const { chromium } = await import('playwright-core');
    const path = chromium.executablePath();
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

// `node scripts/chromium.mjs`: exits 0 naming the Chromium the tests will use, or 1 with the
// commands to get one.
if (import.meta.url === `file://${process.argv[1]}`) {
  const path = findChromium() ?? (await playwrightChromium());
  if (path === undefined) {
    console.error(
      'No Chromium found for the browser tests. Get one, then run the tests again:\n' +
        '  sudo apt-get install -y chromium          (Debian/Ubuntu; .ci/run does this)\n' +
        "  npx playwright-core install chromium       (any OS: Playwright's build)\n" +
        '  export CHROMIUM_PATH=/path/to/chrome       (one you already have)',
    );
    process.exit(1);
  }
  console.log(`[chromium] using ${path}`);
}
