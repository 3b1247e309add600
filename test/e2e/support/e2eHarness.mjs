// Everything an end-to-end file needs, set up once: the packed library installed as a partner
// installs it, the page bundled with Vite against it (React's development build, whose
// warnings the tests listen for), two sites on two loopback origins, and Chromium.
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';
import { buildPage } from '../../package/support/buildPage.mjs';
import { installPackedLibrary } from '../../package/support/installPackedLibrary.mjs';
import { startSite } from './e2eSite.mjs';

/**
 * @example
 * const e2e = await startE2e();
 * const view = await e2e.open([{ name: 'list', baseUrl: e2e.a.url, rows }]);
 * await e2e.close();
 */
export async function startE2e() {
  const consumer = installPackedLibrary();
  const root = join(consumer.dir, 'page');
  cpSync(join(import.meta.dirname, '../page'), root, { recursive: true });
  const testing = await importFrom(consumer.dir, 'superoffice-activity-react/testing');
  const assets = await buildPage(root);
  const a = await startSite({ host: '127.0.0.1', fake: new testing.FakeWebApi(), assets });
  const b = await startSite({ host: '127.0.0.2', fake: new testing.FakeWebApi(), assets });
  const browser = await chromium.launch(chromiumLaunchOptions());
  const token = testing.FAKE_CREDENTIALS.bearerTokens[0];
  // One tab for the whole file, navigated afresh per test: a new renderer per test costs seconds.
  let tab;
  let problems = [];
  return {
    a,
    b,
    /** Site a's page, loaded afresh, showing `dashboards`; see test/e2e/page/main.mjs. */
    async open(dashboards) {
      if (!tab) {
        tab = await browser.newPage();
        tab.setDefaultTimeout(10_000);
        tab.on('console', (message) => {
          if (message.type() === 'error' || message.type() === 'warning') {
            problems.push(`${message.type()}: ${message.text()}`);
          }
        });
        tab.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      }
      await tab.goto(`${a.origin}/`);
      problems = [];
      await tab.waitForFunction(() => window.e2e !== undefined);
      await tab.evaluate((config) => window.e2e.mount(config), { token, dashboards });
      await tab.locator('[data-part="input"]').first().waitFor();
      return view(tab, problems);
    },
    async close() {
      await browser?.close();
      await a?.close();
      await b?.close();
      consumer.remove();
    },
  };
}

function view(tab, problems) {
  const row = (dashboard, id) => `[data-dashboard="${dashboard}"] [data-row="${id}"]`;
  return {
    tab,
    problems,
    box: (dashboard, id) => tab.locator(`${row(dashboard, id)} [data-part="input"]`),
    alert: (dashboard, id) => tab.locator(`${row(dashboard, id)} [role="alert"]`),
    /** Waits until the row's box is neither saving nor checking, and shows `state`. */
    settled: (dashboard, id, state) =>
      tab.waitForSelector(
        `${row(dashboard, id)} [data-part="input"][data-state="${state}"]:not([data-pending]):not([data-checking])`,
        { timeout: 15_000 },
      ),
    events: () => tab.evaluate(() => window.e2e.events),
    /** The toggles the library itself asked `fetch` for. */
    toggleFetches: () =>
      tab.evaluate(() =>
        window.e2e.fetches.filter((fetch) => fetch.url.endsWith('/ToggleActivity')),
      ),
  };
}

/** Imports `specifier` as the consumer project in `dir` resolves it (its package exports). */
export async function importFrom(dir, specifier) {
  const [name, ...subpath] = specifier.split('/');
  const modules = join(dir, 'node_modules', name);
  const manifest = JSON.parse(readFileSync(join(modules, 'package.json'), 'utf8'));
  const entry = manifest.exports[['.', ...subpath].join('/')].default;
  return import(pathToFileURL(join(modules, entry)).href);
}

export { buildPage };
