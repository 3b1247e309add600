import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActivityLanes } from '../../src/core/activityLanes.js';
import type { TabMessage } from '../../src/core/browser/tabChannel.js';
import { createSuperOfficeClient } from '../../src/index.js';
import { createFakeFetch, FAKE_CREDENTIALS, FakeWebApi } from '../../src/testing/index.js';
import { memoryBrowser } from '../support/memoryTabs.js';

// What a tab shows of another tab's messages (rule 12), and for how long; the other tab is
// played by posting on its channel, so each message is exactly the one under test.

const A1 = 'appointment_id=1';

afterEach(() => {
  vi.useRealTimers();
});

function setup() {
  const fake = new FakeWebApi({ activities: { [A1]: 'NotStarted' } });
  const client = createSuperOfficeClient({
    baseUrl: 'https://crm.shown.test/api',
    auth: { scheme: 'Bearer', token: FAKE_CREDENTIALS.bearerTokens[0] as string },
    fetch: createFakeFetch(fake),
    timeout: 200,
  });
  // Waits out a held request of over a minute.
  const patientClient = createSuperOfficeClient({
    baseUrl: 'https://crm.shown.test/api',
    auth: { scheme: 'Bearer', token: FAKE_CREDENTIALS.bearerTokens[0] as string },
    fetch: createFakeFetch(fake),
    timeout: 120_000,
  });
  const browser = memoryBrowser();
  const platform = browser.tab();
  const lanes = new ActivityLanes(() => platform);
  const lane = lanes.lane(client.site, A1);
  lane.subscribe(() => undefined);
  const other = browser.tab();
  const site = client.site;
  /** The other tab tells `status`, and a word the server said if `confirmed`. */
  const tell = (message: Partial<TabMessage> & Pick<TabMessage, 'status'>) =>
    other.channel.post({
      site,
      activityIdentifier: A1,
      pending: false,
      checking: false,
      queued: false,
      ...message,
    });
  /** The other tab's turn ended at `status`: stored, then told. */
  const confirm = (status: 'Completed' | 'NotStarted') => {
    other.intents.heard(site, A1, status);
    tell({ status, confirmed: status, confirmedAt: Date.now() });
  };
  return { fake, client, patientClient, lanes, lane, site, tell, confirm, browser };
}

describe("another tab's pending intent", () => {
  it("is not shown over this tab's own run", async () => {
    const { fake, client, lanes, lane, site, tell } = setup();
    lane.report({}, 'NotStarted', true);
    const release = fake.hold();
    const settled = lanes.want(site, A1, true, { client });
    await vi.waitFor(() => expect(fake.toggleRequestsFor(A1)).toHaveLength(1));
    tell({ status: 'NotStarted', pending: true });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(lane.state).toMatchObject({ status: 'Completed', pending: true });
    release();
    await settled;
  });

  it('is shown a full minute from its newest message, not its first', async () => {
    vi.useFakeTimers();
    const { lane, tell } = setup();
    lane.report({}, 'NotStarted', true);
    tell({ status: 'Completed', pending: true });
    await vi.advanceTimersByTimeAsync(30_000);
    tell({ status: 'NotStarted', pending: true });
    await vi.advanceTimersByTimeAsync(31_000);
    expect(lane.state).toMatchObject({ status: 'NotStarted', pending: true });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(lane.state.pending).toBe(false);
  });

  it('no longer times out once this tab clicks: its own run shows what is pending', async () => {
    vi.useFakeTimers();
    const { fake, lanes, lane, site, tell, patientClient } = setup();
    lane.report({}, 'NotStarted', true);
    tell({ status: 'Completed', pending: true });
    await vi.advanceTimersByTimeAsync(1);
    const release = fake.hold();
    const settled = lanes.want(site, A1, true, { client: patientClient });
    await vi.advanceTimersByTimeAsync(61_000);
    expect(lane.state).toMatchObject({ status: 'Completed', pending: true });
    release();
    await vi.advanceTimersByTimeAsync(1);
    await expect(settled).resolves.toBe('Completed');
  });

  it('once settled there, stays settled: no minute runs out on a rollback', async () => {
    vi.useFakeTimers();
    const { lane, tell } = setup();
    lane.report({}, 'NotStarted', true);
    tell({ status: 'Completed', pending: true });
    await vi.advanceTimersByTimeAsync(1);
    // Refused there: rolled back, no word from the server.
    tell({
      status: 'NotStarted',
      error: { name: 'SuperOfficeApiError', message: 'No rights', outcomeUnknown: false },
    });
    await vi.advanceTimersByTimeAsync(61_000);
    expect(lane.state).toMatchObject({ status: 'NotStarted', pending: false });
    expect(lane.state.error?.message).toBe('No rights');
  });
});

describe("another tab's word from the server", () => {
  it('is evidence: a mount report that disagrees with it is read back', async () => {
    const { fake, client, lane, confirm } = setup();
    fake.setStatus(A1, 'Completed');
    confirm('Completed');
    await vi.waitFor(() => expect(lane.state.status).toBe('Completed'));
    lane.report({}, 'NotStarted', true, client);
    await vi.waitFor(() => expect(fake.readCount(A1)).toBe(1));
    await vi.waitFor(() => expect(lane.state.status).toBe('Completed'));
  });

  it('is not forgotten when that tab then tells only what it shows', async () => {
    const { fake, client, lane, confirm, tell } = setup();
    fake.setStatus(A1, 'Completed');
    confirm('Completed');
    tell({ status: 'NotStarted', pending: true });
    tell({ status: 'Completed' });
    await vi.waitFor(() =>
      expect(lane.state).toMatchObject({ status: 'Completed', pending: false }),
    );
    lane.report({}, 'NotStarted', true, client);
    await vi.waitFor(() => expect(fake.readCount(A1)).toBe(1));
  });

  it("is the basis of this tab's next click, even after an unknown outcome here: no read", async () => {
    const { fake, client, lanes, lane, site, confirm } = setup();
    lane.report({}, 'NotStarted', true);
    fake.inject({ drop: 'before-apply' });
    fake.inject({ status: 503, retryAfter: 0 }, { on: 'read', times: Number.POSITIVE_INFINITY });
    await lanes.want(site, A1, true, { client }).catch(() => undefined);
    fake.clearFaults();
    const before = fake.requestsFor(A1).length;
    confirm('NotStarted');
    await vi.waitFor(() => expect(lane.state.error).toBeUndefined());
    await expect(lanes.want(site, A1, true, { client })).resolves.toBe('Completed');
    expect(
      fake
        .requestsFor(A1)
        .slice(before)
        .map((request) => request.endpoint),
    ).toEqual(['toggle']);
  });
});

describe('what this tab tells the others', () => {
  it('includes the read-back of an unknown outcome, while it checks', async () => {
    const { fake, client, lanes, lane, site, browser } = setup();
    const watching = new ActivityLanes(() => browser.tab()).lane(site, A1);
    const checking: boolean[] = [];
    watching.subscribe(() => checking.push(watching.state.checking));
    lane.report({}, 'NotStarted', true);
    fake.inject({ drop: 'after-apply' });
    await expect(lanes.want(site, A1, true, { client })).resolves.toBe('Completed');
    await vi.waitFor(() =>
      expect(watching.state).toMatchObject({ status: 'Completed', pending: false }),
    );
    expect(checking).toContain(true);
  });
});
