import { SuperOfficeError } from './SuperOfficeError.js';

export interface SuperOfficeApiErrorDetails {
  status: number;
  errorType?: string | undefined;
  errorSource?: string | undefined;
  outcomeUnknown?: boolean;
  /** From a `Retry-After` header (429, 503), in milliseconds. */
  retryAfterMs?: number | undefined;
}

/**
 * The WebAPI (or a proxy in front of it) answered with an error, or with a 200 whose body is
 * not an activity status. `message` is the server's `ErrorMessage` when it sent one.
 */
export class SuperOfficeApiError extends SuperOfficeError {
  override name = 'SuperOfficeApiError';
  /** The HTTP status; 0 when the server answered with a redirect, which is never followed. */
  readonly status: number;
  /** The body's `ErrorType`, e.g. `"SoNotFoundException"`. */
  readonly errorType: string | undefined;
  /** The body's `ErrorSource`. */
  readonly errorSource: string | undefined;
  /** How long the server asked the client to wait (`Retry-After`), in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, details: SuperOfficeApiErrorDetails) {
    super(message, { outcomeUnknown: details.outcomeUnknown ?? false });
    this.status = details.status;
    this.errorType = details.errorType;
    this.errorSource = details.errorSource;
    this.retryAfterMs = details.retryAfterMs;
  }
}
