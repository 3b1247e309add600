// The server ends where the user's last click said (issue 11), from the packed tarball in real
// Chromium, with real pointer clicks and keys, against the fake WebAPI over real sockets.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startE2e } from './support/e2eHarness.mjs';

const ID = 'appointment_id=1';
const UNCONFIRMED = 'The change could not be confirmed.';

describe('converging on the user’s intent', () => {
  let e2e;
  before(async () => {
    e2e = await startE2e();
  });
  after(() => e2e?.close());

  /** One dashboard on site a with one row; the fake starts at `serverStatus`. */
  async function oneRow(row, serverStatus) {
    e2e.a.reset({ [ID]: serverStatus });
    return e2e.open([
      { name: 'list', baseUrl: e2e.a.url, rows: [{ activityIdentifier: ID, ...row }] },
    ]);
  }

  it('ends completed when Chromium silently resends the toggle after the server applied it', async () => {
    const view = await oneRow({ completed: false }, 'NotStarted');
    // Applied, then the kept-alive connection drops before the answer: Chromium sends it again.
    e2e.a.fake.inject({ drop: 'after-apply' }, { activityIdentifier: ID });
    await view.box('list', ID).click();
    await view.settled('list', ID, 'checked');

    const [first, resent] = e2e.a.toggles;
    assert.ok(first?.onReusedSocket, 'precondition: the first toggle came on a kept-alive socket');
    assert.equal(resent?.body, first.body, 'Chromium resent the same POST');
    assert.notEqual(resent.socket, first.socket, 'on a new connection');
    // 1 fetch that Chromium sent twice (the server flipped twice), then 1 corrective toggle.
    assert.equal((await view.toggleFetches()).length, 2);
    assert.equal(e2e.a.fake.toggleRequestsFor(ID).length, 3);
    assert.equal(e2e.a.fake.status(ID), 'Completed');
    assert.equal(await view.box('list', ID).isChecked(), true);
    assert.equal(await view.alert('list', ID).count(), 0);
    assert.deepEqual(await view.events(), [
      { dashboard: 'list', activityIdentifier: ID, completed: true, status: 'Completed' },
    ]);
  });

  it('ends completed when the connection drops before the toggle was applied, with no error', async () => {
    const view = await oneRow({ completed: false }, 'NotStarted');
    e2e.a.fake.inject({ drop: 'before-apply' }, { activityIdentifier: ID });
    await view.box('list', ID).click();
    await view.settled('list', ID, 'checked');

    // Whether Chromium resent it or the library read it back, the server flipped once.
    assert.equal(e2e.a.fake.toggleCount(ID), 1);
    assert.equal(e2e.a.fake.status(ID), 'Completed');
    assert.equal(await view.alert('list', ID).count(), 0);
    assert.deepEqual(await view.events(), [
      { dashboard: 'list', activityIdentifier: ID, completed: true, status: 'Completed' },
    ]);
  });

  it('ticks a stale row (the server is already completed) with 2 toggles and no error', async () => {
    const view = await oneRow({ completed: false }, 'Completed');
    await view.box('list', ID).focus();
    await view.tab.keyboard.press('Space');
    await view.settled('list', ID, 'checked');

    assert.equal(e2e.a.fake.toggleRequestsFor(ID).length, 2);
    assert.equal(e2e.a.fake.status(ID), 'Completed');
    assert.equal(await view.alert('list', ID).count(), 0);
    assert.deepEqual(await view.events(), [
      { dashboard: 'list', activityIdentifier: ID, completed: true, status: 'Completed' },
    ]);
  });

  describe('a 504 from the gateway', () => {
    it('reads back a toggle that was applied, and sends no other (1 toggle)', async () => {
      const view = await oneRow({ completed: false }, 'NotStarted');
      e2e.a.gateway504AfterApply = 1;
      await view.box('list', ID).click();
      await view.settled('list', ID, 'checked');

      assert.equal(e2e.a.fake.toggleRequestsFor(ID).length, 1);
      assert.ok(e2e.a.fake.readCount(ID) >= 1, 'the outcome was read back');
      assert.equal(e2e.a.fake.status(ID), 'Completed');
      assert.equal(await view.alert('list', ID).count(), 0);
      assert.deepEqual(await view.events(), [
        { dashboard: 'list', activityIdentifier: ID, completed: true, status: 'Completed' },
      ]);
    });

    it('reads back a toggle that was not applied, and sends it again (2 toggles)', async () => {
      const view = await oneRow({ completed: false }, 'NotStarted');
      e2e.a.fake.inject(
        { status: 504, body: '<html><body>504 Gateway Time-out</body></html>' },
        { activityIdentifier: ID },
      );
      await view.box('list', ID).click();
      await view.settled('list', ID, 'checked');

      assert.equal(e2e.a.fake.toggleRequestsFor(ID).length, 2);
      assert.ok(e2e.a.fake.readCount(ID) >= 1, 'the outcome was read back');
      assert.equal(e2e.a.fake.status(ID), 'Completed');
      assert.equal(await view.alert('list', ID).count(), 0);
      assert.deepEqual(await view.events(), [
        { dashboard: 'list', activityIdentifier: ID, completed: true, status: 'Completed' },
      ]);
    });
  });

  it('rolls back and says "could not be confirmed" when reads keep failing (onError once, ≤ 4 reads); the next click reads first', async () => {
    const view = await oneRow({ completed: false }, 'NotStarted');
    e2e.a.fake.inject({ drop: 'before-apply' }, { activityIdentifier: ID, times: Infinity });
    e2e.a.fake.inject({ status: 503 }, { on: 'read', activityIdentifier: ID, times: Infinity });
    await view.box('list', ID).click();
    await view.alert('list', ID).waitFor({ timeout: 20_000 });
    await view.settled('list', ID, 'unchecked');

    assert.equal(await view.alert('list', ID).textContent(), UNCONFIRMED);
    assert.equal(await view.box('list', ID).isChecked(), false);
    const reads = e2e.a.fake.readCount(ID);
    assert.ok(reads >= 1 && reads <= 4, `${reads} reads`);
    // Never toggle blind: the library sent the one toggle (Chromium may have resent it).
    assert.equal((await view.toggleFetches()).length, 1);
    assert.equal(e2e.a.fake.status(ID), 'NotStarted');
    assert.deepEqual(await view.events(), [
      {
        dashboard: 'list',
        activityIdentifier: ID,
        error: { name: 'SuperOfficeNetworkError', outcomeUnknown: true },
      },
    ]);

    // The server is reachable again: the next click reads before it toggles.
    e2e.a.fake.clearFaults();
    const seen = e2e.a.fake.requests.length;
    await view.box('list', ID).click();
    await view.settled('list', ID, 'checked');
    const next = e2e.a.fake.requests.slice(seen).map((request) => request.endpoint);
    assert.equal(next[0], 'read', `then: ${next.join(', ')}`);
    assert.equal(e2e.a.fake.status(ID), 'Completed');
    assert.equal(await view.alert('list', ID).count(), 0, 'a new click clears the error');
  });
});
