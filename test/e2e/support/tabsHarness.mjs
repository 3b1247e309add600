// Tabs of one browser context (they share Web Locks, BroadcastChannel and localStorage) showing
// test/e2e/tabsPage from the packed library, against one site whose fake WebAPI finishes what
// arrived even when the tab that sent it has gone: a real server does not undo a toggle because
// the browser reloaded.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';
import { installPackedLibrary } from '../../package/support/installPackedLibrary.mjs';
import { buildPage, importFrom } from './e2eHarness.mjs';
import { startSite } from './e2eSite.mjs';

/**
 * @example
 * const e2e = await startTabs();
 * const browser = await e2e.newContext();
 * const tab = await browser.open({ rows: [{ activityIdentifier: 'appointment_id=1', completed: false }] });
 * await browser.close();
 * await e2e.close();
 */
export async function startTabs() {
  const consumer = installPackedLibrary();
  const root = join(consumer.dir, 'tabsPage');
  cpSync(join(import.meta.dirname, '../tabsPage'), root, { recursive: true });
  const testing = await importFrom(consumer.dir, 'superoffice-activity-react/testing');
  const assets = await buildPage(root);
  const fake = new (serverThatFinishes(testing.FakeWebApi))();
  const site = await startSite({ host: '127.0.0.1', fake, assets });
  const browser = await chromium.launch(chromiumLaunchOptions());
  const token = testing.FAKE_CREDENTIALS.bearerTokens[0];
  // When each request arrived and finished at the server (Node's clock, which the tabs share).
  let timeline = [];
  fake.subscribe(({ endpoint, activityIdentifier, response, headers }) => {
    const phase = response === 'pending' ? 'arrived' : 'finished';
    const tab = headers['x-e2e-tab'];
    timeline.push({ at: Date.now(), endpoint, activityIdentifier, phase, tab });
  });
  return {
    site,
    token,
    /** `[{ at, endpoint: 'toggle' | 'read' | 'other', activityIdentifier, phase: 'arrived' | 'finished', tab }]`. */
    timeline: () => timeline,
    /**
     * Starts over: the fake with `activities`, the site's records and the timeline, once every
     * request of an earlier test has finished (a failed test may leave one held or delayed).
     */
    async reset(activities) {
      fake.reset(); // releases a hold
      const unfinished = () =>
        timeline.filter((entry) => entry.phase === 'arrived').length -
        timeline.filter((entry) => entry.phase === 'finished').length;
      await waitUntil(() => unfinished() === 0, "an earlier test's requests finish", 30_000);
      site.reset(activities);
      timeline = [];
    },
    /** A fresh browser context (no storage, no locks) to open tabs in. */
    async newContext() {
      const context = await browser.newContext();
      return {
        context,
        /** A new tab showing `config` (see tabsPage/main.mjs; baseUrl and token filled in). */
        async open(config) {
          const tab = await this.openBlank();
          await tab.mount(config);
          return tab;
        },
        /** A new tab with the page loaded and nothing mounted yet: `tab.mount(config)` is quick. */
        async openBlank() {
          const page = await context.newPage();
          page.setDefaultTimeout(10_000);
          const tab = tabOf(page);
          await page.goto(`${site.origin}/`);
          await page.waitForFunction(() => window.e2e !== undefined);
          return tab;
        },
        close: () => context.close(),
      };
    },
    async close() {
      await browser?.close();
      await site?.close();
      consumer.remove();
    },
  };

  function tabOf(page) {
    const problems = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        problems.push(`${message.type()}: ${message.text()}`);
      }
    });
    const row = (id) => `[data-row="${id}"]`;
    return {
      page,
      /** Console errors and warnings and uncaught errors of this tab. */
      problems,
      box: (id) => page.locator(`${row(id)} [data-part="input"]`),
      wrapper: (id) => page.locator(`${row(id)} [data-part="root"]`),
      liveRegion: (id) => page.locator(`${row(id)} [role="status"]`),
      /** Reloads the page and mounts the provider with `config`, as the partner's page would. */
      async reload(config) {
        await page.reload();
        await page.waitForFunction(() => window.e2e !== undefined);
        await this.mount(config);
      },
      /** Mounts the provider and its rows with `config`. */
      async mount(config) {
        await page.evaluate((full) => window.e2e.mount(full), {
          token,
          baseUrl: site.url,
          ...config,
        });
        await page.locator('[data-part="input"]').first().waitFor();
      },
      /** Waits until the row's box is neither saving, checking nor queued, and shows `state`. */
      settled: (id, state) =>
        page.waitForSelector(
          `${row(id)} [data-part="input"][data-state="${state}"]:not([data-pending]):not([data-checking]):not([data-queued])`,
          { timeout: 15_000 },
        ),
      /** This document's id, as its requests carry it (`timeline()[i].tab`); a reload changes it. */
      id: () => page.evaluate(() => window.e2e.tab),
      /** The unsettled intents in localStorage: `[{ key, value }]`. */
      storedIntents: () =>
        page.evaluate(() => window.e2e.stored('superoffice-activity-react/intent/')),
      /** Everything the library keeps in localStorage (intents, what was heard). */
      stored: () => page.evaluate(() => window.e2e.stored()),
      storageWrites: () => page.evaluate(() => [...window.e2e.storageWrites]),
    };
  }
}

/** The package's fake, except that a request whose client went away is still processed. */
function serverThatFinishes(FakeWebApi) {
  return class ServerThatFinishes extends FakeWebApi {
    async handle(request) {
      const body = request.method === 'GET' || request.method === 'HEAD' ? null : request.body;
      const detached = new Request(request.url, {
        method: request.method,
        headers: request.headers,
        body: body && (await request.arrayBuffer()),
      });
      return super.handle(detached);
    }
  };
}

/** Polls `predicate` until it holds, or fails after `timeoutMs`. */
export async function waitUntil(predicate, what, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
