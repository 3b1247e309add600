// The requests a well-behaved client sends to the fake WebAPI (toggle and entity reads), for tests
// that talk to it without the library's client.

import { FAKE_CREDENTIALS } from '../../src/testing/index.js';

export const TOGGLE_PATH = '/v1/Agents/Appointment/ToggleActivity';

/** Headers to send; `null` leaves a default header out. */
export type HeaderOverrides = Record<string, string | null>;

/**
 * The request init a well-behaved client sends to toggle `activityIdentifier`.
 *
 * @example
 * await fetch(`${server.url}${TOGGLE_PATH}`, toggleInit('appointment_id=1'));
 */
export function toggleInit(
  activityIdentifier: string,
  overrides: HeaderOverrides = {},
  init: RequestInit = {},
): RequestInit {
  return {
    method: 'POST',
    headers: clientHeaders({ 'Content-Type': 'application/json', ...overrides }),
    body: JSON.stringify({ ActivityIdentifier: activityIdentifier }),
    ...init,
  };
}

/**
 * A well-behaved client's headers (a valid bearer token) with `overrides` applied.
 *
 * @example
 * clientHeaders({ Authorization: null, 'X-XSRF-TOKEN': 'fake-xsrf-token' });
 */
export function clientHeaders(overrides: HeaderOverrides = {}): [string, string][] {
  const merged: Record<string, string | null> = {
    Authorization: `Bearer ${FAKE_CREDENTIALS.bearerTokens[0]}`,
    ...overrides,
  };
  return Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== null);
}

/**
 * A `Request` for {@link FakeWebApi.handle}, without any transport.
 *
 * @example
 * await fake.handle(toggleRequest('sale_id=7'));
 */
export function toggleRequest(
  activityIdentifier: string,
  overrides: HeaderOverrides = {},
  init: RequestInit = {},
): Request {
  return new Request(
    `https://fake.test/api${TOGGLE_PATH}`,
    toggleInit(activityIdentifier, overrides, init),
  );
}

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
