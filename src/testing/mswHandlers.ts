import type { HttpHandler } from 'msw';
import { HttpResponse, http } from 'msw';
import type { FakeWebApi } from './FakeWebApi.js';

/**
 * Options for {@link createFakeWebApiHandlers}.
 *
 * @example
 * createFakeWebApiHandlers(fake, { baseUrl: 'https://online.superoffice.com/Cust12345/api' });
 */
export interface FakeWebApiHandlersOptions {
  /**
   * The client's base URL up to and including `/api`, absolute or (in a browser) a path such as
   * `'/api'`. Without it, `ToggleActivity` under any `…/api` on any host is answered.
   */
  baseUrl?: string;
}

const TOGGLE_SUFFIX = '/v1/agents/appointment/toggleactivity';

/**
 * MSW request handlers that send `ToggleActivity` calls to `fake`; a dropped connection becomes
 * a network error, as `fetch` would see it.
 *
 * @example
 * const fake = new FakeWebApi({ activities: { 'appointment_id=1': 'NotStarted' } });
 * const server = setupServer(...createFakeWebApiHandlers(fake));
 * server.listen({ onUnhandledFrame: 'error' });
 */
export function createFakeWebApiHandlers(
  fake: FakeWebApi,
  options: FakeWebApiHandlersOptions = {},
): HttpHandler[] {
  const isToggleUrl = toggleUrlMatcher(options.baseUrl);
  return [
    // A predicate instead of a path pattern: MSW's patterns are case-sensitive, the WebAPI is not.
    http.post(
      ({ request }) => isToggleUrl(new URL(request.url)),
      async ({ request }) => {
        const outcome = await fake.handle(request);
        return 'dropped' in outcome ? HttpResponse.error() : outcome;
      },
    ),
  ];
}

function toggleUrlMatcher(baseUrl: string | undefined): (url: URL) => boolean {
  if (baseUrl === undefined) {
    return (url) =>
      withoutTrailingSlash(url.pathname).toLowerCase().endsWith(`/api${TOGGLE_SUFFIX}`);
  }
  const base = new URL(baseUrl, globalThis.location?.href);
  const expected = `${base.origin}${withoutTrailingSlash(base.pathname)}${TOGGLE_SUFFIX}`;
  return (url) =>
    `${url.origin}${withoutTrailingSlash(url.pathname)}`.toLowerCase() === expected.toLowerCase();
}

function withoutTrailingSlash(path: string): string {
  return path.endsWith('/') ? path.slice(0, -1) : path;
}
