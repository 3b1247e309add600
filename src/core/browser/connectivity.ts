/** Whether the browser says it is online, and a way to wait until it is. */
export interface Connectivity {
  online(): boolean;
  /** Resolves when the browser comes back online (at once if it is). */
  whenOnline(signal?: AbortSignal): Promise<void>;
}

export function browserConnectivity(): Connectivity {
  const hasStatus = typeof navigator !== 'undefined' && typeof navigator.onLine === 'boolean';
  const online = () => !hasStatus || navigator.onLine;
  return {
    online,
    whenOnline: () =>
      online()
        ? Promise.resolve()
        : new Promise((resolve) => {
            globalThis.addEventListener('online', () => resolve(), { once: true });
          }),
  };
}
