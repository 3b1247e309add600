import type { FakeWebApi } from './FakeWebApi.js';

/**
 * A `fetch` that answers from `fake` in the same process: no MSW, no socket. Pass it to the
 * client (`fetch` on the provider or `createSuperOfficeClient`). It fails the way `fetch` does:
 * a dropped connection rejects with a `TypeError`, an aborted request with the signal's reason
 * (the fake then drops it unapplied).
 *
 * @example
 * const fake = new FakeWebApi({ activities: { 'appointment_id=1': 'NotStarted' } });
 * const client = createSuperOfficeClient({ baseUrl, auth, fetch: createFakeFetch(fake) });
 */
export function createFakeFetch(fake: FakeWebApi): typeof globalThis.fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const { signal } = request;
    signal.throwIfAborted();
    let onAbort = () => {};
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      const outcome = await Promise.race([fake.handle(request), aborted]);
      if ('dropped' in outcome) throw new TypeError('Failed to fetch');
      return outcome;
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  };
}
