import { createFakeFetch, type FakeWebApi } from '../../src/testing/index.js';

/** The testing entry's in-page `fetch` into `fake`, counting the requests still open. */
export interface CountingFetch {
  fetch: typeof globalThis.fetch;
  inFlight(): number;
}

// In-page routing instead of MSW's service worker: no worker hop, exact counts, same latency.
export function countingFetch(fake: FakeWebApi): CountingFetch {
  const fakeFetch = createFakeFetch(fake);
  let open = 0;
  const fetch: typeof globalThis.fetch = async (input, init) => {
    open += 1;
    try {
      return await fakeFetch(input, init);
    } finally {
      open -= 1;
    }
  };
  return { fetch, inFlight: () => open };
}
