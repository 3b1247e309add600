import { HTTPError, isKyError, NetworkError, TimeoutError } from 'ky';
import { SuperOfficeApiError } from './errors/SuperOfficeApiError.js';
import { SuperOfficeError } from './errors/SuperOfficeError.js';
import { SuperOfficeNetworkError } from './errors/SuperOfficeNetworkError.js';
import { asWebApiErrorBody } from './responseBody.js';

// A gateway that timed out or failed upstream may have passed the toggle on before it gave up.
const GATEWAY_STATUSES = new Set([502, 504]);

/**
 * Turns whatever a request threw into one of this library's typed errors, scrubbed of the
 * secrets it was sent with. ky's own errors are not kept as `cause`: they hold the request,
 * and with it the Authorization header.
 */
export function toSuperOfficeError(
  error: unknown,
  secrets: readonly string[],
  timeoutMs: number,
): SuperOfficeError {
  if (error instanceof SuperOfficeError) return error;
  if (error instanceof HTTPError) return fromHttpError(error, secrets);
  if (error instanceof TimeoutError) {
    return new SuperOfficeNetworkError(
      `No answer from SuperOffice within ${timeoutMs} ms; the toggle may or may not have been applied.`,
      'timeout',
    );
  }
  if (isAbortError(error)) {
    return new SuperOfficeNetworkError(
      'The request was aborted; the toggle may or may not have been applied.',
      'aborted',
    );
  }
  const cause = error instanceof NetworkError ? error.cause : isKyError(error) ? undefined : error;
  return new SuperOfficeNetworkError(
    'The connection to SuperOffice failed before an answer came back; the toggle may or may not have been applied.',
    'network',
    cause,
  );
}

function fromHttpError(error: HTTPError, secrets: readonly string[]): SuperOfficeApiError {
  const { status, statusText } = error.response;
  const body = asWebApiErrorBody(error.data);
  const outcomeUnknown = GATEWAY_STATUSES.has(status);
  const message = body?.ErrorMessage
    ? scrub(body.ErrorMessage, secrets)
    : `SuperOffice answered ${status}${statusText ? ` ${statusText}` : ''} without a WebAPI error body${
        status >= 500 ? ' (a proxy or gateway may have answered)' : ''
      }.`;
  return new SuperOfficeApiError(message, {
    status,
    errorType: body?.ErrorType,
    errorSource: body?.ErrorSource,
    outcomeUnknown,
  });
}

export function redirectError(status: number): SuperOfficeApiError {
  return new SuperOfficeApiError(
    'SuperOffice answered with a redirect, which is never followed for a toggle (it would resend it, and could carry credentials elsewhere). Check baseUrl.',
    { status, errorType: 'Redirect' },
  );
}

/** Server text may echo what it was sent; never let a credential through into a message. */
export function scrub(text: string, secrets: readonly string[]): string {
  let clean = text;
  for (const secret of secrets) {
    if (secret.length >= 4) clean = clean.split(secret).join('[redacted]');
  }
  return clean;
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
