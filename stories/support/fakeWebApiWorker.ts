import type { HttpHandler } from 'msw';
import { type SetupWorker, setupWorker } from 'msw/browser';
import type { FakeWebApi } from '../../src/testing/index.js';
import { createFakeWebApiHandlers } from '../../src/testing/msw.js';

let started: Promise<SetupWorker> | undefined;
// One fake per story, each behind its own base URL, so stories side by side on a docs page
// never answer each other's clicks.
const mounted = new Map<string, HttpHandler[]>();

function worker(): Promise<SetupWorker> {
  started ??= (async () => {
    const instance = setupWorker();
    // Only the fake WebAPI's calls are mocked; Storybook's and Vite's own requests pass through.
    await instance.start({ quiet: true, onUnhandledFrame: 'bypass' });
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
  const instance = await worker();
  const handlers = createFakeWebApiHandlers(fake, { baseUrl });
  mounted.set(baseUrl, handlers);
  instance.resetHandlers(...[...mounted.values()].flat());
  return () => {
    if (mounted.get(baseUrl) !== handlers) return;
    mounted.delete(baseUrl);
    instance.resetHandlers(...[...mounted.values()].flat());
  };
}
