import type { Heard, StoredIntent } from '../../src/core/browser/intentStore.js';
import type { Platform } from '../../src/core/browser/platform.js';
import type { TabMessage } from '../../src/core/browser/tabChannel.js';

/**
 * In-memory stand-ins for what the tabs of one browser share: Web Locks, a BroadcastChannel,
 * localStorage and the online status. `tab()` makes one tab's platform; `close(tab)` is the tab
 * going away (its locks and listeners with it).
 */
export function memoryBrowser() {
  const tails = new Map<string, Promise<unknown>>();
  const listeners = new Map<string, (message: TabMessage) => void>();
  const storage = new Map<string, StoredIntent>();
  const heard = new Map<string, { at: number; what: Heard }>();
  const alive = new Set<string>();
  const onlineWaiters: (() => void)[] = [];
  let online = true;
  let tabs = 0;

  return {
    storage,
    tab(): Platform {
      const tab = `tab-${++tabs}`;
      alive.add(tab);
      return {
        locks: {
          tab,
          isAlive: async (other) => alive.has(other),
          run(name, _wait, task) {
            const turn = (tails.get(name) ?? Promise.resolve()).then(task);
            tails.set(
              name,
              turn.catch(() => undefined),
            );
            return turn;
          },
        },
        channel: {
          // Like BroadcastChannel: every other tab hears it, asynchronously; the sender does not.
          post: (message) => {
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
          save: (intent) =>
            storage.set(`${intent.site} ${intent.activityIdentifier}`, { ...intent }),
          remove: (site, activityIdentifier) => storage.delete(`${site} ${activityIdentifier}`),
          all: () => [...storage.values()],
          heard: (site, id, what) => heard.set(`${site} ${id}`, { at: Date.now(), what }),
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
          leaving: () => false,
          whenOnline: () =>
            online ? Promise.resolve() : new Promise((resolve) => onlineWaiters.push(resolve)),
        },
      };
    },
    close(platform: Platform): void {
      alive.delete(platform.locks.tab);
      listeners.delete(platform.locks.tab);
    },
    setOnline(next: boolean): void {
      online = next;
      if (online) for (const resolve of onlineWaiters.splice(0)) resolve();
    },
  };
}
