import { describe, expect, it, vi } from 'vitest';
import { ActivityLanes } from '../../src/core/activityLanes.js';
import type { Platform } from '../../src/core/browser/platform.js';
import { createSuperOfficeClient } from '../../src/index.js';
import { createFakeFetch, FAKE_CREDENTIALS, FakeWebApi } from '../../src/testing/index.js';
import { memoryBrowser } from '../support/memoryTabs.js';

const A1 = 'appointment_id=1';
const A2 = 'appointment_id=2';
const A3 = 'appointment_id=3';
const BASE_URL = 'https://crm.tabs.test/api';

function setup(activities: Record<string, 'NotStarted' | 'Completed'>) {
  const fake = new FakeWebApi({ activities });
  const client = createSuperOfficeClient({
    baseUrl: BASE_URL,
    auth: { scheme: 'Bearer', token: FAKE_CREDENTIALS.bearerTokens[0] as string },
    fetch: createFakeFetch(fake),
    timeout: 200,
  });
  const browser = memoryBrowser();
  const openTab = () => {
    const platform = browser.tab();
    return { platform, lanes: new ActivityLanes(() => platform) };
  };
  return { fake, client, browser, openTab, site: client.site };
}

/** A tab that clicked A1, sent its toggle at `sentAt` and closed before the answer came. */
function closeWithToggleInFlight(
  browser: ReturnType<typeof memoryBrowser>,
  platform: Platform,
  site: string,
  sentAt: number,
) {
  const tab = platform.locks.tab;
  platform.intents.save({ site, activityIdentifier: A1, completed: true, at: sentAt, sentAt, tab });
  browser.close(platform);
}

describe('rule 12: one writer per activity across tabs', () => {
  it('shows a click in another tab, pending included, without a request of its own', async () => {
    const { fake, client, openTab, site } = setup({ [A1]: 'NotStarted' });
    const one = openTab();
    const two = openTab();
    const seen = two.lanes.lane(site, A1);
    const stop = seen.subscribe(() => undefined);
    const release = fake.hold();

    one.lanes.lane(site, A1).report({}, 'NotStarted', false);
    const settled = one.lanes.want(site, A1, true, { client });
    await vi.waitFor(() =>
      expect(seen.state).toMatchObject({ status: 'Completed', pending: true }),
    );
    release();
    await settled;
    await vi.waitFor(() =>
      expect(seen.state).toMatchObject({ status: 'Completed', pending: false }),
    );

    // Tab two sent nothing: one toggle, no read.
    expect(fake.requests).toHaveLength(1);
    stop();
  });

  it('never sends two toggles for one intent from two tabs, and ends at the last click', async () => {
    const { fake, client, openTab, site } = setup({ [A1]: 'NotStarted' });
    const one = openTab();
    const two = openTab();
    const stop = two.lanes.lane(site, A1).subscribe(() => undefined);
    const release = fake.hold();

    const first = one.lanes.want(site, A1, true, { client });
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
    // The other tab heard the pending intent; its user asks for the same thing.
    await vi.waitFor(() => expect(two.lanes.stateOf(site, A1).pending).toBe(true));
    const second = two.lanes.want(site, A1, true, { client });
    release();
    await Promise.all([first, second]);

    expect(fake.toggleRequestsFor(A1)).toHaveLength(1);
    expect(fake.status(A1)).toBe('Completed');
    stop();
  });

  it("ignores another tab's word that arrives after a newer turn ended (found by the fuzz)", async () => {
    const { client, browser, openTab, site } = setup({ [A1]: 'NotStarted' });
    const tab = openTab();
    const lane = tab.lanes.lane(site, A1);
    const stop = lane.subscribe(() => undefined);
    lane.report({}, 'NotStarted', false);
    await tab.lanes.want(site, A1, true, { client });
    // What a turn that ended before this one said, delivered late (a busy tab, a fast server).
    browser.tab().channel.post({
      site,
      activityIdentifier: A1,
      status: 'NotStarted',
      pending: false,
      checking: false,
      queued: false,
      confirmed: 'NotStarted',
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lane.state.status).toBe('Completed');
    stop();
  });

  it("rolls back to what the dashboard reported, not to nothing, when it fails while showing another tab's intent (found by the fuzz)", async () => {
    const { fake, client, openTab, site } = setup({ [A1]: 'NotStarted' });
    const impatient = createSuperOfficeClient({
      baseUrl: BASE_URL,
      auth: { scheme: 'Bearer', token: FAKE_CREDENTIALS.bearerTokens[0] as string },
      fetch: createFakeFetch(fake),
      timeout: 10,
    });
    const one = openTab();
    const two = openTab();
    const lane = two.lanes.lane(site, A1);
    const stop = lane.subscribe(() => undefined);
    lane.report({}, 'NotStarted', false);
    const release = fake.hold();
    void one.lanes.want(site, A1, true, { client });
    await vi.waitFor(() =>
      expect(lane.state).toMatchObject({ status: 'Completed', pending: true }),
    );

    // Tab one keeps the turn past tab two's bound: "could not be confirmed".
    await expect(two.lanes.want(site, A1, 'flip', { client: impatient })).rejects.toMatchObject({
      outcomeUnknown: true,
    });
    expect(lane.state.status).toBe('NotStarted');
    release();
    stop();
  });

  it('ends at the last click when a click in another tab queued behind a turn that carried out a later one (found by the fuzz)', async () => {
    const { fake, client, openTab, site } = setup({ [A1]: 'NotStarted' });
    const one = openTab();
    const two = openTab();
    const stop = two.lanes.lane(site, A1).subscribe(() => undefined);
    const release = fake.hold();
    const first = one.lanes.want(site, A1, true, { client });
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
    // Tab two's click waits for the turn; then the user clicks twice more in tab one.
    const queued = two.lanes.want(site, A1, false, { client });
    await new Promise((resolve) => setTimeout(resolve, 5));
    void one.lanes.want(site, A1, false, { client });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const last = one.lanes.want(site, A1, true, { client });
    release();
    await Promise.all([first, last]);
    await expect(queued).resolves.toBe('Completed');

    // Tab one's turn ended at its last click; tab two's older click sent nothing.
    expect(fake.status(A1)).toBe('Completed');
    expect(fake.toggleRequestsFor(A1)).toHaveLength(1);
    expect(two.lanes.stateOf(site, A1)).toMatchObject({ status: 'Completed', pending: false });
    stop();
  });

  it("shows where another tab's turn ended, not a report this tab held while it waited for its turn (found by the fuzz)", async () => {
    const { fake, client, openTab, site } = setup({ [A1]: 'NotStarted' });
    const one = openTab();
    const two = openTab();
    const view = {};
    two.lanes.lane(site, A1).report(view, 'NotStarted', true);
    const stop = two.lanes.lane(site, A1).subscribe(() => undefined);
    const release = fake.hold();
    const first = one.lanes.want(site, A1, true, { client });
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
    // Tab two's click waits for the turn; its dashboard refetches meanwhile, before tab one's
    // toggle is applied.
    const queued = two.lanes.want(site, A1, true, { client });
    two.lanes.lane(site, A1).report(view, 'NotStarted', false);
    release();
    await first;
    await expect(queued).resolves.toBe('Completed');

    // Tab one's turn reached tab two's intent: nothing sent, and the older report not shown.
    expect(fake.toggleRequestsFor(A1)).toHaveLength(1);
    expect(two.lanes.stateOf(site, A1)).toMatchObject({ status: 'Completed', pending: false });
    stop();
  });

  it("ends at a click made in the same millisecond as a closed tab's click that another tab resumed: the click made later wins (found by the fuzz)", async () => {
    const { fake, client, browser, openTab, site } = setup({ [A1]: 'NotStarted' });
    const staying = openTab();
    const closing = openTab();
    for (const { lanes } of [staying, closing])
      lanes.lane(site, A1).report({}, 'NotStarted', false);
    const release = fake.hold();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(Date.now());
    void closing.lanes.want(site, A1, true, { client });
    await vi.waitFor(() => expect(fake.toggleRequestsFor(A1)).toHaveLength(1));
    browser.close(closing.platform);
    // The reloaded tab resumes the closed tab's click; then, within the same millisecond, the
    // user clicks in the other tab.
    const reloaded = openTab();
    reloaded.lanes.resume(site, client, 60_000);
    const resumed = reloaded.lanes.lane(site, A1);
    await vi.waitFor(() => expect(resumed.state.pending).toBe(true));
    const last = staying.lanes.want(site, A1, false, { client });
    clock.mockRestore();
    release();

    await expect(last).resolves.toBe('NotStarted');
    await vi.waitFor(() => expect(resumed.state.pending).toBe(false), { timeout: 3000 });
    expect(fake.status(A1)).toBe('NotStarted');
    expect(resumed.state.status).toBe('NotStarted');
  });

  it("takes the server's last word in another tab's turn that ended in a refusal as its basis (found by the fuzz)", async () => {
    const { fake, client, openTab, site } = setup({ [A1]: 'NotStarted' });
    const one = openTab();
    const two = openTab();
    for (const { lanes } of [one, two]) lanes.lane(site, A1).report({}, 'NotStarted', false);
    const release = fake.hold();
    const first = one.lanes.want(site, A1, true, { client });
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
    // Tab two's click waits for the turn; in tab one the user takes the click back, and the
    // toggle that would carry that out is refused: the server stays Completed.
    const queued = two.lanes.want(site, A1, false, { client });
    void one.lanes.want(site, A1, false, { client });
    fake.inject({ status: 403, body: { Error: true, ErrorMessage: 'No rights' } });
    release();
    await expect(first).rejects.toThrow('No rights');

    await expect(queued).resolves.toBe('NotStarted');
    expect(fake.status(A1)).toBe('NotStarted');
  });

  it("does not take its own last turn's word as news after the dashboard forgot what it knew (found by the fuzz)", async () => {
    const { fake, client, openTab, site } = setup({ [A1]: 'Completed' });
    const { lanes } = openTab();
    const lane = lanes.lane(site, A1);
    const view = {};
    lane.report(view, 'Completed', true);
    const stop = lane.subscribe(() => undefined);
    // A turn whose last toggle is refused writes the server's last word in it for other tabs.
    const release = fake.hold();
    const first = lanes.want(site, A1, false, { client });
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
    void lanes.want(site, A1, true, { client });
    fake.inject({ status: 500, body: { Error: true, ErrorMessage: 'Database is read-only' } });
    release();
    await expect(first).rejects.toThrow('read-only');

    // A logout: the dashboard's report is all that is known; the next click starts from it.
    lane.forget();
    const before = fake.toggleRequestsFor(A1).length;
    await expect(lanes.want(site, A1, false, { client })).resolves.toBe('NotStarted');
    expect(fake.toggleRequestsFor(A1).length).toBeGreaterThan(before);
    stop();
  });

  it('keeps to its own tab with syncTabs: false', async () => {
    const { client, openTab, site } = setup({ [A1]: 'NotStarted' });
    const one = openTab();
    const two = openTab();
    const seen = two.lanes.lane(site, A1);
    const stop = seen.subscribe(() => undefined);
    await one.lanes.want(site, A1, true, { client, syncTabs: false, persist: false });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen.state.status).toBeUndefined();
    stop();
  });
});

describe('rule 13: no click lost, none doubled', () => {
  it('writes the intent down before its toggle and removes it when settled; never a credential', async () => {
    const { fake, client, browser, openTab, site } = setup({ [A1]: 'NotStarted' });
    const tab = openTab();
    const release = fake.hold();
    const settled = tab.lanes.want(site, A1, true, { client });
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));

    const [stored] = browser.storage.values();
    expect(stored).toMatchObject({ site, activityIdentifier: A1, completed: true });
    expect(JSON.stringify(stored)).not.toContain(FAKE_CREDENTIALS.bearerTokens[0]);
    release();
    await settled;
    expect(browser.storage.size).toBe(0);
  });

  it("resumes a closed tab's intent by reading, not before its toggle can no longer land", async () => {
    const { fake, client, browser, openTab, site } = setup({ [A1]: 'NotStarted' });
    const closing = openTab();
    const release = fake.hold();
    closing.lanes.lane(site, A1).report({}, 'NotStarted', false);
    void closing.lanes.want(site, A1, true, { client });
    await vi.waitFor(() => expect(fake.toggleRequestsFor(A1)).toHaveLength(1));
    browser.close(closing.platform);
    // The server goes on and applies the toggle the closed tab sent.
    release();

    const next = openTab();
    const started = Date.now();
    next.lanes.resume(site, client, 60_000);
    const lane = next.lanes.lane(site, A1);
    const stop = lane.subscribe(() => undefined);
    await vi.waitFor(() => expect(fake.readCount(A1)).toBe(1), { timeout: 2000 });
    await vi.waitFor(() =>
      expect(lane.state).toMatchObject({ status: 'Completed', pending: false }),
    );

    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect(fake.toggleRequestsFor(A1)).toHaveLength(1);
    expect(browser.storage.size).toBe(0);
    stop();
  });

  it("waits for a toggle a closed tab left in flight before another tab's click is carried out (found by the fuzz)", async () => {
    const { fake, client, browser, openTab, site } = setup({ [A1]: 'NotStarted' });
    // The closed tab's toggle takes the server 150 ms; everything after it is quick.
    let requests = 0;
    fake.reset({ activities: { [A1]: 'NotStarted' }, latencyMs: () => (requests++ ? 0 : 150) });
    const closing = openTab();
    const staying = openTab();
    for (const { lanes } of [closing, staying])
      lanes.lane(site, A1).report({}, 'NotStarted', false);
    const stop = staying.lanes.lane(site, A1).subscribe(() => undefined);
    void closing.lanes.want(site, A1, true, { client });
    await vi.waitFor(() => expect(fake.toggleRequestsFor(A1)).toHaveLength(1));
    browser.close(closing.platform);

    // The server goes on and applies the closed tab's toggle; the other tab's user asks the same.
    await expect(staying.lanes.want(site, A1, true, { client })).resolves.toBe('Completed');
    expect(fake.status(A1)).toBe('Completed');

    // Read back once the closed tab's toggle could no longer land: no second toggle.
    expect(fake.toggleRequestsFor(A1)).toHaveLength(1);
    expect(fake.readCount(A1)).toBe(1);
    expect(browser.storage.size).toBe(0);
    stop();
  });

  it("waits for a closed tab's toggle even when a word was heard in the millisecond it was sent (found by the fuzz)", async () => {
    const { fake, client, browser, openTab, site } = setup({ [A1]: 'NotStarted' });
    const closing = openTab();
    const staying = openTab();
    const sentAt = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(sentAt);
    closing.platform.intents.heard(site, A1, 'NotStarted');
    clock.mockRestore();
    closeWithToggleInFlight(browser, closing.platform, site, sentAt);

    staying.lanes.lane(site, A1).report({}, 'NotStarted', false);
    await staying.lanes.want(site, A1, true, { client });
    // Read, not toggled blind, once the toggle could no longer land (timeout 200 ms + margin).
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(700);
    expect(fake.readCount(A1)).toBe(1);
  });

  it("keeps waiting for a closed tab's toggle when a third tab gives up its click meanwhile and removes the stored intent (found by the fuzz)", async () => {
    const { fake, client, browser, openTab, site } = setup({ [A1]: 'NotStarted' });
    const closing = openTab();
    const staying = openTab();
    const third = openTab();
    const sentAt = Date.now();
    closeWithToggleInFlight(browser, closing.platform, site, sentAt);
    const toggledAt: number[] = [];
    const stop = fake.subscribe((request) => {
      if (request.endpoint === 'toggle' && request.response === 'pending')
        toggledAt.push(Date.now());
    });

    staying.lanes.lane(site, A1).report({}, 'NotStarted', false);
    const carriedOut = staying.lanes.want(site, A1, true, { client });
    // The third tab's click waits for the turn at most 10 of its 10 ms timeouts, gives up and
    // forgets its intent, and with it the closed tab's send time.
    const impatient = createSuperOfficeClient({
      baseUrl: BASE_URL,
      auth: { scheme: 'Bearer', token: FAKE_CREDENTIALS.bearerTokens[0] as string },
      fetch: createFakeFetch(fake),
      timeout: 10,
    });
    third.lanes.lane(site, A1).report({}, 'NotStarted', false);
    await expect(third.lanes.want(site, A1, false, { client: impatient })).rejects.toThrow();
    expect(browser.storage.size).toBe(0);

    await carriedOut;
    // Not before the closed tab's toggle could no longer land (timeout 200 ms + 500 ms margin).
    for (const at of toggledAt) expect(at - sentAt).toBeGreaterThanOrEqual(700);
    expect(fake.readCount(A1)).toBeGreaterThanOrEqual(1);
    stop();
  });

  it("keeps another tab's later click stored when this tab's intent settles, for the next load (found by the fuzz)", async () => {
    const { fake, client, browser, openTab, site } = setup({ [A1]: 'NotStarted' });
    const one = openTab();
    const two = openTab();
    one.lanes.lane(site, A1).report({}, 'NotStarted', false);
    const release = fake.hold();
    const first = one.lanes.want(site, A1, true, { client });
    await vi.waitFor(() => expect(fake.toggleRequestsFor(A1)).toHaveLength(1));
    void two.lanes.want(site, A1, false, { client });
    // Tab two closes while it waits for its turn; tab one's own intent then settles.
    browser.close(two.platform);
    release();
    await first;
    expect([...browser.storage.values()]).toMatchObject([
      { completed: false, tab: two.platform.locks.tab },
    ]);

    const next = openTab();
    next.lanes.resume(site, client, 60_000);
    const stop = next.lanes.lane(site, A1).subscribe(() => undefined);
    await vi.waitFor(() => expect(fake.status(A1)).toBe('NotStarted'), { timeout: 2000 });
    await vi.waitFor(() => expect(browser.storage.size).toBe(0));
    stop();
  });

  it('leaves an intent its own living tab still carries out, and drops intents past their age', async () => {
    const { fake, client, browser, openTab, site } = setup({
      [A1]: 'NotStarted',
      [A2]: 'NotStarted',
    });
    const busy = openTab();
    fake.hold();
    void busy.lanes.want(site, A1, true, { client });
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
    browser.storage.set(`${site} ${A2}`, {
      site,
      activityIdentifier: A2,
      completed: true,
      at: Date.now() - 10_000,
      tab: 'gone',
    });

    openTab().lanes.resume(site, client, 5_000);
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(fake.requests).toHaveLength(1);
    expect([...browser.storage.keys()]).toEqual([`${site} ${A1}`]);
  });

  it('queues offline clicks and sends at most one toggle per activity once back online', async () => {
    const { fake, client, browser, openTab, site } = setup({
      [A1]: 'NotStarted',
      [A2]: 'NotStarted',
      [A3]: 'NotStarted',
    });
    const { lanes } = openTab();
    browser.setOnline(false);
    const clicks = { [A1]: 10, [A2]: 3, [A3]: 1 };
    const settled: Promise<unknown>[] = [];
    for (const [id, times] of Object.entries(clicks)) {
      const stop = lanes.lane(site, id).subscribe(() => undefined);
      for (let click = 0; click < times; click++)
        settled.push(lanes.want(site, id, 'flip', { client }));
      settled.push(Promise.resolve(stop));
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.requests).toHaveLength(0);
    expect(lanes.stateOf(site, A2)).toMatchObject({
      queued: true,
      pending: true,
      status: 'Completed',
    });

    browser.setOnline(true);
    await Promise.all(settled);

    expect(fake.toggleRequestsFor(A1)).toHaveLength(0);
    expect(fake.toggleRequestsFor(A2)).toHaveLength(1);
    expect(fake.toggleRequestsFor(A3)).toHaveLength(1);
    expect([fake.status(A1), fake.status(A2), fake.status(A3)]).toEqual([
      'NotStarted',
      'Completed',
      'Completed',
    ]);
    expect(lanes.stateOf(site, A2).queued).toBe(false);
  });
});
