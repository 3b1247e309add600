/**
 * The credentials the fake accepts, one list per way of authenticating.
 *
 * @example
 * const credentials: FakeCredentials = { ...FAKE_CREDENTIALS, bearerTokens: ['my-token'] };
 */
export interface FakeCredentials {
  /** Accepted as `Authorization: Bearer <token>`. */
  bearerTokens: string[];
  /** Accepted as `Authorization: SOTicket <ticket>`. */
  tickets: string[];
  /** Accepted as `Authorization: Basic base64(username:password)`, UTF-8 encoded. */
  basic: { username: string; password: string }[];
  /** Accepted as `X-XSRF-TOKEN` when there is no `Authorization` header. */
  xsrfTokens: string[];
  /** When set, a `SOTicket` request must also send it as `SO-AppToken`, as SuperOffice Online does. */
  appToken?: string;
}

/**
 * What a default `FakeWebApi` accepts.
 *
 * @example
 * fetch(url, { headers: { Authorization: `Bearer ${FAKE_CREDENTIALS.bearerTokens[0]}` } });
 */
export const FAKE_CREDENTIALS: FakeCredentials = {
  bearerTokens: ['fake-bearer-token'],
  tickets: ['fake-ticket'],
  basic: [{ username: 'fake-user', password: 'fake-password' }],
  xsrfTokens: ['fake-xsrf-token'],
};

/**
 * Whether the request's headers authenticate it. `Authorization` wins over `X-XSRF-TOKEN`, as on
 * the real server, so a wrong `Authorization` is not rescued by a right XSRF token.
 *
 * @example
 * isAuthenticated(new Headers({ Authorization: 'Bearer fake-bearer-token' }), FAKE_CREDENTIALS); // true
 */
export function isAuthenticated(headers: Headers, credentials: FakeCredentials): boolean {
  const authorization = headers.get('authorization');
  if (authorization === null) {
    const xsrf = headers.get('x-xsrf-token');
    return xsrf !== null && credentials.xsrfTokens.includes(xsrf);
  }
  const match = /^\s*(\S+)\s+(\S.*?)\s*$/.exec(authorization);
  const scheme = match?.[1]?.toLowerCase();
  const value = match?.[2] ?? '';
  switch (scheme) {
    case 'bearer':
      return credentials.bearerTokens.includes(value);
    case 'soticket':
      return (
        credentials.tickets.includes(value) &&
        (credentials.appToken === undefined || headers.get('so-apptoken') === credentials.appToken)
      );
    case 'basic':
      return isKnownUser(value, credentials);
    default:
      return false;
  }
}

function isKnownUser(encoded: string, credentials: FakeCredentials): boolean {
  const decoded = decodeBase64Utf8(encoded);
  if (decoded === undefined) return false;
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  const username = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  return credentials.basic.some((user) => user.username === username && user.password === password);
}

// `atob` alone yields Latin-1, which would garble passwords such as "pässwörd" or "密码".
function decodeBase64Utf8(encoded: string): string | undefined {
  try {
    const bytes = Uint8Array.from(atob(encoded), (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
