import type { Heard, StoredIntent } from '../../src/core/browser/intentStore.js';
import type { Platform } from '../../src/core/browser/platform.js';
import type { TabMessage } from '../../src/core/browser/tabChannel.js';
import { LockTimeoutError } from '../../src/core/browser/tabLocks.js';

/** What a test may watch in a {@link memoryBrowser}. */
export interface MemoryBrowserOptions {
  /** A tab's wait for a lock ran out (Web Locks' `AbortSignal.timeout`). */
  onLockTimeout?: (tab: string, name: string) => void;
}

interface LockWaiter {
  tab: string;
  grant: () => void;
}

interface Lock {
  holder: LockWaiter | undefined;
  queue: LockWaiter[];
}

/**
 * In-memory stand-ins for what the tabs of one browser share: Web Locks, a BroadcastChannel,
 * localStorage and the online status. `tab()` makes one tab's platform; `close(tab)` is the tab
 * going away: as in a browser, its locks are released, its waits for locks dropped, and it posts,
 * stores and sends nothing more. Timers are `setTimeout`s, so fake timers drive them.
 */
export function memoryBrowser(options: MemoryBrowserOptions = {}) {
  const locks = new Map<string, Lock>();
  const listeners = new Map<string, (message: TabMessage) => void>();
  const storage = new Map<string, StoredIntent>();
  const heard = new Map<string, { at: number; what: Heard; clickedAt?: number | undefined }>();
  const alive = new Set<string>();
  const onlineWaiters: (() => void)[] = [];
  let online = true;
  let tabs = 0;

  const lockOf = (name: string) => {
    let lock = locks.get(name);
    if (!lock) {
      lock = { holder: undefined, queue: [] };
      locks.set(name, lock);
    }
    return lock;
  };
  // Like the browser: the next waiter is granted in a later task, first come first served.
  const grantNext = (name: string, lock: Lock) => {
    lock.holder = lock.queue.shift();
    if (lock.holder) lock.holder.grant();
    else locks.delete(name);
  };
  const release = (name: string, lock: Lock, waiter: LockWaiter) => {
    if (lock.holder === waiter) grantNext(name, lock);
  };

  return {
    storage,
    tab(): Platform {
      const tab = `tab-${++tabs}`;
      alive.add(tab);
      const living = () => alive.has(tab);
      return {
        locks: {
          tab,
          isAlive: async (other) => alive.has(other),
          run(name, waitAtMostMs, task) {
            return new Promise((resolve, reject) => {
              if (!living()) return; // a closed tab's page asks for nothing more
              const lock = lockOf(name);
              const bound = setTimeout(() => {
                const at = lock.queue.indexOf(waiter);
                if (at < 0) return;
                lock.queue.splice(at, 1);
                options.onLockTimeout?.(tab, name);
                reject(new LockTimeoutError(`No turn for ${name} within ${waitAtMostMs} ms.`));
              }, waitAtMostMs);
              const waiter: LockWaiter = {
                tab,
                grant: () => {
                  clearTimeout(bound);
                  void Promise.resolve()
                    .then(task)
                    .then(resolve, reject)
                    .finally(() => release(name, lock, waiter));
                },
              };
              lock.queue.push(waiter);
              if (!lock.holder) grantNext(name, lock);
            });
          },
        },
        channel: {
          // Like BroadcastChannel: every other tab hears it, asynchronously; the sender does not.
          post: (message) => {
            if (!living()) return;
            for (const [other, listener] of listeners) {
              if (other !== tab) setTimeout(() => listener(structuredClone(message)));
            }
          },
          listen: (listener) => {
            listeners.set(tab, listener);
            return () => listeners.delete(tab);
          },
        },
        intents: {
          save: (intent) => {
            if (living()) storage.set(`${intent.site} ${intent.activityIdentifier}`, { ...intent });
          },
          remove: (site, activityIdentifier) => {
            if (living()) storage.delete(`${site} ${activityIdentifier}`);
          },
          all: () => [...storage.values()],
          heard: (site, id, what, clickedAt) => {
            if (living()) heard.set(`${site} ${id}`, { at: Date.now(), what, clickedAt });
          },
          clickCarriedOut: (site, id) => heard.get(`${site} ${id}`)?.clickedAt,
          prune: (before) => {
            for (const [key, intent] of storage) if (intent.at < before) storage.delete(key);
          },
          heardSince: (site, id, since) => {
            const entry = heard.get(`${site} ${id}`);
            return entry && entry.at > since ? entry.what : undefined;
          },
        },
        connectivity: {
          online: () => online,
          // A closed tab's page is gone: what it still had to send stays stored for the next load.
          leaving: () => !living(),
          whenOnline: () =>
            online && living()
              ? Promise.resolve()
              : new Promise((resolve) => {
                  if (living()) onlineWaiters.push(resolve);
                }),
        },
      };
    },
    close(platform: Platform): void {
      const { tab } = platform.locks;
      alive.delete(tab);
      listeners.delete(tab);
      for (const [name, lock] of locks) {
        lock.queue = lock.queue.filter((waiter) => waiter.tab !== tab);
        if (lock.holder?.tab === tab) grantNext(name, lock);
      }
    },
    setOnline(next: boolean): void {
      online = next;
      if (online) for (const resolve of onlineWaiters.splice(0)) resolve();
    },
  };
}

/** One browser's shared state, as {@link memoryBrowser} makes it. */
export type MemoryBrowser = ReturnType<typeof memoryBrowser>;
