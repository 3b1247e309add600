import { SuperOfficeConfigError } from './errors/SuperOfficeConfigError.js';

/** A secret, or a function asked for it before each request (e.g. to read a refreshed token). */
export type Credential = string | (() => string | Promise<string>);

/**
 * How requests authenticate; which schemes work depends on the installation.
 *
 * @example
 * const online: SuperOfficeAuth = { scheme: 'Bearer', token: () => session.accessToken };
 * const insideSuperOffice: SuperOfficeAuth = { scheme: 'XSRF' }; // reads the XSRF-TOKEN cookie
 */
export type SuperOfficeAuth =
  /** A SuperId access token (Online). Sent as `Authorization: Bearer <token>`. */
  | { scheme: 'Bearer'; token: Credential }
  /** A SuperOffice ticket. Sent as `Authorization: SOTicket <ticket>`; Online also needs `appToken`. */
  | { scheme: 'SoTicket'; ticket: Credential }
  /** User name and password (onsite only). Sent as `Authorization: Basic base64(UTF-8 "user:password")`. */
  | { scheme: 'Basic'; username: string; password: string }
  /**
   * A browser session inside SuperOffice: no Authorization header, `X-XSRF-TOKEN` instead. Without
   * `token`, it is read from the `XSRF-TOKEN` cookie, then from the hidden input named `XSRF_TOKEN`.
   */
  | { scheme: 'XSRF'; token?: Credential };

export interface AuthHeaders {
  headers: Record<string, string>;
  /** Every secret value the headers carry, so that errors can be scrubbed of them. */
  secrets: string[];
}

/** Resolves the auth into request headers; asked before every request. */
export async function authHeaders(auth: SuperOfficeAuth): Promise<AuthHeaders> {
  switch (auth.scheme) {
    case 'Bearer': {
      const token = await resolveCredential(auth.token, 'Bearer token');
      return { headers: { Authorization: `Bearer ${token}` }, secrets: [token] };
    }
    case 'SoTicket': {
      const ticket = await resolveCredential(auth.ticket, 'SoTicket ticket');
      return { headers: { Authorization: `SOTicket ${ticket}` }, secrets: [ticket] };
    }
    case 'Basic': {
      const encoded = base64Utf8(`${auth.username}:${auth.password}`);
      return { headers: { Authorization: `Basic ${encoded}` }, secrets: [auth.password, encoded] };
    }
    case 'XSRF': {
      const token =
        auth.token === undefined
          ? readXsrfTokenFromDocument()
          : await resolveCredential(auth.token, 'XSRF token');
      if (!token) {
        throw new SuperOfficeConfigError(
          'No XSRF token: pass auth.token, or run inside a SuperOffice page that sets the XSRF-TOKEN cookie.',
        );
      }
      return { headers: { 'X-XSRF-TOKEN': token }, secrets: [token] };
    }
    default:
      throw new SuperOfficeConfigError(
        `Unknown auth scheme ${JSON.stringify((auth as { scheme?: unknown }).scheme)}: pass { scheme: 'Bearer' | 'SoTicket' | 'Basic' | 'XSRF', ... }.`,
      );
  }
}

async function resolveCredential(credential: Credential, what: string): Promise<string> {
  const value = typeof credential === 'function' ? await credential() : credential;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new SuperOfficeConfigError(`The ${what} is empty: the request was not sent.`);
  }
  return value;
}

/** `btoa` only takes Latin-1; encode the UTF-8 bytes so that `pässwörd` and `密码` survive. */
function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function readXsrfTokenFromDocument(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === 'XSRF-TOKEN') return decodeURIComponent(value.join('='));
  }
  const input = document.querySelector<HTMLInputElement>('input[name="XSRF_TOKEN"]');
  return input?.value || undefined;
}
