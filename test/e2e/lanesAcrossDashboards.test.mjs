// One activity, one truth (issue 10), from the packed tarball in real Chromium: two dashboards
// (two QueryClientProviders) on one page, two sites on two loopback origins, and a logout.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startE2e } from './support/e2eHarness.mjs';

const ID = 'appointment_id=1';
const OPEN_ROW = { activityIdentifier: ID, completed: false };

describe('one activity, one truth', () => {
  let e2e;
  before(async () => {
    e2e = await startE2e();
  });
  after(() => e2e?.close());

  describe('two dashboards on one page, each with its own QueryClient', () => {
    async function twoDashboards() {
      e2e.a.reset({ [ID]: 'NotStarted' });
      return e2e.open([
        { name: 'list', baseUrl: e2e.a.url, rows: [OPEN_ROW] },
        { name: 'detail', baseUrl: e2e.a.url, rows: [OPEN_ROW] },
      ]);
    }

    it('shows a click in one in the other at once, before the server answers', async () => {
      const view = await twoDashboards();
      const release = e2e.a.fake.hold();
      await view.box('list', ID).click();
      await view.tab.waitForSelector(
        `[data-dashboard="detail"] [data-row="${ID}"] [data-part="input"][data-state="checked"]`,
      );
      assert.equal(e2e.a.fake.status(ID), 'NotStarted', 'the server has not answered yet');
      release();
      await view.settled('list', ID, 'checked');
      await view.settled('detail', ID, 'checked');
      assert.equal(e2e.a.fake.toggleRequestsFor(ID).length, 1);
      assert.equal(e2e.a.fake.status(ID), 'Completed');
    });

    it('never overlaps two toggles at the server for rapid clicks across both, and ends at the last click', async () => {
      const view = await twoDashboards();
      // Slow enough that clicks land while a toggle is in flight.
      e2e.a.fake.setLatency(200);
      // 5 clicks, alternating: the last one means completed.
      for (const dashboard of ['list', 'detail', 'list', 'detail', 'list']) {
        await view.box(dashboard, ID).click();
      }
      await view.settled('list', ID, 'checked');
      await view.settled('detail', ID, 'checked');

      assert.equal(e2e.a.maxInFlight.get(ID), 1, 'at most one toggle in flight');
      assert.equal(e2e.a.fake.status(ID), 'Completed');
      assert.equal(await view.alert('list', ID).count(), 0);
      assert.equal(await view.alert('detail', ID).count(), 0);
    });
  });

  describe('two sites on two origins, with the same identifiers', () => {
    it('ticking a row on one site changes nothing on the other', async () => {
      e2e.a.reset({ [ID]: 'NotStarted' });
      e2e.b.reset({ [ID]: 'NotStarted' });
      const view = await e2e.open([
        { name: 'siteA', client: 'one', baseUrl: e2e.a.url, rows: [OPEN_ROW] },
        { name: 'siteB', client: 'one', baseUrl: e2e.b.url, rows: [OPEN_ROW] },
      ]);
      await view.box('siteA', ID).focus();
      await view.tab.keyboard.press('Space');
      assert.equal(await view.box('siteB', ID).isChecked(), false);
      await view.settled('siteA', ID, 'checked');

      assert.equal(await view.box('siteB', ID).isChecked(), false);
      assert.equal(e2e.a.fake.status(ID), 'Completed');
      assert.equal(e2e.b.fake.status(ID), 'NotStarted');
      assert.equal(e2e.b.fake.requests.length, 0);

      // And the other way round, across origins (CORS) to site b.
      await view.box('siteB', ID).click();
      await view.settled('siteB', ID, 'checked');
      assert.equal(e2e.b.fake.status(ID), 'Completed');
      assert.equal(e2e.a.fake.toggleRequestsFor(ID).length, 1);
      assert.equal(await view.box('siteA', ID).isChecked(), true);
    });

    it('carries out on the old site what was clicked there when the provider switches baseUrl', async () => {
      e2e.a.reset({ [ID]: 'NotStarted' });
      e2e.b.reset({ [ID]: 'NotStarted' });
      const view = await e2e.open([{ name: 'switching', baseUrl: e2e.a.url, rows: [OPEN_ROW] }]);
      const release = e2e.a.fake.hold();
      // The first toggle is held at site a; the second click waits for it in the lane.
      await view.box('switching', ID).click();
      await view.box('switching', ID).click();
      await waitUntil(() => e2e.a.fake.toggleRequestsFor(ID).length === 1);
      await view.tab.evaluate((url) => window.e2e.setBaseUrl('switching', url), e2e.b.url);
      release();
      await waitUntil(() => e2e.a.fake.toggleRequestsFor(ID).length === 2);
      await view.settled('switching', ID, 'unchecked');

      assert.equal(e2e.b.fake.toggleRequestsFor(ID).length, 0, 'nothing was sent to site b');
      assert.equal(e2e.b.fake.status(ID), 'NotStarted');
      assert.equal(e2e.a.fake.status(ID), 'NotStarted', 'site a ends where its last click said');
      assert.equal(await view.alert('switching', ID).count(), 0);

      // The provider now speaks to site b, and only to it.
      await view.box('switching', ID).click();
      await view.settled('switching', ID, 'checked');
      assert.equal(e2e.b.fake.status(ID), 'Completed');
      assert.equal(e2e.a.fake.toggleRequestsFor(ID).length, 2);
    });
  });

  it('logs nothing on logout (queryClient.clear()) and shows what the dashboard reports', async () => {
    const DONE = 'appointment_id=2';
    e2e.a.reset({ [ID]: 'NotStarted', [DONE]: 'Completed' });
    const view = await e2e.open([
      {
        name: 'list',
        baseUrl: e2e.a.url,
        rows: [OPEN_ROW, { activityIdentifier: DONE, status: 'Completed' }],
      },
      { name: 'detail', client: 'list', baseUrl: e2e.a.url, rows: [OPEN_ROW] },
    ]);
    await view.box('list', ID).click();
    await view.settled('list', ID, 'checked');
    await view.settled('detail', ID, 'checked');

    await view.tab.evaluate(() => window.e2e.clear('list'));
    // The dashboard still reports the row open; after a logout that is all there is to show.
    await view.settled('list', ID, 'unchecked');
    await view.settled('detail', ID, 'unchecked');
    await view.settled('list', DONE, 'checked');
    await view.tab.waitForTimeout(300);
    assert.deepEqual(view.problems, []);
    assert.equal(e2e.a.fake.toggleRequestsFor(ID).length, 1, 'clearing sends nothing');
  });
});

async function waitUntil(condition, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${condition}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
