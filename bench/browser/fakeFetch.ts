import type { FakeWebApi } from '../../src/testing/index.js';

/** A `fetch` that answers from `fake` in-page, and knows how many requests are still open. */
export interface FakeFetch {
  fetch: typeof globalThis.fetch;
  inFlight(): number;
}

// In-page routing instead of MSW's service worker: no worker hop, exact counts, same latency.
export function createFakeFetch(fake: FakeWebApi): FakeFetch {
  let open = 0;
  const fetch: typeof globalThis.fetch = async (input, init) => {
    open += 1;
    try {
      const outcome = await fake.handle(new Request(input, init));
      if ('dropped' in outcome) throw new TypeError('Failed to fetch');
      return outcome;
    } finally {
      open -= 1;
    }
  };
  return { fetch, inFlight: () => open };
}
