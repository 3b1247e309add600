// Finds (and, where it can, installs) the Chromium that browser tests, Storybook tests,
// benchmarks and the example's end-to-end test run in. Playwright's own browser download
// cannot be relied on (closed networks), so Debian's chromium is preferred.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

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

function isDebianRoot() {
  const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  return (
    process.getuid?.() === 0 && /debian|ubuntu/i.test(osRelease) && existsSync('/usr/bin/apt-get')
  );
}

/** Makes sure a Chromium exists; installs Debian's when root on Debian, else Playwright's. */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  if (isDebianRoot()) {
    console.log('[chromium] installing Debian chromium: apt-get install -y chromium');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = findChromium();
    if (installed) return installed;
  }
  try {
    console.log('[chromium] trying Playwright download: npx playwright-core install chromium');
    execFileSync('npx', ['playwright-core', 'install', 'chromium'], { stdio: 'inherit' });
    return undefined;
  } catch {
    console.error(
      'No Chromium found. Install one, then run the tests again:\n' +
        '  sudo apt-get install -y chromium        (Debian/Ubuntu)\n' +
        '  or: npx playwright-core install chromium\n' +
        '  or: export CHROMIUM_PATH=/path/to/chrome',
    );
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = ensureChromium();
  console.log(`[chromium] using ${path ?? "Playwright's Chromium"}`);
}
