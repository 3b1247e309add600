import type { HeaderOverrides } from './toggleRequest.js';
import { clientHeaders } from './toggleRequest.js';

/**
 * The request init a well-behaved client sends to read an entity: a GET with the toggle's
 * credentials and no body.
 *
 * @example
 * await fetch(`${server.url}/v1/Sale/4?$select=Completed`, readInit());
 */
export function readInit(overrides: HeaderOverrides = {}, init: RequestInit = {}): RequestInit {
  return { method: 'GET', headers: clientHeaders(overrides), ...init };
}

/**
 * A read `Request` for {@link FakeWebApi.handle}, e.g. `readRequest('/v1/Appointment/1')`.
 *
 * @example
 * await fake.handle(readRequest('/v1/Sale/7?$select=Completed', { Accept: 'application/xml' }));
 */
export function readRequest(
  apiPath: string,
  overrides: HeaderOverrides = {},
  init: RequestInit = {},
): Request {
  return new Request(`https://fake.test/api${apiPath}`, readInit(overrides, init));
}
