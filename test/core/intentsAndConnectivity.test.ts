// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserConnectivity } from '../../src/core/browser/connectivity.js';
import {
  browserIntentStore,
  type IntentStore,
  memoryIntentStore,
  type StoredIntent,
} from '../../src/core/browser/intentStore.js';
import { browserPlatform, isolatedPlatform } from '../../src/core/browser/platform.js';

const SITE = 'https://x.example/api';
const intent = (activityIdentifier: string, at: number, more: Partial<StoredIntent> = {}) => ({
  site: SITE,
  activityIdentifier,
  completed: true,
  at,
  tab: 'tab-1',
  ...more,
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  localStorage.clear();
});

describe.each([
  ['localStorage', browserIntentStore],
  ['memory', memoryIntentStore],
] as const)('the intent store in %s', (_, makeStore) => {
  it('keeps one intent per site and activity, newest written last wins, until removed', () => {
    const store: IntentStore = makeStore();
    store.save(intent('appointment_id=1', 1));
    store.save(intent('appointment_id=1', 2, { completed: false, sentAt: 2 }));
    store.save(intent('sale_id=2', 3));
    store.save({ ...intent('sale_id=2', 3), site: 'https://y.example/api' });
    expect(store.all()).toHaveLength(3);
    expect(store.all()).toContainEqual(
      intent('appointment_id=1', 2, { completed: false, sentAt: 2 }),
    );
    store.remove(SITE, 'appointment_id=1');
    expect(
      store
        .all()
        .map((kept) => `${kept.site} ${kept.activityIdentifier}`)
        .sort(),
    ).toEqual([`${SITE} sale_id=2`, 'https://y.example/api sale_id=2']);
  });

  it('tells what was heard strictly after a time, per site and activity', () => {
    vi.useFakeTimers({ now: 1_000 });
    const store = makeStore();
    store.heard(SITE, 'appointment_id=1', 'Completed');
    expect(store.heardSince(SITE, 'appointment_id=1', 999)).toBe('Completed');
    expect(store.heardSince(SITE, 'appointment_id=1', 1_000)).toBeUndefined();
    expect(store.heardSince(SITE, 'appointment_id=2', 0)).toBeUndefined();
    expect(store.heardSince('https://y.example/api', 'appointment_id=1', 0)).toBeUndefined();
    vi.setSystemTime(2_000);
    store.heard(SITE, 'appointment_id=1', 'unknown');
    expect(store.heardSince(SITE, 'appointment_id=1', 1_500)).toBe('unknown');
  });

  it('keeps the time of the click a turn carried out with its word, until a newer word', () => {
    const store = makeStore();
    expect(store.clickCarriedOut(SITE, 'appointment_id=1')).toBeUndefined();
    store.heard(SITE, 'appointment_id=1', 'Completed', 1_234);
    expect(store.clickCarriedOut(SITE, 'appointment_id=1')).toBe(1_234);
    expect(store.clickCarriedOut(SITE, 'appointment_id=2')).toBeUndefined();
    store.heard(SITE, 'appointment_id=1', 'unknown');
    expect(store.clickCarriedOut(SITE, 'appointment_id=1')).toBeUndefined();
    expect(store.heardSince(SITE, 'appointment_id=1', 0)).toBe('unknown');
  });

  it('prunes intents and words heard before a time, and keeps those at or after it', () => {
    vi.useFakeTimers({ now: 100 });
    const store = makeStore();
    store.save(intent('appointment_id=1', 99));
    store.save(intent('appointment_id=2', 100));
    store.heard(SITE, 'appointment_id=3', 'Started');
    store.prune(100);
    expect(store.all().map((kept) => kept.activityIdentifier)).toEqual(['appointment_id=2']);
    expect(store.heardSince(SITE, 'appointment_id=3', 0)).toBe('Started');
    store.prune(101);
    expect(store.all()).toEqual([]);
    expect(store.heardSince(SITE, 'appointment_id=3', 0)).toBeUndefined();
  });
});

describe('the intent store in localStorage', () => {
  it('is shared by every store of the origin (every tab), and leaves other keys alone', () => {
    localStorage.setItem('partner-key', 'kept');
    browserIntentStore().save(intent('appointment_id=1', Date.now()));
    expect(browserIntentStore().all()).toEqual([intent('appointment_id=1', expect.any(Number))]);
    browserIntentStore().prune(Number.POSITIVE_INFINITY);
    expect(localStorage.getItem('partner-key')).toBe('kept');
    expect(localStorage).toHaveLength(1);
  });

  it.each([
    ['not JSON', '{'],
    ['without a site', JSON.stringify({ ...intent('appointment_id=1', 5), site: 1 })],
    [
      'without an identifier',
      JSON.stringify({ ...intent('appointment_id=1', 5), activityIdentifier: null }),
    ],
    ['without completed', JSON.stringify({ ...intent('appointment_id=1', 5), completed: 'yes' })],
    ['without a time', JSON.stringify({ ...intent('appointment_id=1', 5), at: '5' })],
    ['without a tab', JSON.stringify({ ...intent('appointment_id=1', 5), tab: 3 })],
  ])('ignores an entry %s, and prunes it', (_, text) => {
    localStorage.setItem('superoffice-activity-react/intent/x', text);
    const store = browserIntentStore();
    expect(store.all()).toEqual([]);
    store.prune(0);
    expect(localStorage.getItem('superoffice-activity-react/intent/x')).toBeNull();
  });

  it('ignores a word heard that is not a status', () => {
    localStorage.setItem(
      `superoffice-activity-react/heard/${SITE} appointment_id=1`,
      `${Date.now()} Maybe`,
    );
    expect(browserIntentStore().heardSince(SITE, 'appointment_id=1', 0)).toBeUndefined();
  });

  it('stores no credential, only the intent', () => {
    browserIntentStore().save(intent('appointment_id=1', 5));
    const [key] = Object.keys(localStorage);
    expect(key).toBe(`superoffice-activity-react/intent/${SITE} appointment_id=1`);
    expect(JSON.parse(localStorage.getItem(key as string) as string)).toEqual(
      intent('appointment_id=1', 5),
    );
  });

  it('keeps working in memory when storage is blocked, and swallows a full storage', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const full = browserIntentStore();
    expect(() => full.save(intent('appointment_id=1', 5))).not.toThrow();
    expect(() => full.heard(SITE, 'appointment_id=1', 'Completed')).not.toThrow();
    vi.restoreAllMocks();

    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    const blocked = browserIntentStore();
    blocked.save(intent('appointment_id=1', 5));
    expect(blocked.all()).toEqual([intent('appointment_id=1', 5)]);
  });
});

describe('browserConnectivity', () => {
  const setOnline = (online: boolean) => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
    window.dispatchEvent(new Event(online ? 'online' : 'offline'));
  };

  it('follows navigator.onLine, and resolves a wait on the online event', async () => {
    const connectivity = browserConnectivity();
    setOnline(false);
    expect(connectivity.online()).toBe(false);
    let back = false;
    void connectivity.whenOnline().then(() => {
      back = true;
    });
    window.dispatchEvent(new Event('online')); // still offline: a stray event is not enough
    await Promise.resolve();
    expect(back).toBe(false);
    setOnline(true);
    await vi.waitFor(() => expect(back).toBe(true));
    expect(connectivity.online()).toBe(true);
    await expect(connectivity.whenOnline()).resolves.toBeUndefined();
  });

  it('sends nothing more from a page being left, unless it is restored from the cache', async () => {
    const connectivity = browserConnectivity();
    window.dispatchEvent(new Event('pagehide'));
    expect(connectivity.leaving()).toBe(true);
    let resumed = false;
    void connectivity.whenOnline().then(() => {
      resumed = true;
    });
    window.dispatchEvent(new Event('online'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(resumed).toBe(false);
    window.dispatchEvent(new Event('pageshow'));
    await vi.waitFor(() => expect(resumed).toBe(true));
    expect(connectivity.leaving()).toBe(false);
  });
});

describe('platforms', () => {
  it("the browser's uses the page's storage", () => {
    browserPlatform().intents.save(intent('appointment_id=1', 5));
    expect(localStorage).toHaveLength(1);
  });

  it('an isolated one shares nothing, is always online and runs tasks at once', async () => {
    const platform = isolatedPlatform();
    platform.intents.save(intent('appointment_id=1', 5));
    expect(localStorage).toHaveLength(0);
    expect(platform.intents.all()).toHaveLength(1);
    await expect(platform.locks.run('x', 1, async () => 'ran')).resolves.toBe('ran');
    expect(await platform.locks.isAlive('isolated')).toBe(false);
    expect(platform.connectivity.online()).toBe(true);
    expect(platform.connectivity.leaving()).toBe(false);
    await expect(platform.connectivity.whenOnline()).resolves.toBeUndefined();
  });
});
