/**
 * Waits `ms` milliseconds; resolves `false` instead if `signal` aborts first, so a request whose
 * client went away is never applied.
 *
 * @example
 * if (!(await sleepUnlessAborted(200, request.signal))) return 'dropped';
 */
export function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  // No timer for zero latency, so held requests released together keep their order.
  if (!(ms > 0)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Waits for `gate`; resolves `false` instead if `signal` aborts first.
 *
 * @example
 * if (!(await waitUnlessAborted(released, request.signal))) return 'dropped';
 */
export function waitUnlessAborted(gate: Promise<void>, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => resolve(false);
    signal.addEventListener('abort', onAbort, { once: true });
    void gate.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    });
  });
}
