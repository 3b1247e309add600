/** Whether requests may go out now, and a way to wait until they may. */
export interface Connectivity {
  /** The browser says it is online. */
  online(): boolean;
  /** The page is being left (pagehide): nothing more should be sent from it. */
  leaving(): boolean;
  /**
   * Resolves when the browser is back online. Never, once the page is being left: what is
   * unsettled then is stored, and the next load reads it back (rule 13), not this dying page.
   */
  whenOnline(): Promise<void>;
}

export function browserConnectivity(): Connectivity {
  const hasStatus = typeof navigator !== 'undefined' && typeof navigator.onLine === 'boolean';
  let leaving = false;
  globalThis.addEventListener?.('pagehide', () => {
    leaving = true;
  });
  // A page restored from the back/forward cache is alive again.
  globalThis.addEventListener?.('pageshow', () => {
    leaving = false;
  });
  const online = () => !hasStatus || navigator.onLine;
  return {
    online,
    leaving: () => leaving,
    whenOnline: () =>
      online() && !leaving
        ? Promise.resolve()
        : new Promise((resolve) => {
            const check = () => {
              if (!online() || leaving) return;
              globalThis.removeEventListener('online', check);
              globalThis.removeEventListener('pageshow', check);
              resolve();
            };
            globalThis.addEventListener('online', check);
            globalThis.addEventListener('pageshow', check);
          }),
  };
}
