import type { HttpHandler } from 'msw';
import { type SetupWorker, setupWorker } from 'msw/browser';
import type { FakeWebApi } from '../../src/testing/index.js';
import { createFakeWebApiHandlers } from '../../src/testing/msw.js';

let started: Promise<SetupWorker> | undefined;
// One fake per story, each behind its own base URL, so stories side by side on a docs page
// never answer each other's clicks.
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
        escaped.push(request ? `${request.method} ${request.url}` : String(frame.protocol));
        defaults.error();
      },
    });
    return instance;
  })();
  return started;
}

/**
 * Answers `ToggleActivity` under `baseUrl` with `fake` until the returned function is called.
 *
 * @example
 * const unmount = await mountFakeWebApi(fake, 'https://demo.superoffice.test/story/api');
 */
export async function mountFakeWebApi(fake: FakeWebApi, baseUrl: string): Promise<() => void> {
  const instance = await startFakeWebApiWorker();
  const handlers = createFakeWebApiHandlers(fake, { baseUrl });
  mounted.set(baseUrl, handlers);
  instance.resetHandlers(...[...mounted.values()].flat());
  return () => {
    if (mounted.get(baseUrl) !== handlers) return;
    mounted.delete(baseUrl);
    instance.resetHandlers(...[...mounted.values()].flat());
  };
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
