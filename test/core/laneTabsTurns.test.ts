import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActivityState, Want } from '../../src/core/ActivityLane.js';
import type { Heard } from '../../src/core/browser/intentStore.js';
import type { Platform } from '../../src/core/browser/platform.js';
import type { TabMessage } from '../../src/core/browser/tabChannel.js';
import { LockTimeoutError } from '../../src/core/browser/tabLocks.js';
import { errorFromOtherTab, LaneTabs } from '../../src/core/LaneTabs.js';
import {
  ActivityChangedElsewhereError,
  createSuperOfficeClient,
  SuperOfficeError,
} from '../../src/index.js';
import { createFakeFetch, FAKE_CREDENTIALS, FakeWebApi } from '../../src/testing/index.js';
import { holdLock } from '../support/heldLock.js';
import { memoryBrowser } from '../support/memoryTabs.js';

// One activity's link to the other tabs, on in-memory tabs (test/support/memoryTabs.ts): its
// turn under the lock, what it stores, tells and hears. The lanes' tests meet these through
// whole runs; here each promise is pinned on its own.

const A1 = 'appointment_id=1';
const A2 = 'appointment_id=2';
const SITE = 'https://crm.turns.test/api';
const OTHER_SITE = 'https://crm.elsewhere.test/api';
const TIMEOUT = 100;
/** The lock every build of the library takes for an activity's turn. */
const LANE_LOCK = `superoffice-activity-react/lane/${SITE} ${A1}`;

afterEach(() => {
  vi.useRealTimers();
});

function setup() {
  const client = createSuperOfficeClient({
    baseUrl: SITE,
    auth: { scheme: 'Bearer', token: FAKE_CREDENTIALS.bearerTokens[0] as string },
    fetch: createFakeFetch(new FakeWebApi()),
    timeout: TIMEOUT,
  });
  const browser = memoryBrowser();
  const want: Want = { client };
  const tabsOf = (platform: Platform, id = A1, site = SITE) => new LaneTabs(platform, site, id);
  return { browser, want, tabsOf };
}

/** A run that records what it heard and ends at `status`. */
function recorder(status: 'Completed' | 'NotStarted' = 'Completed') {
  const heard: { heard: Heard | undefined; later: string | undefined }[] = [];
  const run = async (word: Heard | undefined, later?: string) => {
    heard.push({ heard: word, later });
    return status;
  };
  return { heard, run };
}

describe('a turn', () => {
  it('waits while another tab holds the lock every build takes for the activity, and only then', async () => {
    const { browser, want, tabsOf } = setup();
    const release = await holdLock(browser.tab(), LANE_LOCK);
    const tab = browser.tab();
    let ran = false;
    const turn = tabsOf(tab).inTurn(want, 0, async () => {
      ran = true;
      return 'Completed';
    });
    // Another activity's turn is not held back.
    await expect(tabsOf(tab, A2).inTurn(want, 0, async () => 'NotStarted')).resolves.toBe(
      'NotStarted',
    );
    expect(ran).toBe(false);
    await release();
    await expect(turn).resolves.toBe('Completed');
  });

  it('gives up waiting after ten request timeouts, a whole run of another tab', async () => {
    vi.useFakeTimers();
    const { browser, want, tabsOf } = setup();
    const release = await holdLock(browser.tab(), LANE_LOCK);
    const turn = tabsOf(browser.tab()).inTurn(want, 0, async () => 'Completed');
    const failure = turn.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(10 * TIMEOUT - 1);
    let settled = false;
    void failure.then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await failure).toBeInstanceOf(LockTimeoutError);
    await release();
  });

  it('with syncTabs: false takes no lock and hears no other tab', async () => {
    const { browser, want, tabsOf } = setup();
    const other = browser.tab();
    const release = await holdLock(other, LANE_LOCK);
    other.intents.heard(SITE, A1, 'Completed', Date.now() + 1_000);
    const { heard, run } = recorder('NotStarted');
    await expect(tabsOf(browser.tab()).inTurn({ ...want, syncTabs: false }, 0, run)).resolves.toBe(
      'NotStarted',
    );
    expect(heard).toEqual([{ heard: undefined, later: undefined }]);
    // Nor does it write down what it ended at for the next tab.
    expect(other.intents.heardSince(SITE, A1, 0)).toBe('Completed');
    await release();
  });

  it('leaves an unknown outcome for the next tab, and the status a changed-elsewhere ended at', async () => {
    const { browser, want, tabsOf } = setup();
    const tab = browser.tab();
    const unknown = new SuperOfficeError('timed out', { outcomeUnknown: true });
    await expect(
      tabsOf(tab).inTurn(want, 0, async () => {
        throw unknown;
      }),
    ).rejects.toBe(unknown);
    expect(tab.intents.heardSince(SITE, A1, 0)).toBe('unknown');

    vi.useFakeTimers({ now: Date.now() + 1 });
    const elsewhere = new ActivityChangedElsewhereError(A1, 'Started');
    await expect(
      tabsOf(tab).inTurn(want, 0, async () => {
        throw elsewhere;
      }),
    ).rejects.toBe(elsewhere);
    expect(tab.intents.heardSince(SITE, A1, 0)).toBe('Started');
  });

  it("leaves the last turn's word after a definite refusal when the server stated nothing in the turn", async () => {
    const { browser, want, tabsOf } = setup();
    const tab = browser.tab();
    const refusal = new SuperOfficeError('No rights', { outcomeUnknown: false });
    const refused = () =>
      tabsOf(tab).inTurn(want, 0, async () => {
        throw refusal;
      });
    await expect(refused()).rejects.toBe(refusal);
    expect(tab.intents.heardSince(SITE, A1, 0)).toBeUndefined();

    const earlier = tabsOf(browser.tab());
    earlier.store(want, true);
    await earlier.inTurn(want, 0, async () => 'Completed');
    const clickedAt = tab.intents.clickCarriedOut(SITE, A1);
    expect(clickedAt).toBeGreaterThan(0);
    await expect(refused()).rejects.toBe(refusal);
    expect(tab.intents.heardSince(SITE, A1, 0)).toBe('Completed');
    expect(tab.intents.clickCarriedOut(SITE, A1)).toBe(clickedAt);
  });
});

describe("a turn after a closed tab's toggle", () => {
  const sentBy = (platform: Platform, sentAt: number, site = SITE, id = A1) =>
    platform.intents.save({
      site,
      activityIdentifier: id,
      completed: true,
      at: sentAt,
      sentAt,
      tab: 'closed',
    });

  it('waits until that toggle can no longer land, then reads (hears "unknown")', async () => {
    vi.useFakeTimers();
    const { browser, want, tabsOf } = setup();
    const tab = browser.tab();
    sentBy(tab, Date.now());
    const { heard, run } = recorder();
    const turn = tabsOf(tab).inTurn(want, 0, run);
    await vi.advanceTimersByTimeAsync(TIMEOUT + 500 - 10);
    expect(heard).toEqual([]);
    await vi.advanceTimersByTimeAsync(20);
    await turn;
    expect(heard).toEqual([{ heard: 'unknown', later: undefined }]);
  });

  it("stops waiting as soon as that toggle's answer reaches storage, late", async () => {
    vi.useFakeTimers();
    const { browser, want, tabsOf } = setup();
    const tab = browser.tab();
    sentBy(tab, Date.now());
    const { heard, run } = recorder();
    const turn = tabsOf(tab).inTurn(want, 0, run);
    await vi.advanceTimersByTimeAsync(100);
    tab.intents.heard(SITE, A1, 'Completed'); // written by the closed tab before it let go
    await vi.advanceTimersByTimeAsync(60);
    expect(heard).toEqual([{ heard: 'Completed', later: undefined }]);
    await turn;
  });

  it('does not wait once a turn has ended since that toggle was sent', async () => {
    const { browser, want, tabsOf } = setup();
    const tab = browser.tab();
    sentBy(tab, Date.now() - 1);
    tab.intents.heard(SITE, A1, 'Completed');
    const { heard, run } = recorder();
    await tabsOf(tab).inTurn(want, Date.now(), run);
    expect(heard).toEqual([{ heard: undefined, later: undefined }]);
  });

  it('does not wait for a toggle stored for another activity or another site', async () => {
    const { browser, want, tabsOf } = setup();
    const tab = browser.tab();
    sentBy(tab, Date.now(), SITE, A2);
    sentBy(tab, Date.now(), OTHER_SITE, A1);
    const { heard, run } = recorder();
    await tabsOf(tab).inTurn(want, 0, run);
    expect(heard).toEqual([{ heard: undefined, later: undefined }]);
  });

  it('does not wait for a toggle this tab sent itself', async () => {
    const { browser, want, tabsOf } = setup();
    const tabs = tabsOf(browser.tab());
    tabs.store(want, true, Date.now());
    const { heard, run } = recorder();
    await tabs.inTurn(want, 0, run);
    expect(heard).toEqual([{ heard: undefined, later: undefined }]);
  });
});

describe('a later click carried out in another tab', () => {
  it('is handed to the run, with where its turn ended', async () => {
    const { browser, want, tabsOf } = setup();
    const tab = browser.tab();
    const tabs = tabsOf(tab);
    tabs.store({ ...want, clickedAt: 1_000 }, true);
    tab.intents.heard(SITE, A1, 'NotStarted', 1_001);
    const { heard, run } = recorder();
    await tabs.inTurn(want, 0, run);
    expect(heard).toEqual([{ heard: 'NotStarted', later: 'NotStarted' }]);
  });

  it("is not this tab's own click carried out by another tab (a resumed intent, same time)", async () => {
    const { browser, want, tabsOf } = setup();
    const tab = browser.tab();
    const tabs = tabsOf(tab);
    tabs.store({ ...want, clickedAt: 1_000 }, true);
    tab.intents.heard(SITE, A1, 'Completed', 1_000);
    const { heard, run } = recorder();
    await tabs.inTurn(want, 0, run);
    expect(heard).toEqual([{ heard: 'Completed', later: undefined }]);
  });

  it('whose turn ended unknown is no status to end at', async () => {
    const { browser, want, tabsOf } = setup();
    const tab = browser.tab();
    const tabs = tabsOf(tab);
    tabs.store({ ...want, clickedAt: 1_000 }, true);
    tab.intents.heard(SITE, A1, 'unknown', 1_001);
    const { heard, run } = recorder();
    await tabs.inTurn(want, 0, run);
    expect(heard).toEqual([{ heard: 'unknown', later: undefined }]);
  });
});

describe("another tab's word, told at a time", () => {
  it('is stale once a turn ended after it, or in its millisecond with another word', () => {
    vi.useFakeTimers({ now: 10_000 });
    const { browser, tabsOf } = setup();
    const tab = browser.tab();
    const tabs = tabsOf(tab);
    expect(tabs.isStale('Completed', 10_000)).toBe(false);
    tab.intents.heard(SITE, A1, 'Completed');
    // The word's own turn, stored in the millisecond it was told.
    expect(tabs.isStale('Completed', 10_000)).toBe(false);
    expect(tabs.isStale('NotStarted', 10_000)).toBe(true);
    vi.setSystemTime(10_001);
    tab.intents.heard(SITE, A1, 'Completed');
    // A later turn ended, at the same word: what was told at 10,000 is not its word.
    expect(tabs.isStale('Completed', 10_000)).toBe(true);
    expect(tabs.isStale('Completed', 10_001)).toBe(false);
  });
});

describe('the stored intent', () => {
  it("keeps another tab's later click, adding this tab's toggle in flight to it", () => {
    const { browser, want, tabsOf } = setup();
    const other = browser.tab();
    const tab = browser.tab();
    const later = {
      site: SITE,
      activityIdentifier: A1,
      completed: false,
      at: 2_000,
      tab: other.locks.tab,
    };
    other.intents.save(later);
    const tabs = tabsOf(tab);
    tabs.store({ ...want, clickedAt: 1_000 }, true);
    expect(tab.intents.all()).toEqual([later]);
    tabs.store(want, true, 3_000);
    expect(tab.intents.all()).toEqual([{ ...later, sentAt: 3_000 }]);
    // This tab's intent settles: the other tab's click stays for it, or for the next load.
    tabs.forgetIntent(want);
    expect(tab.intents.all()).toEqual([{ ...later, sentAt: 3_000 }]);
  });

  it("replaces this tab's own older click, and goes when it settles", () => {
    const { browser, want, tabsOf } = setup();
    const tab = browser.tab();
    const tabs = tabsOf(tab);
    tabs.store({ ...want, clickedAt: 2_000 }, true);
    tabs.store({ ...want, clickedAt: 3_000 }, false);
    expect(tab.intents.all()).toEqual([
      { site: SITE, activityIdentifier: A1, completed: false, at: 3_000, tab: tab.locks.tab },
    ]);
    tabs.forgetIntent(want);
    expect(tab.intents.all()).toEqual([]);
  });

  it("is taken over when this tab resumes a closed tab's click (same click time), so it goes when settled", () => {
    const { browser, want, tabsOf } = setup();
    const tab = browser.tab();
    const left = { site: SITE, activityIdentifier: A1, completed: true, at: 2_000, tab: 'closed' };
    tab.intents.save(left);
    const tabs = tabsOf(tab);
    tabs.store({ ...want, clickedAt: 2_000 }, true);
    expect(tab.intents.all()).toEqual([{ ...left, tab: tab.locks.tab }]);
    tabs.forgetIntent(want);
    expect(tab.intents.all()).toEqual([]);
  });

  it('of a click made now is later than every click carried out, even in the same millisecond', () => {
    vi.useFakeTimers({ now: 5_000 });
    const { browser, want, tabsOf } = setup();
    const tab = browser.tab();
    tab.intents.heard(SITE, A1, 'NotStarted', 5_000);
    tabsOf(tab).store(want, true);
    expect(tab.intents.all()).toMatchObject([{ completed: true, at: 5_001 }]);
  });

  it('is left alone by a want that does not persist', () => {
    const { browser, want, tabsOf } = setup();
    const tab = browser.tab();
    const tabs = tabsOf(tab);
    tabs.store({ ...want, clickedAt: 2_000 }, true);
    tabs.forgetIntent({ ...want, persist: false });
    expect(tab.intents.all()).toHaveLength(1);
  });
});

describe('waiting for the connection', () => {
  it('says when it starts and ends to wait, and that it waited', async () => {
    const { browser, tabsOf } = setup();
    const tab = browser.tab();
    const queued: boolean[] = [];
    browser.setOnline(false);
    const online = tabsOf(tab).whenOnline((waiting) => queued.push(waiting));
    expect(queued).toEqual([true]);
    browser.setOnline(true);
    await expect(online).resolves.toBe(true);
    expect(queued).toEqual([true, false]);
    await expect(tabsOf(tab).whenOnline(() => queued.push(true))).resolves.toBe(false);
    expect(queued).toHaveLength(2);
  });

  it('never ends on a page being left, though online: the next load carries the intent out', async () => {
    const { browser, tabsOf } = setup();
    const tab = browser.tab();
    browser.close(tab);
    let ended = false;
    void tabsOf(tab)
      .whenOnline(() => undefined)
      .then(() => {
        ended = true;
      });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ended).toBe(false);
  });
});

describe("another tab's error", () => {
  const told = (error: NonNullable<TabMessage['error']>) => errorFromOtherTab(A1, error);

  it('is a changed-elsewhere only when it says so and carries the status', () => {
    const elsewhere = told({
      name: 'ActivityChangedElsewhereError',
      message: 'changed',
      outcomeUnknown: false,
      status: 'Started',
    });
    expect(elsewhere).toBeInstanceOf(ActivityChangedElsewhereError);
    expect((elsewhere as ActivityChangedElsewhereError).status).toBe('Started');
    for (const error of [
      { name: 'ActivityChangedElsewhereError', message: 'no status', outcomeUnknown: false },
      {
        name: 'SuperOfficeApiError',
        message: 'No rights',
        outcomeUnknown: false,
        status: 'Started',
      },
    ] as const) {
      expect(told(error)).not.toBeInstanceOf(ActivityChangedElsewhereError);
      expect(told(error).message).toBe(error.message);
    }
  });

  it('keeps whether its outcome is unknown', () => {
    for (const outcomeUnknown of [true, false]) {
      expect(told({ name: 'SuperOfficeError', message: 'x', outcomeUnknown }).outcomeUnknown).toBe(
        outcomeUnknown,
      );
    }
  });
});

describe('what a tab tells', () => {
  it('is nothing with syncTabs: false', async () => {
    const { browser, want, tabsOf } = setup();
    const listening = browser.tab();
    const heard: TabMessage[] = [];
    listening.channel.listen((message) => heard.push(message));
    const state: ActivityState = {
      status: 'Completed',
      pending: true,
      checking: false,
      queued: false,
      error: undefined,
    };
    const tabs = tabsOf(browser.tab());
    tabs.tell({ ...want, syncTabs: false }, state);
    tabs.tell(want, state, 'NotStarted');
    await vi.waitFor(() => expect(heard).toHaveLength(1));
    expect(heard[0]).toMatchObject({ status: 'Completed', pending: true, confirmed: 'NotStarted' });
  });
});
