import { HTTPError, isKyError, NetworkError, TimeoutError } from 'ky';
import { SuperOfficeApiError } from './errors/SuperOfficeApiError.js';
import { SuperOfficeError } from './errors/SuperOfficeError.js';
import { SuperOfficeNetworkError } from './errors/SuperOfficeNetworkError.js';
import { asWebApiErrorBody } from './responseBody.js';

/** What a request was for: the words of its failure depend on it. */
export type RequestKind = 'toggle' | 'read';

const CONSEQUENCE: Record<RequestKind, string> = {
  toggle: 'the toggle may or may not have been applied.',
  read: 'the status could not be read.',
};

/**
 * Turns whatever a request threw into one of this library's typed errors, scrubbed of the
 * secrets it was sent with. ky's own errors are not kept as `cause`: they hold the request,
 * and with it the Authorization header.
 */
export function toSuperOfficeError(
  error: unknown,
  secrets: readonly string[],
  timeoutMs: number,
  kind: RequestKind,
): SuperOfficeError {
  const MAY_HAVE_BEEN_APPLIED = CONSEQUENCE[kind];
  if (error instanceof SuperOfficeError) return error;
  if (error instanceof HTTPError) return fromHttpError(error, secrets, kind);
  if (error instanceof TimeoutError) {
    return new SuperOfficeNetworkError(
      `No answer from SuperOffice within ${timeoutMs} ms; ${MAY_HAVE_BEEN_APPLIED}`,
      'timeout',
    );
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return new SuperOfficeNetworkError(
      `The request was aborted; ${MAY_HAVE_BEEN_APPLIED}`,
      'aborted',
    );
  }
  const cause = error instanceof NetworkError ? error.cause : isKyError(error) ? undefined : error;
  return new SuperOfficeNetworkError(
    `The connection to SuperOffice failed; ${MAY_HAVE_BEEN_APPLIED}`,
    'network',
    cause,
  );
}

function fromHttpError(
  { response, data }: HTTPError,
  secrets: readonly string[],
  kind: RequestKind,
) {
  const { status, statusText } = response;
  // Browsers hide a redirect that is not followed as an 'opaqueredirect' response with status 0.
  if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
    return new SuperOfficeApiError(
      `SuperOffice answered with a redirect, which is never followed for a ${kind}: check baseUrl.`,
      { status, errorType: 'Redirect' },
    );
  }
  const body = asWebApiErrorBody(data);
  const message =
    scrub(body?.ErrorMessage, secrets) ||
    `SuperOffice answered ${status}${statusText ? ` ${statusText}` : ''} without a WebAPI error body${
      status >= 500 ? ' (a proxy or gateway may have answered)' : ''
    }.`;
  return new SuperOfficeApiError(message, {
    status,
    errorType: scrub(body?.ErrorType, secrets),
    errorSource: scrub(body?.ErrorSource, secrets),
    // A gateway that failed, timed out or was overloaded may have passed the toggle on.
    outcomeUnknown: status === 502 || status === 503 || status === 504,
    retryAfterMs: retryAfterMs(response.headers.get('Retry-After')),
  });
}

/** `Retry-After` as seconds or an HTTP date; `undefined` when absent or unreadable. */
function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}

/** Server text may echo what it was sent; never let a credential through into an error. */
function scrub(text: string | undefined, secrets: readonly string[]): string | undefined {
  let clean = text;
  for (const secret of secrets) {
    if (secret.length >= 4) clean = clean?.split(secret).join('[redacted]');
  }
  return clean;
}
