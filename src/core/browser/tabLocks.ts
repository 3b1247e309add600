/**
 * Runs a task holding a lock that every tab, window and same-origin iframe of the storage
 * partition shares (Web Locks). Without `navigator.locks`, the task runs at once: the lane's
 * own one-run-at-a-time still holds within the tab.
 */
export interface TabLocks {
  run<T>(name: string, waitAtMostMs: number, task: () => Promise<T>): Promise<T>;
  /** This tab's id; a lock of that name is held for the tab's life. */
  readonly tab: string;
  /** Whether the tab with this id still lives (its lock is held). */
  isAlive(tab: string): Promise<boolean>;
}

/** Thrown when a lock could not be had within its bound (another tab holds it too long). */
export class LockTimeoutError extends Error {
  override name = 'LockTimeoutError';
}

const TAB_LOCK = 'superoffice-activity-react/tab/';

export function browserTabLocks(): TabLocks {
  const tab = globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`;
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks?.request) {
    return { tab, run: (_name, _wait, task) => task(), isAlive: async (other) => other === tab };
  }
  // Held until the tab goes: the browser releases it, so other tabs can tell.
  void locks.request(`${TAB_LOCK}${tab}`, () => new Promise(() => undefined));
  return {
    tab,
    async isAlive(other) {
      if (other === tab) return true;
      const { held = [] } = await locks.query();
      return held.some((lock) => lock.name === `${TAB_LOCK}${other}`);
    },
    async run(name, waitAtMostMs, task) {
      try {
        return await locks.request(name, { signal: AbortSignal.timeout(waitAtMostMs) }, task);
      } catch (error) {
        // Only the wait is bounded: once held, the task runs to its end.
        if (
          error instanceof DOMException &&
          (error.name === 'TimeoutError' || error.name === 'AbortError')
        ) {
          throw new LockTimeoutError(`No turn for ${name} within ${waitAtMostMs} ms.`);
        }
        throw error;
      }
    },
  };
}
