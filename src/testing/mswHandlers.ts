import type { HttpHandler } from 'msw';
import { HttpResponse, http } from 'msw';
import type { FakeWebApi } from './FakeWebApi.js';
import { apiPathOf, routeOf } from './webApiRoutes.js';

/**
 * Options for {@link createFakeWebApiHandlers}.
 *
 * @example
 * createFakeWebApiHandlers(fake, { baseUrl: 'https://online.superoffice.com/Cust12345/api' });
 */
export interface FakeWebApiHandlersOptions {
  /**
   * The client's base URL up to and including `/api`, absolute or (in a browser) a path such as
   * `'/api'`. Without it, the fake's endpoints under any `…/api` on any host are answered.
   */
  baseUrl?: string;
}

/**
 * MSW request handlers that send `ToggleActivity` calls and the entity reads
 * (`GET …/v1/Appointment/{id}`, `Sale`, `Document`) to `fake`; a dropped connection becomes a
 * network error, as `fetch` would see it. Other requests pass through to the next handler.
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
  const apiPathIn = apiPathReader(options.baseUrl);
  // A predicate instead of a path pattern: MSW's patterns are case-sensitive, the WebAPI is not.
  const isFakeEndpoint = ({ request }: { request: Request }) => {
    const apiPath = apiPathIn(new URL(request.url));
    return apiPath !== undefined && routeOf(request.method, apiPath) !== undefined;
  };
  const answer = async ({ request }: { request: Request }) => {
    const outcome = await fake.handle(request);
    return 'dropped' in outcome ? HttpResponse.error() : outcome;
  };
  return [http.post(isFakeEndpoint, answer), http.get(isFakeEndpoint, answer)];
}

// The path after the base URL, or after any `…/api` when no base URL is set.
function apiPathReader(baseUrl: string | undefined): (url: URL) => string | undefined {
  if (baseUrl === undefined) return (url) => apiPathOf(url.pathname);
  const base = new URL(baseUrl, globalThis.location?.href);
  const prefix = `${base.origin}${withoutTrailingSlash(base.pathname)}/`.toLowerCase();
  return (url) => {
    const href = `${url.origin}${url.pathname}`;
    return href.toLowerCase().startsWith(prefix) ? href.slice(prefix.length - 1) : undefined;
  };
}

function withoutTrailingSlash(path: string): string {
  return path.endsWith('/') ? path.slice(0, -1) : path;
}
