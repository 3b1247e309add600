import { describe, expect, it, vi } from 'vitest';
import { ActivityLanes } from '../../src/core/activityLanes.js';
import { isolatedPlatform } from '../../src/core/browser/platform.js';
import { createSuperOfficeClient } from '../../src/index.js';
import { createFakeFetch, FAKE_CREDENTIALS, FakeWebApi } from '../../src/testing/index.js';
import { memoryBrowser } from '../support/memoryTabs.js';

// The page-level registry: intents a reload left (rule 13), and the evidence it keeps for
// activities no view shows (rule 8).

const SITE = 'https://crm.registry.test/api';
const A1 = 'appointment_id=1';

/** A client of SITE answered by `fake`, whose toggles may land until `timeout` ms after sending. */
function clientOf(fake: FakeWebApi, timeout = 200) {
  return createSuperOfficeClient({
    baseUrl: SITE,
    auth: { scheme: 'Bearer', token: FAKE_CREDENTIALS.bearerTokens[0] as string },
    fetch: createFakeFetch(fake),
    timeout,
  });
}

/** The activity goes idle in `lanes` with `status` as the server's last word to this page. */
function confirmAndDrop(lanes: ActivityLanes, id: string, status: 'Completed' | 'NotStarted') {
  const lane = lanes.lane(SITE, id);
  lane.hear({
    site: SITE,
    activityIdentifier: id,
    status,
    pending: false,
    checking: false,
    queued: false,
    confirmed: status,
    confirmedAt: Date.now(),
  });
  lane.subscribe(() => undefined)();
}

describe('a resumed intent', () => {
  it('is read first, whatever word an older turn left in storage', async () => {
    const fake = new FakeWebApi({ activities: { [A1]: 'Completed' } });
    const client = clientOf(fake);
    const browser = memoryBrowser();
    const earlier = browser.tab();
    // An older turn ended NotStarted; since then someone completed the activity elsewhere, and
    // a tab clicked it completed while offline and closed before it could send anything.
    earlier.intents.heard(client.site, A1, 'NotStarted');
    earlier.intents.save({
      site: client.site,
      activityIdentifier: A1,
      completed: true,
      at: Date.now(),
      tab: earlier.locks.tab,
    });
    browser.close(earlier);

    const next = browser.tab();
    new ActivityLanes(() => next).resume(client.site, client, 60_000);
    await vi.waitFor(() => expect(browser.storage.size).toBe(0));
    expect(fake.requestsFor(A1).map((request) => request.endpoint)).toEqual(['read']);
    expect(fake.status(A1)).toBe('Completed');
  });

  it("is read first, not toggled on the reload's report, when another tab carried out a later click while it waited (rules 3, 7)", async () => {
    const fake = new FakeWebApi({ activities: { [A1]: 'Completed' } });
    const browser = memoryBrowser();
    // A tab clicked it completed, sent the toggle (it landed) and closed before the answer.
    const closed = browser.tab();
    closed.intents.save({
      site: SITE,
      activityIdentifier: A1,
      completed: true,
      at: Date.now(),
      sentAt: Date.now(),
      tab: closed.locks.tab,
    });
    browser.close(closed);

    // The reload shows the dashboard's report, then waits until that toggle can no longer land.
    const reloaded = new ActivityLanes(browser.tab);
    const lane = reloaded.lane(SITE, A1);
    lane.subscribe(() => undefined);
    lane.report({}, 'Completed', true);
    reloaded.resume(SITE, clientOf(fake, 400), 60_000);
    await vi.waitFor(() => expect(lane.state.pending).toBe(true));

    // Meanwhile the user unticks it in another tab, whose shorter wait ends first; the
    // reload's dashboard refetches after that turn.
    const other = new ActivityLanes(browser.tab);
    other.lane(SITE, A1).report({}, 'Completed', false);
    await expect(other.want(SITE, A1, false, { client: clientOf(fake, 50) })).resolves.toBe(
      'NotStarted',
    );
    await new Promise((resolve) => setTimeout(resolve, 2));
    lane.report({}, 'NotStarted', false);

    await vi.waitFor(() => expect(lane.state.pending).toBe(false), { timeout: 3_000 });
    // The reload's own basis is older than that turn: it reads, and sends no toggle.
    expect(fake.requestsFor(A1).map((request) => request.endpoint)).toEqual([
      'read',
      'toggle',
      'read',
    ]);
    expect(fake.status(A1)).toBe('NotStarted');
    expect(lane.state.status).toBe('NotStarted');
  });
});

describe('the evidence kept for activities no view shows', () => {
  it('goes once a lane made from it was cleared (rule 11), so the next lane does not bring it back', () => {
    const lanes = new ActivityLanes(isolatedPlatform);
    confirmAndDrop(lanes, A1, 'Completed');
    const lane = lanes.lane(SITE, A1);
    expect(lane.confirmed).toBe('Completed');
    lane.forget();
    lane.subscribe(() => undefined)();
    expect(lanes.lane(SITE, A1).confirmed).toBeUndefined();
  });

  it('is not pushed out by lanes that learnt nothing', () => {
    const lanes = new ActivityLanes(isolatedPlatform);
    confirmAndDrop(lanes, A1, 'Completed');
    for (let id = 2; id <= 2_001; id++) {
      lanes.lane(SITE, `appointment_id=${id}`).subscribe(() => undefined)();
    }
    expect(lanes.size).toBe(0);
    expect(lanes.lane(SITE, A1).confirmed).toBe('Completed');
  });
});
