import { describe, expect, it, vi } from 'vitest';
import { ActivityLanes } from '../../src/core/activityLanes.js';
import { isolatedPlatform, type Platform } from '../../src/core/browser/platform.js';
import {
  ActivityChangedElsewhereError,
  createSuperOfficeClient,
  InvalidActivityIdentifierError,
  SuperOfficeError,
} from '../../src/index.js';
import { createFakeFetch, FAKE_CREDENTIALS, FakeWebApi } from '../../src/testing/index.js';
import { memoryBrowser } from '../support/memoryTabs.js';

// The lanes' own edges, on in-memory tabs (test/support/memoryTabs.ts) and the fake WebAPI:
// what other tabs are shown, how long, and what the page-level registry keeps.

const A1 = 'appointment_id=1';
const S2 = 'sale_id=2';

function setup(activities: Record<string, 'NotStarted' | 'Started' | 'Completed'> = {}) {
  const fake = new FakeWebApi({ activities });
  const client = createSuperOfficeClient({
    baseUrl: 'https://crm.edges.test/api',
    auth: { scheme: 'Bearer', token: FAKE_CREDENTIALS.bearerTokens[0] as string },
    fetch: createFakeFetch(fake),
    timeout: 200,
  });
  const browser = memoryBrowser();
  const openTab = (platform: Platform = browser.tab()) => new ActivityLanes(() => platform);
  return { fake, client, browser, openTab, site: client.site };
}

/** Keeps a lane alive (a view on it) until the test ends. */
function watch(lanes: ActivityLanes, site: string, id: string) {
  const lane = lanes.lane(site, id);
  lane.subscribe(() => undefined);
  return lane;
}

describe("another tab's errors", () => {
  it("show a refusal with the server's words, never taken for an unknown outcome", async () => {
    const { fake, client, openTab, site } = setup({ [A1]: 'NotStarted' });
    const one = openTab();
    const seen = watch(openTab(), site, A1);
    fake.inject({ status: 403, body: { Error: true, ErrorMessage: 'No rights to A1' } });
    await one.want(site, A1, true, { client }).catch(() => undefined);
    await vi.waitFor(() => expect(seen.state.error?.message).toBe('No rights to A1'));
    expect(seen.state.error).toBeInstanceOf(SuperOfficeError);
    expect(seen.state).toMatchObject({ pending: false, error: { outcomeUnknown: false } });
  });

  it('show "changed elsewhere" as that error, with the status the server ends at', async () => {
    const { fake, client, openTab, site } = setup({ [A1]: 'NotStarted' });
    const one = openTab();
    const seen = watch(openTab(), site, A1);
    // Before every toggle, someone else completes it: each answer is NotStarted.
    fake.inject(
      { changedBy: 'Completed' },
      { activityIdentifier: A1, times: Number.POSITIVE_INFINITY },
    );
    await one.want(site, A1, true, { client }).catch(() => undefined);
    await vi.waitFor(() => expect(seen.state.error).toBeInstanceOf(ActivityChangedElsewhereError));
    expect((seen.state.error as ActivityChangedElsewhereError).status).toBe(fake.status(A1));
    expect(seen.state.status).toBe(fake.status(A1));
  });
});

describe("another tab's pending intent", () => {
  it('is shown for at most a minute when that tab says nothing more (it closed mid-run)', async () => {
    vi.useFakeTimers();
    try {
      const { browser, openTab, site } = setup();
      const closing = browser.tab();
      const seen = watch(openTab(), site, A1);
      seen.report({}, 'NotStarted', false);
      closing.channel.post({
        site,
        activityIdentifier: A1,
        status: 'Completed',
        pending: true,
        checking: true,
        queued: false,
      });
      await vi.advanceTimersByTimeAsync(1);
      browser.close(closing);
      expect(seen.state).toMatchObject({ status: 'Completed', pending: true, checking: true });
      await vi.advanceTimersByTimeAsync(59_990);
      expect(seen.state.pending).toBe(true);
      await vi.advanceTimersByTimeAsync(20);
      // Back to what this tab showed before: nothing confirmed the other tab's intent.
      expect(seen.state).toMatchObject({ status: 'NotStarted', pending: false, checking: false });
    } finally {
      vi.useRealTimers();
    }
  });

  it("falls back to the server's last word, once it has one", async () => {
    vi.useFakeTimers();
    try {
      const { browser, openTab, site } = setup();
      const other = browser.tab();
      const seen = watch(openTab(), site, A1);
      const post = (pending: boolean, confirmed?: 'NotStarted') =>
        other.channel.post({
          site,
          activityIdentifier: A1,
          status: 'Completed',
          pending,
          checking: false,
          queued: true,
          confirmed,
          confirmedAt: confirmed === undefined ? undefined : Date.now(),
        });
      browser.storage.clear();
      other.intents.heard(site, A1, 'NotStarted');
      post(false, 'NotStarted');
      post(true);
      await vi.advanceTimersByTimeAsync(1);
      expect(seen.state).toMatchObject({ status: 'Completed', pending: true, queued: true });
      await vi.advanceTimersByTimeAsync(60_000);
      expect(seen.state).toMatchObject({ status: 'NotStarted', pending: false, queued: false });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the registry of lanes', () => {
  it('refuses a bad identifier on every view, sends nothing, and keeps no lane for it', async () => {
    const { fake, client, openTab, site } = setup();
    const lanes = openTab();
    await expect(lanes.want(site, 'contact_id=1', true, { client })).rejects.toBeInstanceOf(
      InvalidActivityIdentifierError,
    );
    expect(fake.requests).toHaveLength(0);
    expect(lanes.size).toBe(0);
    const seen = watch(lanes, site, 'contact_id=1');
    await lanes.want(site, 'contact_id=1', 'flip', { client }).catch(() => undefined);
    expect(seen.state.error).toBeInstanceOf(InvalidActivityIdentifierError);
    expect(seen.state.status).toBeUndefined();
  });

  it('drops a lane with no view and nothing unsettled, and hands its evidence to the next one', async () => {
    const { client, openTab, site } = setup({ [S2]: 'Started' });
    const lanes = openTab();
    expect(lanes.stateOf(site, S2)).toEqual({
      status: undefined,
      pending: false,
      checking: false,
      queued: false,
      error: undefined,
    });
    expect(lanes.find(site, S2)).toBeUndefined();
    const stop = lanes.lane(site, S2).subscribe(() => undefined);
    await expect(lanes.want(site, S2, true, { client })).resolves.toBe('Completed');
    expect(lanes.size).toBe(1);
    stop();
    expect(lanes.size).toBe(0);
    expect(lanes.lane(site, S2).confirmed).toBe('Completed');
    lanes.forgetEvidence();
    expect(lanes.lane('https://elsewhere.test/api', S2).confirmed).toBeUndefined();
  });

  it('keeps the lane that replaced a dropped one when the dropped one goes idle again', () => {
    const { openTab, site } = setup();
    const lanes = openTab();
    const dropped = lanes.lane(site, A1);
    const stop = dropped.subscribe(() => undefined);
    stop();
    const current = watch(lanes, site, A1);
    expect(current).not.toBe(dropped);
    stop(); // a view that lets go twice
    expect(lanes.lane(site, A1)).toBe(current);
  });

  it('keeps the evidence of at most 2,000 activities no view shows, dropping the oldest', async () => {
    const { browser, openTab, site } = setup();
    const other = browser.tab();
    const lanes = openTab();
    void lanes.platform; // listening from now on
    for (let id = 1; id <= 2_001; id++) {
      other.intents.heard(site, `appointment_id=${id}`, 'Completed');
      other.channel.post({
        site,
        activityIdentifier: `appointment_id=${id}`,
        status: 'Completed',
        pending: false,
        checking: false,
        queued: false,
        confirmed: 'Completed',
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lanes.lane(site, 'appointment_id=1').confirmed).toBeUndefined();
    expect(lanes.lane(site, 'appointment_id=2').confirmed).toBe('Completed');
    expect(lanes.lane(site, 'appointment_id=2001').confirmed).toBe('Completed');
  });

  it("resumes only its own site's intents, and nothing once stopped", async () => {
    const { fake, client, browser, openTab, site } = setup({ [A1]: 'NotStarted' });
    const stored = { activityIdentifier: A1, completed: true, at: Date.now(), tab: 'gone' };
    browser.storage.set(`other ${A1}`, { ...stored, site: 'https://other.test/api' });
    openTab().resume(site, client, 60_000);
    const stop = openTab().resume('https://other.test/api', client, 60_000);
    stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.requests).toHaveLength(0);
    expect(browser.storage.size).toBe(1);
  });
});

describe('a tab of its own', () => {
  it('writes nothing down with persist: false, and still carries the click out', async () => {
    const { fake, client, browser, openTab, site } = setup({ [A1]: 'NotStarted' });
    const release = fake.hold();
    const settled = openTab().want(site, A1, true, { client, persist: false });
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
    expect(browser.storage.size).toBe(0);
    release();
    await expect(settled).resolves.toBe('Completed');
  });

  it('works on an isolated platform: no other tab, always online', async () => {
    const { fake, client, site } = setup({ [A1]: 'NotStarted' });
    const lanes = new ActivityLanes(isolatedPlatform);
    await expect(lanes.want(site, A1, 'flip', { client })).resolves.toBe('Completed');
    expect(fake.toggleRequestsFor(A1)).toHaveLength(1);
  });

  it('shows the lane queued while offline, to other tabs too, and not after', async () => {
    const { fake, client, browser, openTab, site } = setup({ [A1]: 'NotStarted' });
    const one = openTab();
    const seen = watch(openTab(), site, A1);
    browser.setOnline(false);
    const settled = one.want(site, A1, true, { client });
    await vi.waitFor(() => expect(seen.state).toMatchObject({ queued: true, pending: true }));
    expect(one.stateOf(site, A1).queued).toBe(true);
    browser.setOnline(true);
    await settled;
    await vi.waitFor(() => expect(seen.state).toMatchObject({ queued: false, pending: false }));
    expect(fake.toggleRequestsFor(A1)).toHaveLength(1);
  });
});
