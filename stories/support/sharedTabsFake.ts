import type { FakeWebApi } from '../../src/testing/index.js';
import { refuseIfOffline } from './storyConnection.js';

// Where a page leaves its fake for the same-origin frames it holds (each frame runs its own copy
// of the library, as a separate tab would, but they should talk to one SuperOffice).
const KEY = '__superOfficeActivityStoryFake';

type WithFake = Window & { [KEY]?: FakeWebApi };

/**
 * Lends `fake` to the frames of this page until the returned function is called.
 *
 * @example
 * useEffect(() => lendFakeToFrames(fake), [fake]);
 */
export function lendFakeToFrames(fake: FakeWebApi): () => void {
  const page = window as WithFake;
  page[KEY] = fake;
  return () => {
    if (page[KEY] === fake) delete page[KEY];
  };
}

/** The fake lent by the page holding this frame, if any (and if it may be reached). */
export function fakeOfHostPage(): FakeWebApi | undefined {
  if (window.parent === window) return undefined;
  try {
    return (window.parent as WithFake)[KEY];
  } catch {
    return undefined; // another origin
  }
}

/**
 * A `fetch` answered by a fake that lives in another frame. The answer is copied into this
 * frame's own `Response`, so the client's checks see a local object. Offline (this frame follows
 * its page), it fails as a network error, as the page's own requests do.
 *
 * @example
 * <SuperOfficeProvider fetch={fetchFrom(fake)} … />
 */
export function fetchFrom(fake: FakeWebApi): typeof globalThis.fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    if (refuseIfOffline(fake, request.url)) throw new TypeError('Failed to fetch');
    const outcome = await fake.handle(request);
    if ('dropped' in outcome) throw new TypeError('Failed to fetch');
    const body = outcome.status === 204 ? null : await outcome.text();
    return new Response(body, {
      status: outcome.status,
      headers: Object.fromEntries(outcome.headers),
    });
  };
}
