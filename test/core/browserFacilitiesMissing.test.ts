import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserConnectivity } from '../../src/core/browser/connectivity.js';
import { isolatedPlatform } from '../../src/core/browser/platform.js';
import { browserTabChannel, type TabMessage } from '../../src/core/browser/tabChannel.js';
import { browserTabLocks, LockTimeoutError } from '../../src/core/browser/tabLocks.js';

// The adapters in a runtime that lacks a browser facility (Node has no `addEventListener` on
// the global, no `navigator.onLine`), and the names they share with other tabs, which tabs
// running another build of the library must agree on.

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const message: TabMessage = {
  site: 'https://x.example/api',
  activityIdentifier: 'appointment_id=1',
  status: 'Completed',
  pending: false,
  checking: false,
  queued: false,
};

describe('browserTabLocks', () => {
  it('still gives each tab its own id without crypto.randomUUID (an insecure context)', () => {
    vi.stubGlobal('crypto', undefined);
    const one = browserTabLocks().tab;
    const two = browserTabLocks().tab;
    vi.stubGlobal('crypto', {});
    const three = browserTabLocks().tab;
    for (const tab of [one, two, three]) expect(tab).toMatch(/^\d+-0\.\d+/);
    expect(new Set([one, two, three]).size).toBe(3);
  });

  it('runs tasks at once where there is no navigator at all (a worker-less runtime)', async () => {
    vi.stubGlobal('navigator', undefined);
    const locks = browserTabLocks();
    await expect(locks.run('lane-f', 10, async () => 'ran')).resolves.toBe('ran');
    expect(await locks.isAlive(locks.tab)).toBe(true);
  });

  it("holds the tab's lock under the library's name, so any build of it can tell the tab lives", async () => {
    const { tab } = browserTabLocks();
    await vi.waitFor(async () => {
      const { held = [] } = await navigator.locks.query();
      expect(held.map((lock) => lock.name)).toContain(`superoffice-activity-react/tab/${tab}`);
    });
  });

  it('does not take a lock of another name for a living tab', async () => {
    const locks = browserTabLocks();
    let release!: () => void;
    const held = navigator.locks.request(
      'not-a-tab',
      () =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
    );
    await vi.waitFor(() => expect(release).toBeTypeOf('function'));
    expect(await locks.isAlive('not-a-tab')).toBe(false);
    release();
    await held;
  });

  it('names its timeout, and reports a wait aborted without a timeout reason as one too', async () => {
    // Some browsers abort a timed-out signal with a plain AbortError.
    vi.spyOn(AbortSignal, 'timeout').mockImplementation((ms) => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), ms);
      return controller.signal;
    });
    const one = browserTabLocks();
    const two = browserTabLocks();
    let release!: () => void;
    const held = one.run(
      'lane-g',
      1_000,
      () =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
    );
    await vi.waitFor(() => expect(release).toBeTypeOf('function'));
    const waiting = two.run('lane-g', 20, async () => undefined);
    await expect(waiting).rejects.toBeInstanceOf(LockTimeoutError);
    await expect(waiting).rejects.toHaveProperty('name', 'LockTimeoutError');
    release();
    await held;
  });
});

describe('browserTabChannel', () => {
  it("talks on the library's versioned channel, so any build of it hears the others", async () => {
    const other = new BroadcastChannel('superoffice-activity-react/v1');
    const heard: TabMessage[] = [];
    other.onmessage = (event: MessageEvent<TabMessage>) => heard.push(event.data);
    try {
      browserTabChannel().post(message);
      await vi.waitFor(() => expect(heard).toEqual([message]));
    } finally {
      other.close();
    }
  });
});

describe('browserConnectivity', () => {
  it('takes a runtime without navigator.onLine or page events as online and never leaving', async () => {
    expect(globalThis.addEventListener).toBeUndefined();
    const connectivity = browserConnectivity();
    expect(connectivity.online()).toBe(true);
    expect(connectivity.leaving()).toBe(false);
    await expect(connectivity.whenOnline()).resolves.toBeUndefined();

    vi.stubGlobal('navigator', undefined);
    expect(browserConnectivity().online()).toBe(true);
  });

  it('leaves no listener behind once a wait for the connection has ended', async () => {
    const page = new EventTarget();
    const listening: string[] = [];
    vi.stubGlobal('navigator', { onLine: false });
    vi.stubGlobal('addEventListener', (type: string, listener: EventListener) => {
      listening.push(type);
      page.addEventListener(type, listener);
    });
    vi.stubGlobal('removeEventListener', (type: string, listener: EventListener) => {
      const at = listening.indexOf(type);
      if (at >= 0) listening.splice(at, 1);
      page.removeEventListener(type, listener);
    });
    const connectivity = browserConnectivity();
    const back = connectivity.whenOnline();
    expect(listening).toEqual(['pagehide', 'pageshow', 'online', 'pageshow']);
    vi.stubGlobal('navigator', { onLine: true });
    page.dispatchEvent(new Event('online'));
    await back;
    // What stays is the page's own lifecycle, listened to once per connectivity.
    expect(listening).toEqual(['pagehide', 'pageshow']);
  });
});

describe('isolatedPlatform', () => {
  it('gives a listener a way to stop, though no other tab ever speaks', () => {
    const stop = isolatedPlatform().channel.listen(() => undefined);
    expect(stop).toBeTypeOf('function');
    expect(() => stop()).not.toThrow();
  });
});
