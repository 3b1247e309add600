import { type HttpHandler, HttpResponse, http } from 'msw';
import { type SetupWorker, setupWorker } from 'msw/browser';
import type { FakeWebApi } from '../../src/testing/index.js';
import { createFakeWebApiHandlers } from '../../src/testing/msw.js';
import { refuseIfOffline } from './storyConnection.js';

let started: Promise<SetupWorker> | undefined;
// One fake per story, each behind its own base URL, so stories side by side on a docs page
// never answer each other's clicks. A story's fake stays after the story is gone: the library
// may still be reading back a toggle made there.
const mounted = new Map<string, HttpHandler[]>();
// Requests for other hosts that no fake answered, since the current story started.
const escaped: string[] = [];

/**
 * Starts the in-browser fake WebAPI (MSW's service worker). Storybook's `beforeAll` awaits it,
 * so no story renders before it is ready. A request to any other host that no story's fake
 * answers is refused (never sent) and recorded: {@link failOnEscapedRequests} fails the story.
 */
export function startFakeWebApiWorker(): Promise<SetupWorker> {
  started ??= (async () => {
    const instance = setupWorker();
    await instance.start({
      quiet: true,
      onUnhandledFrame: ({ frame, defaults }) => {
        const request = (frame.data as { request?: Request } | undefined)?.request;
        // Storybook's and Vite's own files come from this origin and pass through.
        if (request && new URL(request.url).origin === location.origin) return;
        const what = request ? `${request.method} ${request.url}` : String(frame.protocol);
        escaped.push(what);
        // test/storybook/noNetwork.test.mjs looks for this line.
        console.error(`[stories] refused a request for the network: ${what}`);
        defaults.error();
      },
    });
    return instance;
  })();
  return started;
}

/**
 * Answers the WebAPI under `baseUrl` with `fake` from now on (a later fake for the same base URL,
 * e.g. the story remounted, takes over). While the stories' connection is offline, every request
 * under `baseUrl` fails as a network error instead, and is recorded (`refusedWhileOffline`).
 *
 * @example
 * await mountFakeWebApi(fake, 'https://demo.superoffice.test/story/api');
 */
export async function mountFakeWebApi(fake: FakeWebApi, baseUrl: string): Promise<void> {
  const instance = await startFakeWebApiWorker();
  mounted.set(baseUrl, [
    offlineHandler(fake, baseUrl),
    ...createFakeWebApiHandlers(fake, { baseUrl }),
  ]);
  instance.resetHandlers(...[...mounted.values()].flat());
}

// Offline, `fetch` fails before any server sees the request: so does this, ahead of the fake.
function offlineHandler(fake: FakeWebApi, baseUrl: string): HttpHandler {
  const prefix = `${baseUrl.toLowerCase()}/`;
  return http.all(
    ({ request }) => request.url.toLowerCase().startsWith(prefix),
    // Online, nothing: the fake's own handlers answer.
    ({ request }) => (refuseIfOffline(fake, request.url) ? HttpResponse.error() : undefined),
  );
}

/**
 * Throws if anything tried to leave the page for another host since the last call: a story
 * must never reach the network.
 */
export function failOnEscapedRequests(): void {
  const attempts = escaped.splice(0);
  if (attempts.length > 0) {
    throw new Error(
      `This story tried to reach the network (refused): ${attempts.join(', ')}. Every request must be answered by the story's fake WebAPI.`,
    );
  }
}
