import type { ActivityKind } from '../client/activityIdentifier.js';

/**
 * The endpoints the fake answers: the toggle, and the entity reads that tell the status safely.
 *
 * @example
 * const route: WebApiRoute = { endpoint: 'read', kind: 'sale', id: 7, activityIdentifier: 'sale_id=7' };
 */
export type WebApiRoute =
  | { endpoint: 'toggle' }
  | { endpoint: 'read'; kind: ActivityKind; id: number; activityIdentifier: string };

// Paths after the base URL's `/api`. The WebAPI's routing is case-insensitive.
const TOGGLE = /^\/v1\/agents\/appointment\/toggleactivity\/?$/i;
const READ = /^\/v1\/(appointment|sale|document)\/([0-9]+)\/?$/i;
const API_PATH = /\/api(\/v1\/.*)$/i;

/**
 * Which endpoint `method` and `apiPath` (the path after `…/api`, e.g. `/v1/Sale/7`) name, or
 * `undefined` for any other.
 *
 * @example
 * routeOf('GET', '/v1/Appointment/1'); // { endpoint: 'read', kind: 'appointment', id: 1, … }
 */
export function routeOf(method: string, apiPath: string): WebApiRoute | undefined {
  if (method === 'POST' && TOGGLE.test(apiPath)) return { endpoint: 'toggle' };
  const read = method === 'GET' ? READ.exec(apiPath) : null;
  if (read === null) return undefined;
  const kind = (read[1] ?? '').toLowerCase() as ActivityKind;
  const id = Number(read[2]);
  return { endpoint: 'read', kind, id, activityIdentifier: `${kind}_id=${id}` };
}

/**
 * The path after the first `/api` that is followed by `/v1/`, for a fake that listens under any
 * base URL; `undefined` when there is none.
 *
 * @example
 * apiPathOf('/Cust1/api/v1/Sale/7'); // '/v1/Sale/7'
 */
export function apiPathOf(pathname: string): string | undefined {
  return API_PATH.exec(pathname)?.[1];
}
