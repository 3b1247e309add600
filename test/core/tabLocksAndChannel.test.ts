import { describe, expect, it, vi } from 'vitest';
import { browserTabChannel, type TabMessage } from '../../src/core/browser/tabChannel.js';
import { browserTabLocks, LockTimeoutError } from '../../src/core/browser/tabLocks.js';

// Node 24 has the real Web Locks API and BroadcastChannel, shared by everything in the process:
// two adapters made here behave like two tabs of one browser.

const message = (status: TabMessage['status']): TabMessage => ({
  site: 'https://x.example/api',
  activityIdentifier: 'appointment_id=1',
  status,
  pending: false,
  checking: false,
  queued: false,
});

describe('browserTabLocks over Web Locks', () => {
  it('gives each tab its own id, and tells a living tab from one that never was', async () => {
    const one = browserTabLocks();
    const two = browserTabLocks();
    expect(one.tab).not.toBe(two.tab);
    expect(await one.isAlive(one.tab)).toBe(true);
    await vi.waitFor(async () => expect(await one.isAlive(two.tab)).toBe(true));
    expect(await one.isAlive('a-tab-that-closed')).toBe(false);
  });

  it('runs one task per name at a time, across tabs, in the order asked', async () => {
    const one = browserTabLocks();
    const two = browserTabLocks();
    const order: string[] = [];
    let release!: () => void;
    const first = one.run('lane-a', 5_000, async () => {
      order.push('one starts');
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      order.push('one ends');
      return 1;
    });
    await vi.waitFor(() => expect(order).toEqual(['one starts']));
    const second = two.run('lane-a', 5_000, async () => {
      order.push('two runs');
      return 2;
    });
    const elsewhere = two.run('lane-b', 5_000, async () => 'b');
    await expect(elsewhere).resolves.toBe('b');
    expect(order).toEqual(['one starts']);
    release();
    await expect(Promise.all([first, second])).resolves.toEqual([1, 2]);
    expect(order).toEqual(['one starts', 'one ends', 'two runs']);
  });

  it('gives up waiting after the bound with a LockTimeoutError, and never cuts a held task short', async () => {
    const one = browserTabLocks();
    const two = browserTabLocks();
    let release!: () => void;
    const held = one.run('lane-c', 50, async () => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return 'held to its end';
    });
    await vi.waitFor(() => expect(release).toBeTypeOf('function'));
    const waiting = two.run('lane-c', 50, async () => 'never');
    await expect(waiting).rejects.toBeInstanceOf(LockTimeoutError);
    await expect(waiting).rejects.toThrow('No turn for lane-c within 50 ms.');
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    await expect(held).resolves.toBe('held to its end');
  });

  it("passes a task's own failure through as it is", async () => {
    const locks = browserTabLocks();
    const failure = new DOMException('the task failed', 'DataError');
    await expect(
      locks.run('lane-d', 1_000, async () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
  });
});

describe('browserTabChannel over BroadcastChannel', () => {
  it("delivers one tab's message to every listener of the others, not to itself", async () => {
    const one = browserTabChannel();
    const two = browserTabChannel();
    const heardByOne: TabMessage[] = [];
    const heardByTwo: TabMessage[] = [];
    const alsoByTwo: TabMessage[] = [];
    one.listen((heard) => heardByOne.push(heard));
    two.listen((heard) => heardByTwo.push(heard));
    const stop = two.listen((heard) => alsoByTwo.push(heard));

    one.post(message('Completed'));
    await vi.waitFor(() => expect(heardByTwo).toEqual([message('Completed')]));
    expect(alsoByTwo).toEqual([message('Completed')]);

    stop();
    two.post(message('NotStarted'));
    one.post(message('Started'));
    await vi.waitFor(() => expect(heardByTwo).toHaveLength(2));
    expect(heardByOne).toEqual([message('NotStarted')]);
    expect(alsoByTwo).toHaveLength(1);
  });

  it('opens nothing until it is used', () => {
    const opened = vi.spyOn(globalThis, 'BroadcastChannel');
    const channel = browserTabChannel();
    expect(opened).not.toHaveBeenCalled();
    channel.listen(() => undefined);
    channel.post(message('Completed'));
    expect(opened).toHaveBeenCalledTimes(1);
    opened.mockRestore();
  });
});

describe('where the browser has neither', () => {
  it('runs tasks at once, knows only its own tab alive, and posts to no one', async () => {
    vi.stubGlobal('navigator', {});
    vi.stubGlobal('BroadcastChannel', undefined);
    try {
      const locks = browserTabLocks();
      let release!: () => void;
      const first = locks.run(
        'lane-e',
        10,
        () =>
          new Promise<string>((resolve) => {
            release = () => resolve('first');
          }),
      );
      // No lock to wait for: the second task runs while the first is still going.
      await expect(locks.run('lane-e', 10, async () => 'second')).resolves.toBe('second');
      release();
      await expect(first).resolves.toBe('first');
      expect(await locks.isAlive(locks.tab)).toBe(true);
      expect(await locks.isAlive('another-tab')).toBe(false);

      const channel = browserTabChannel();
      const heard = vi.fn();
      const stop = channel.listen(heard);
      channel.post(message('Completed'));
      stop();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(heard).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
