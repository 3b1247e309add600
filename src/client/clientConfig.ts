import type { SuperOfficeAuth } from './auth.js';
import type { SuperOfficeApiError } from './errors/SuperOfficeApiError.js';
import { SuperOfficeConfigError } from './errors/SuperOfficeConfigError.js';

/**
 * Where and how to reach a SuperOffice WebAPI.
 *
 * @example
 * const config: SuperOfficeClientConfig = {
 *   baseUrl: 'https://online.superoffice.com/Cust12345/api',
 *   auth: { scheme: 'Bearer', token: () => getAccessToken() },
 *   language: 'nb',
 * };
 */
export interface SuperOfficeClientConfig {
  /** The site's WebAPI root, e.g. `https://online.superoffice.com/Cust12345/api`; a trailing `/` or `/v1` is fine. */
  baseUrl: string;
  auth: SuperOfficeAuth;
  /** The partner app's token (its client secret), sent as `SO-AppToken`. */
  appToken?: string | undefined;
  /** An ISO 639-1 code, sent as `Accept-Language` and `SO-Language`; also picks the checkbox's texts. */
  language?: string | undefined;
  /** Number and date culture, sent as `SO-Culture`. */
  culture?: string | undefined;
  /** Time zone code for date/time responses, sent as `SO-TimeZone`. */
  timeZone?: string | undefined;
  /**
   * Called when the server answers 401. Return new auth to send the request once more with it
   * (a 401 toggled nothing, so this is safe); return nothing to give up with the 401 error.
   * Concurrent 401s share one call.
   */
  onUnauthorized?:
    | ((
        error: SuperOfficeApiError,
      ) => SuperOfficeAuth | undefined | Promise<SuperOfficeAuth | undefined>)
    | undefined;
  /** Milliseconds before a request is given up (its outcome then unknown). Default 10,000. */
  timeout?: number | undefined;
  /** A custom `fetch`, e.g. for instrumentation. */
  fetch?: typeof globalThis.fetch | undefined;
  /** Ask for JSON (default) or XML answers. */
  accept?: 'json' | 'xml' | undefined;
  /** Allow credentials over plain `http:` to a host other than loopback. Default `false`. */
  allowInsecureHttp?: boolean | undefined;
}

export interface ResolvedClientConfig extends SuperOfficeClientConfig {
  /** The site: `baseUrl` normalized to origin + path, without a trailing `/` or `/v1`. */
  site: string;
  /** `<site>/v1/`: what every request path is relative to. */
  prefix: string;
  timeout: number;
}

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$|\.localhost$/i;
const EXAMPLE_URL = 'e.g. "https://online.superoffice.com/Cust12345/api"';

/** Validates a config before anything is sent; throws {@link SuperOfficeConfigError}. */
export function resolveClientConfig(config: SuperOfficeClientConfig): ResolvedClientConfig {
  if (config === null || typeof config !== 'object') {
    throw new SuperOfficeConfigError(
      'The SuperOffice client needs a config object with baseUrl and auth.',
    );
  }
  const { baseUrl, auth } = config;
  if (typeof baseUrl !== 'string' || baseUrl.trim() === '') {
    throw new SuperOfficeConfigError(
      `baseUrl is missing: pass the site's WebAPI root, ${EXAMPLE_URL}.`,
    );
  }
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new SuperOfficeConfigError(
      `baseUrl ${JSON.stringify(baseUrl)} is not an absolute URL: ${EXAMPLE_URL}.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SuperOfficeConfigError(`baseUrl must be an http(s) URL, ${EXAMPLE_URL}.`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new SuperOfficeConfigError(
      'baseUrl must not carry credentials (pass them in auth), a query or a fragment.',
    );
  }
  if (!auth || typeof auth !== 'object') {
    throw new SuperOfficeConfigError(
      "auth is missing: pass { scheme: 'Bearer' | 'SoTicket' | 'Basic' | 'XSRF', ... }.",
    );
  }
  const sendsCredentials = auth.scheme !== 'XSRF' || config.appToken !== undefined;
  if (
    url.protocol === 'http:' &&
    sendsCredentials &&
    !LOOPBACK_HOST.test(url.hostname) &&
    !config.allowInsecureHttp
  ) {
    throw new SuperOfficeConfigError(
      `Refusing to send ${auth.scheme} credentials over plain http to ${url.host}: use https, or set allowInsecureHttp: true.`,
    );
  }
  const timeout = config.timeout ?? 10_000;
  if (!Number.isFinite(timeout) || timeout <= 0) {
    throw new SuperOfficeConfigError(
      `timeout must be a positive number of milliseconds, got ${String(timeout)}.`,
    );
  }
  const site = normalizedSite(url);
  return { ...config, site, prefix: `${site}/v1/`, timeout };
}

/**
 * The site a base URL names: origin + path, without a trailing `/` or `/v1`. Two providers with
 * the same site share every activity's state; the same identifier on another site is another
 * activity.
 *
 * @example
 * siteOf('https://online.superoffice.com/Cust12345/api/v1/'); // 'https://online.superoffice.com/Cust12345/api'
 */
export function siteOf(baseUrl: string): string {
  try {
    return normalizedSite(new URL(baseUrl));
  } catch {
    throw new SuperOfficeConfigError(
      `baseUrl ${JSON.stringify(baseUrl)} is not an absolute URL: ${EXAMPLE_URL}.`,
    );
  }
}

function normalizedSite(url: URL): string {
  return `${url.origin}${url.pathname.replace(/\/+$/, '').replace(/\/v1$/i, '')}`;
}
