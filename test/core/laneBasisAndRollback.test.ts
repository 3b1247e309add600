import { describe, expect, it, vi } from 'vitest';
import { ActivityLanes } from '../../src/core/activityLanes.js';
import type { Platform } from '../../src/core/browser/platform.js';
import { createSuperOfficeClient, SuperOfficeError } from '../../src/index.js';
import { createFakeFetch, FAKE_CREDENTIALS, FakeWebApi } from '../../src/testing/index.js';
import { holdLock } from '../support/heldLock.js';
import { memoryBrowser } from '../support/memoryTabs.js';

// What one lane takes as the basis of its next toggle (rules 5, 7, 8, 12, 13), what a failure
// rolls back to, and what its views are told; on in-memory tabs and the fake WebAPI.

const A1 = 'appointment_id=1';

function setup(activities: Record<string, 'NotStarted' | 'Completed'> = { [A1]: 'NotStarted' }) {
  const fake = new FakeWebApi({ activities });
  const clientWith = (timeout: number) =>
    createSuperOfficeClient({
      baseUrl: 'https://crm.basis.test/api',
      auth: { scheme: 'Bearer', token: FAKE_CREDENTIALS.bearerTokens[0] as string },
      fetch: createFakeFetch(fake),
      timeout,
    });
  const client = clientWith(200);
  const browser = memoryBrowser();
  const openTab = (platform: Platform = browser.tab()) => new ActivityLanes(() => platform);
  const lanes = openTab();
  const lane = lanes.lane(client.site, A1);
  lane.subscribe(() => undefined); // a view keeps the lane
  const endpoints = () => fake.requestsFor(A1).map((request) => request.endpoint);
  return { fake, client, clientWith, browser, lanes, lane, site: client.site, endpoints };
}

/** Holds the activity's turn in `platform`'s tab, as another tab would. */
const holdTurn = (platform: Platform, site: string) =>
  holdLock(platform, `superoffice-activity-react/lane/${site} ${A1}`);

const refusal = { status: 403, body: { Error: true, ErrorMessage: 'No rights' } };

describe('the basis of a toggle', () => {
  it('is read first once what was known is distrusted (a resumed intent)', async () => {
    const { fake, client, lanes, lane, site, endpoints } = setup();
    fake.setStatus(A1, 'Completed'); // changed behind this page's back
    lane.report({}, 'NotStarted', true);
    lane.distrust();
    await expect(lanes.want(site, A1, true, { client })).resolves.toBe('Completed');
    expect(endpoints()).toEqual(['read']);
  });

  it('is read first after an unknown outcome (rule 5), and not after a definite refusal (rule 6)', async () => {
    const { fake, client, lanes, lane, site, endpoints } = setup();
    lane.report({}, 'NotStarted', true);
    fake.inject({ drop: 'before-apply' });
    fake.inject({ status: 503, retryAfter: 0 }, { on: 'read', times: Number.POSITIVE_INFINITY });
    const unknown = await lanes.want(site, A1, true, { client }).catch((error: unknown) => error);
    expect(unknown).toMatchObject({ outcomeUnknown: true });
    fake.clearFaults();
    const before = fake.requestsFor(A1).length;
    await expect(lanes.want(site, A1, true, { client })).resolves.toBe('Completed');
    expect(endpoints().slice(before)).toEqual(['read', 'toggle']);

    fake.inject(refusal);
    await expect(lanes.want(site, A1, false, { client })).rejects.toThrow('No rights');
    const afterRefusal = fake.requestsFor(A1).length;
    await expect(lanes.want(site, A1, false, { client })).resolves.toBe('NotStarted');
    expect(endpoints().slice(afterRefusal)).toEqual(['toggle']);
  });

  it('is read first when the click waited for the connection (rule 13)', async () => {
    const { client, browser, lanes, lane, site, endpoints } = setup();
    lane.report({}, 'NotStarted', true);
    browser.setOnline(false);
    const settled = lanes.want(site, A1, true, { client });
    await vi.waitFor(() => expect(lane.state.queued).toBe(true));
    browser.setOnline(true);
    await expect(settled).resolves.toBe('Completed');
    expect(endpoints()).toEqual(['read', 'toggle']);
  });

  it("is read first when another tab's turn ended unknown since this tab last knew (rule 12)", async () => {
    const { client, browser, lanes, lane, site, endpoints } = setup();
    lane.report({}, 'NotStarted', true);
    await new Promise((resolve) => setTimeout(resolve, 2));
    browser.tab().intents.heard(site, A1, 'unknown');
    await expect(lanes.want(site, A1, true, { client })).resolves.toBe('Completed');
    expect(endpoints()).toEqual(['read', 'toggle']);
  });

  it("is this tab's report when it is newer than another tab's word", async () => {
    const { fake, client, browser, lanes, lane, site, endpoints } = setup({ [A1]: 'Completed' });
    browser.tab().intents.heard(site, A1, 'NotStarted');
    await new Promise((resolve) => setTimeout(resolve, 2));
    lane.report({}, 'Completed', true); // the dashboard refetched since
    await expect(lanes.want(site, A1, false, { client })).resolves.toBe('NotStarted');
    expect(endpoints()).toEqual(['toggle']);
    expect(fake.status(A1)).toBe('NotStarted');
  });

  it('is where a later click, carried out in another tab while this one waited its turn, ended: nothing sent', async () => {
    const { fake, client, browser, lanes, lane, site } = setup();
    const other = browser.tab();
    const release = await holdTurn(other, site);
    lane.report({}, 'NotStarted', true);
    const settled = lanes.want(site, A1, true, { client });
    await new Promise((resolve) => setTimeout(resolve, 2));
    // The other tab's turn carried out a click made after this one, and ended NotStarted.
    other.intents.heard(site, A1, 'NotStarted', Date.now());
    await new Promise((resolve) => setTimeout(resolve, 2));
    lane.report({}, 'NotStarted', false); // this tab learnt since, from its dashboard
    await release();
    await expect(settled).resolves.toBe('NotStarted');
    expect(lane.confirmed).toBe('NotStarted');
    expect(fake.requests).toHaveLength(0);
  });

  it('waits for the connection before a read-back, when it went away during the toggle', async () => {
    const { fake, client, browser, lanes, lane, site } = setup();
    lane.report({}, 'NotStarted', true);
    const release = fake.hold();
    fake.inject({ drop: 'after-apply' });
    const settled = lanes.want(site, A1, true, { client });
    await vi.waitFor(() => expect(fake.toggleRequestsFor(A1)).toHaveLength(1));
    browser.setOnline(false);
    release();
    await vi.waitFor(() => expect(lane.state).toMatchObject({ queued: true, pending: true }));
    expect(fake.readCount(A1)).toBe(0);
    browser.setOnline(true);
    await expect(settled).resolves.toBe('Completed');
    expect(fake.readCount(A1)).toBe(1);
  });
});

describe('the last click', () => {
  it('is carried out when it comes during the read after the last corrective toggle (rule 3)', async () => {
    const { fake, client, lanes, lane, site, endpoints } = setup();
    lane.report({}, 'NotStarted', true);
    // Before each of the three toggles someone else completes it, so each answer is NotStarted;
    // by the final read, they have completed it once more.
    fake.inject({ changedBy: 'Completed' }, { activityIdentifier: A1, times: 3 });
    fake.inject({ changedBy: 'Completed', delayMs: 100 }, { on: 'read', activityIdentifier: A1 });
    const first = lanes.want(site, A1, true, { client });
    await vi.waitFor(() => expect(fake.readCount(A1)).toBe(1));
    const last = lanes.want(site, A1, false, { client });
    await expect(Promise.all([first, last])).resolves.toEqual(['NotStarted', 'NotStarted']);
    expect(fake.status(A1)).toBe('NotStarted');
    expect(endpoints()).toEqual(['toggle', 'toggle', 'toggle', 'read', 'toggle']);
  });
});

describe('a failure rolls back', () => {
  it('to what was shown before the click when the server said nothing since: a report newer than its last word', async () => {
    const { fake, client, lanes, lane, site } = setup();
    lane.report({}, 'NotStarted', true);
    await expect(lanes.want(site, A1, true, { client })).resolves.toBe('Completed');
    // The dashboard refetched meanwhile (someone unticked it elsewhere).
    lane.report({}, 'NotStarted', false);
    fake.inject(refusal);
    await expect(lanes.want(site, A1, true, { client })).rejects.toThrow('No rights');
    expect(lane.state).toMatchObject({ status: 'NotStarted', pending: false });
  });

  it("to this tab's own view after it showed another tab's intent and then clicked itself", async () => {
    const { fake, client, browser, lanes, lane, site } = setup();
    const other = browser.tab();
    lane.report({}, 'NotStarted', true);
    other.channel.post({
      site,
      activityIdentifier: A1,
      status: 'Completed',
      pending: true,
      checking: false,
      queued: false,
    });
    await vi.waitFor(() => expect(lane.state.pending).toBe(true));
    await expect(lanes.want(site, A1, true, { client })).resolves.toBe('Completed');
    lane.report({}, 'NotStarted', false);
    fake.inject(refusal);
    await expect(lanes.want(site, A1, true, { client })).rejects.toThrow('No rights');
    expect(lane.state.status).toBe('NotStarted');
  });

  it('not over the status a changed-elsewhere ends at, though a report came while the turn was let go (rule 4)', async () => {
    const { fake, client, browser, site } = setup();
    // Letting go of the turn takes the browser a task, as Web Locks do: a report can come in.
    const tab = browser.tab();
    const { run } = tab.locks;
    let onLetGo: () => void = () => undefined;
    tab.locks.run = (name, wait, task) =>
      run(name, wait, task).finally(() =>
        new Promise((resolve) => setTimeout(resolve)).then(onLetGo),
      );
    const lanes = new ActivityLanes(() => tab);
    const lane = lanes.lane(site, A1);
    lane.subscribe(() => undefined);
    lane.report({}, 'NotStarted', true);
    // Before every toggle, someone else completes it: each answer is NotStarted.
    fake.inject(
      { changedBy: 'Completed' },
      { activityIdentifier: A1, times: Number.POSITIVE_INFINITY },
    );
    onLetGo = () => lane.report({}, 'Completed', false);
    const failure = await lanes.want(site, A1, true, { client }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'ActivityChangedElsewhereError', status: 'NotStarted' });
    expect(lane.state).toMatchObject({ status: 'NotStarted', error: failure });
  });

  it("to what was shown, never to another tab's unknown outcome, when the read-back fails", async () => {
    const { fake, client, browser, lanes, lane, site } = setup();
    lane.report({}, 'NotStarted', true);
    await new Promise((resolve) => setTimeout(resolve, 2));
    browser.tab().intents.heard(site, A1, 'unknown');
    fake.inject({ status: 503, retryAfter: 0 }, { on: 'read', times: Number.POSITIVE_INFINITY });
    await expect(lanes.want(site, A1, true, { client })).rejects.toMatchObject({
      outcomeUnknown: true,
    });
    expect(lane.state.status).toBe('NotStarted');
    expect(lane.confirmed).toBeUndefined();
  });

  it('when the turn could not be had within its bound: "could not be confirmed"', async () => {
    const { client, clientWith, browser, lanes, lane, site, fake } = setup();
    lane.report({}, 'NotStarted', true);
    const release = await holdTurn(browser.tab(), site);
    const failure = await lanes
      .want(site, A1, true, { client: clientWith(10) })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SuperOfficeError);
    expect(failure).toMatchObject({
      outcomeUnknown: true,
      message: expect.stringMatching(/No turn/),
    });
    expect(lane.state).toMatchObject({ status: 'NotStarted', pending: false, error: failure });
    expect(fake.requests).toHaveLength(0);
    await release();
    // Unconfirmed: the next click reads first.
    await expect(lanes.want(site, A1, true, { client })).resolves.toBe('Completed');
    expect(fake.requestsFor(A1).map((request) => request.endpoint)).toEqual(['read', 'toggle']);
  });

  it('without an unhandled rejection when nobody awaits the click', async () => {
    const { fake, client, lanes, site } = setup();
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      fake.inject(refusal);
      void lanes.want(site, A1, true, { client });
      await vi.waitFor(() => expect(fake.toggleRequestsFor(A1)).toHaveLength(1));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});

describe("a view's report (rule 8)", () => {
  it('agreeing with what the server confirmed is not read back; disagreeing is', async () => {
    const { fake, client, lanes, lane, site } = setup();
    lane.report({}, 'NotStarted', true);
    await lanes.want(site, A1, true, { client });
    lane.report({}, 'Completed', true, client);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.readCount(A1)).toBe(0);
    lane.report({}, 'NotStarted', true, client);
    await vi.waitFor(() => expect(fake.readCount(A1)).toBe(1));
    await vi.waitFor(() => expect(lane.state.status).toBe('Completed'));
  });

  it('read back does not overwrite a click made while the read was on its way', async () => {
    const { fake, client, lanes, lane, site } = setup();
    await lanes.want(site, A1, true, { client });
    fake.setStatus(A1, 'NotStarted'); // unticked elsewhere; a view mounts showing that
    const release = fake.hold();
    lane.report({}, 'NotStarted', true, client);
    await vi.waitFor(() => expect(fake.readCount(A1)).toBe(2));
    const settled = lanes.want(site, A1, true, { client });
    await vi.waitFor(() => expect(fake.toggleRequestsFor(A1)).toHaveLength(2));
    const shown: (string | undefined)[] = [];
    const stop = lane.subscribe(() => shown.push(lane.state.status));
    release();
    await expect(settled).resolves.toBe('Completed');
    expect(shown).not.toContain('NotStarted');
    stop();
  });

  it('falls back to the newest report of a view when the cache is cleared (rule 11)', () => {
    const { lane } = setup();
    const one = {};
    const two = {};
    lane.report(one, 'NotStarted', true);
    lane.report(two, 'Completed', true);
    lane.report(one, 'NotStarted', false);
    lane.forget();
    expect(lane.state.status).toBe('NotStarted');
  });

  it('still reads first after a logout when the last outcome was unknown (rules 5, 11)', async () => {
    const { fake, client, lanes, lane, site, endpoints } = setup();
    lane.report({}, 'NotStarted', true);
    const stop = lane.subscribe(() => undefined);
    fake.inject({ drop: 'before-apply' });
    fake.inject({ status: 503, retryAfter: 0 }, { on: 'read', times: Number.POSITIVE_INFINITY });
    await expect(lanes.want(site, A1, true, { client })).rejects.toMatchObject({
      outcomeUnknown: true,
    });
    fake.clearFaults();
    lane.forget();
    const before = endpoints().length;
    await expect(lanes.want(site, A1, true, { client })).resolves.toBe('Completed');
    expect(endpoints().slice(before)).toEqual(['read', 'toggle']);
    stop();
  });

  it('tells the views only when what they show changes', () => {
    const { lane } = setup();
    const told = vi.fn();
    lane.subscribe(told);
    lane.report({}, 'Completed', true);
    lane.report({}, 'Completed', false);
    expect(told).toHaveBeenCalledTimes(1);
  });
});

describe('a new lane', () => {
  it('shows nothing and nothing pending', () => {
    const { lanes, site } = setup();
    expect(lanes.lane(site, 'appointment_id=9').state).toStrictEqual({
      status: undefined,
      pending: false,
      checking: false,
      queued: false,
      error: undefined,
    });
  });
});
