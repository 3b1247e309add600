import ky from 'ky';
import { type ActivityKind, parseActivityIdentifier } from './activityIdentifier.js';
import type { ActivityStatus } from './activityStatus.js';
import { authHeaders, type SuperOfficeAuth } from './auth.js';
import {
  type ResolvedClientConfig,
  resolveClientConfig,
  type SuperOfficeClientConfig,
} from './clientConfig.js';
import { SuperOfficeApiError } from './errors/SuperOfficeApiError.js';
import { reachCompleted } from './reachCompleted.js';
import { parseEntityStatus, parseStatusBody } from './responseBody.js';
import { type RequestKind, toSuperOfficeError } from './toSuperOfficeError.js';

export const TOGGLE_ACTIVITY_PATH = 'Agents/Appointment/ToggleActivity';

export interface ToggleActivityOptions {
  /** Passed through as the `$select` query parameter. */
  select?: string | undefined;
  /** Aborts the request; the toggle's outcome is then unknown. */
  signal?: AbortSignal | undefined;
  /**
   * Called as each request of the toggle is sent: the first, and the resend after a 401 that
   * `onUnauthorized` renewed. Until its send time plus `timeout`, a request may still land.
   */
  onSend?: (() => void) | undefined;
}

export interface ReadActivityOptions {
  /** Aborts the request (and, for `setActivityCompleted`, everything after it). */
  signal?: AbortSignal | undefined;
}

/**
 * A typed client for SuperOffice's `ToggleActivity` and the entity reads that give an
 * activity's status.
 *
 * @example
 * const client = createSuperOfficeClient({ baseUrl, auth: { scheme: 'Bearer', token } });
 * const status = await client.toggleActivity('appointment_id=42'); // "Completed"
 */
export interface SuperOfficeClient {
  /** The site this client talks to: `baseUrl` normalized (see `siteOf`). */
  readonly site: string;
  /** Milliseconds before a request is given up (the config's `timeout`). */
  readonly timeout: number;
  /**
   * Flips the activity's completed state and resolves to its status after the toggle.
   * Never retried (the toggle is not idempotent), except once after a 401 answered by
   * `onUnauthorized` with new auth.
   */
  toggleActivity(
    activityIdentifier: string,
    options?: ToggleActivityOptions,
  ): Promise<ActivityStatus>;
  /**
   * Reads the activity's status (`GET v1/Appointment|Sale|Document/{id}?$select=Completed`).
   * Safe and idempotent; a 404 means the id does not exist.
   *
   * @example
   * await client.getActivityStatus('sale_id=7'); // "Started"
   */
  getActivityStatus(
    activityIdentifier: string,
    options?: ReadActivityOptions,
  ): Promise<ActivityStatus>;
  /**
   * Makes the activity completed or not, whatever it is now: reads, toggles only when needed,
   * and corrects when the server lands elsewhere (three-state appointments, another user).
   * Idempotent: calling it twice sends at most one toggle. For scripts, servers and bulk jobs.
   *
   * @example
   * await client.setActivityCompleted('appointment_id=42', true); // "Completed"
   */
  setActivityCompleted(
    activityIdentifier: string,
    completed: boolean,
    options?: ReadActivityOptions,
  ): Promise<ActivityStatus>;
}

/**
 * Creates a {@link SuperOfficeClient}. The config is validated here, before anything is sent.
 *
 * @example
 * const client = createSuperOfficeClient({
 *   baseUrl: 'https://online.superoffice.com/Cust12345/api',
 *   auth: { scheme: 'Bearer', token: () => session.accessToken },
 *   language: 'nb',
 * });
 */
export function createSuperOfficeClient(config: SuperOfficeClientConfig): SuperOfficeClient {
  const resolved = resolveClientConfig(config);
  return createClientOverConfig(() => resolved);
}

/**
 * A client that reads its config before every request, so that a provider's new props take
 * effect on the next request without a new client. `site` is the config's site at creation.
 */
export function createClientOverConfig(readConfig: () => ResolvedClientConfig): SuperOfficeClient {
  const client: SuperOfficeClient = {
    site: readConfig().site,
    get timeout() {
      return readConfig().timeout;
    },
    async toggleActivity(activityIdentifier, { select, signal, onSend } = {}) {
      parseActivityIdentifier(activityIdentifier);
      return withRenewal(readConfig(), (config, auth) => {
        onSend?.();
        return send(config, auth, 'toggle', {
          method: 'post',
          // Built by hand so that the parameter name stays a literal `$select`.
          path:
            select === undefined
              ? TOGGLE_ACTIVITY_PATH
              : `${TOGGLE_ACTIVITY_PATH}?$select=${encodeURIComponent(select)}`,
          body: JSON.stringify({ ActivityIdentifier: activityIdentifier }),
          signal,
          parse: parseStatusBody,
        });
      });
    },
    async getActivityStatus(activityIdentifier, { signal } = {}) {
      const { kind, id } = parseActivityIdentifier(activityIdentifier);
      return withRenewal(readConfig(), (config, auth) =>
        send(config, auth, 'read', {
          method: 'get',
          path: `${ENTITY_PATHS[kind]}/${id}?$select=Completed`,
          signal,
          parse: parseEntityStatus,
        }),
      );
    },
    async setActivityCompleted(activityIdentifier, completed, { signal } = {}) {
      parseActivityIdentifier(activityIdentifier);
      return reachCompleted({
        activityIdentifier,
        wanted: () => completed,
        toggle: () => client.toggleActivity(activityIdentifier, { signal }),
        read: () => client.getActivityStatus(activityIdentifier, { signal }),
        mayStillApplyMs: client.timeout,
        signal,
      });
    },
  };
  return client;
}

const ENTITY_PATHS: Record<ActivityKind, string> = {
  appointment: 'Appointment',
  sale: 'Sale',
  document: 'Document',
};

interface Renewal {
  /** The configured auth this renewal stands in for; a new auth prop ends it. */
  replaces: SuperOfficeAuth;
  auth: SuperOfficeAuth;
}

// Per site: auth handed back by onUnauthorized is never sent to another site (rule 10).
const renewals = new Map<string, Renewal>();
const renewing = new Map<string, Promise<SuperOfficeAuth | undefined>>();

/** Sends once; after a 401 answered by `onUnauthorized` with new auth, once more (nothing was applied). */
async function withRenewal<T>(
  config: ResolvedClientConfig,
  request: (config: ResolvedClientConfig, auth: SuperOfficeAuth) => Promise<T>,
): Promise<T> {
  const { site, auth: configured, onUnauthorized } = config;
  const renewal = renewals.get(site);
  // A credential given as a function is asked before every request, renewed or not (rule 10).
  const current =
    renewal && sameAuth(renewal.replaces, configured) && !asksEachTime(configured)
      ? renewal.auth
      : configured;
  try {
    return await request(config, current);
  } catch (error) {
    if (!(error instanceof SuperOfficeApiError && error.status === 401 && onUnauthorized)) {
      throw error;
    }
    // Concurrent 401s of one site share one call.
    let pending = renewing.get(site);
    if (!pending) {
      pending = Promise.resolve(onUnauthorized(error)).finally(() => renewing.delete(site));
      renewing.set(site, pending);
    }
    const auth = await pending;
    if (!auth) throw error;
    renewals.set(site, { replaces: configured, auth });
    return request(config, auth);
  }
}

interface Send<T> {
  method: 'get' | 'post';
  path: string;
  body?: string;
  signal: AbortSignal | undefined;
  parse: (text: string, contentType: string | null) => T;
}

async function send<T>(
  config: ResolvedClientConfig,
  auth: SuperOfficeAuth,
  kind: RequestKind,
  { method, path, body, signal, parse }: Send<T>,
): Promise<T> {
  const { headers, secrets } = await authHeaders(auth);
  if (config.appToken) secrets.push(config.appToken);
  try {
    const response = await ky(path, {
      method,
      prefix: config.prefix,
      timeout: config.timeout,
      // The toggle is not idempotent; reads are retried by the convergence, which counts them.
      retry: 0,
      // A redirect would resend the toggle, and could carry credentials to another origin.
      redirect: 'manual',
      headers: { ...headers, ...plainHeaders(config, body !== undefined) },
      ...(body === undefined ? {} : { body }),
      ...(config.fetch ? { fetch: config.fetch } : {}),
      ...(signal ? { signal } : {}),
    });
    return parse(await response.text(), response.headers.get('Content-Type'));
  } catch (error) {
    throw toSuperOfficeError(error, secrets, config.timeout, kind);
  }
}

// Providers often get a fresh but equal `auth` object on every render.
function sameAuth(a: SuperOfficeAuth, b: SuperOfficeAuth): boolean {
  return Object.keys({ ...a, ...b }).every(
    (key) => a[key as keyof SuperOfficeAuth] === b[key as keyof SuperOfficeAuth],
  );
}

function asksEachTime(auth: SuperOfficeAuth): boolean {
  return Object.values(auth).some((value) => typeof value === 'function');
}

function plainHeaders(config: ResolvedClientConfig, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    Accept: config.accept === 'xml' ? 'application/xml' : 'application/json',
  };
  if (hasBody) headers['Content-Type'] = 'application/json; charset=utf-8';
  if (config.appToken) headers['SO-AppToken'] = config.appToken;
  if (config.language) {
    headers['Accept-Language'] = config.language;
    headers['SO-Language'] = config.language;
  }
  if (config.culture) headers['SO-Culture'] = config.culture;
  if (config.timeZone) headers['SO-TimeZone'] = config.timeZone;
  return headers;
}
