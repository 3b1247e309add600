import ky from 'ky';
import { parseActivityIdentifier } from './activityIdentifier.js';
import type { ActivityStatus } from './activityStatus.js';
import { authHeaders, type SuperOfficeAuth } from './auth.js';
import {
  type ResolvedClientConfig,
  resolveClientConfig,
  type SuperOfficeClientConfig,
} from './clientConfig.js';
import { SuperOfficeApiError } from './errors/SuperOfficeApiError.js';
import { parseStatusBody } from './responseBody.js';
import { toSuperOfficeError } from './toSuperOfficeError.js';

export const TOGGLE_ACTIVITY_PATH = 'Agents/Appointment/ToggleActivity';

export interface ToggleActivityOptions {
  /** Passed through as the `$select` query parameter. */
  select?: string | undefined;
  /** Aborts the request; the toggle's outcome is then unknown. */
  signal?: AbortSignal | undefined;
}

/**
 * A typed client for `POST /api/v1/Agents/Appointment/ToggleActivity`.
 *
 * @example
 * const client = createSuperOfficeClient({ baseUrl, auth: { scheme: 'Bearer', token } });
 * const status = await client.toggleActivity('appointment_id=42'); // "Completed"
 */
export interface SuperOfficeClient {
  /**
   * Flips the activity's completed state and resolves to its status after the toggle.
   * Never retried (the toggle is not idempotent), except once after a 401 answered by
   * `onUnauthorized` with new auth.
   */
  toggleActivity(
    activityIdentifier: string,
    options?: ToggleActivityOptions,
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
  return createClientReading(() => resolved);
}

/**
 * A client that reads its config before every request, so that a provider's new props take
 * effect on the next request without a new client.
 */
export function createClientReading(readConfig: () => ResolvedClientConfig): SuperOfficeClient {
  // Auth that onUnauthorized handed back, used until the configured auth itself changes.
  let renewed: { replaces: SuperOfficeAuth; auth: SuperOfficeAuth } | undefined;
  let renewing: Promise<SuperOfficeAuth | undefined> | undefined;

  return {
    async toggleActivity(activityIdentifier, options = {}) {
      parseActivityIdentifier(activityIdentifier);
      const config = readConfig();
      if (renewed && !sameAuth(renewed.replaces, config.auth)) renewed = undefined;
      try {
        return await send(config, renewed?.auth ?? config.auth, activityIdentifier, options);
      } catch (error) {
        const { onUnauthorized } = config;
        if (!(error instanceof SuperOfficeApiError && error.status === 401 && onUnauthorized)) {
          throw error;
        }
        // Concurrent 401s share one call.
        renewing ??= Promise.resolve(onUnauthorized(error)).finally(() => {
          renewing = undefined;
        });
        const auth = await renewing;
        if (!auth) throw error;
        renewed = { replaces: config.auth, auth };
        return send(config, auth, activityIdentifier, options);
      }
    },
  };
}

async function send(
  config: ResolvedClientConfig,
  auth: SuperOfficeAuth,
  activityIdentifier: string,
  { select, signal }: ToggleActivityOptions,
): Promise<ActivityStatus> {
  const { headers, secrets } = await authHeaders(auth);
  if (config.appToken) secrets.push(config.appToken);
  try {
    const response = await ky.post(
      // Built by hand so that the parameter name stays a literal `$select`.
      select === undefined
        ? TOGGLE_ACTIVITY_PATH
        : `${TOGGLE_ACTIVITY_PATH}?$select=${encodeURIComponent(select)}`,
      {
        prefix: config.prefix,
        timeout: config.timeout,
        retry: 0,
        // A redirect would resend the toggle, and could carry credentials to another origin.
        redirect: 'manual',
        headers: { ...headers, ...plainHeaders(config) },
        body: JSON.stringify({ ActivityIdentifier: activityIdentifier }),
        ...(config.fetch ? { fetch: config.fetch } : {}),
        ...(signal ? { signal } : {}),
      },
    );
    return parseStatusBody(await response.text(), response.headers.get('Content-Type'));
  } catch (error) {
    throw toSuperOfficeError(error, secrets, config.timeout);
  }
}

// Providers often get a fresh but equal `auth` object on every render.
function sameAuth(a: SuperOfficeAuth, b: SuperOfficeAuth): boolean {
  return Object.keys({ ...a, ...b }).every(
    (key) => a[key as keyof SuperOfficeAuth] === b[key as keyof SuperOfficeAuth],
  );
}

function plainHeaders(config: ResolvedClientConfig): Record<string, string> {
  const headers: Record<string, string> = {
    Accept: config.accept === 'xml' ? 'application/xml' : 'application/json',
    'Content-Type': 'application/json; charset=utf-8',
  };
  if (config.appToken) headers['SO-AppToken'] = config.appToken;
  if (config.language) {
    headers['Accept-Language'] = config.language;
    headers['SO-Language'] = config.language;
  }
  if (config.culture) headers['SO-Culture'] = config.culture;
  if (config.timeZone) headers['SO-TimeZone'] = config.timeZone;
  return headers;
}
