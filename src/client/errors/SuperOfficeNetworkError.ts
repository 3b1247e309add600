import { SuperOfficeError } from './SuperOfficeError.js';

/** Why no answer came back. */
export type NetworkFailureReason = 'network' | 'timeout' | 'aborted';

/**
 * No answer came back: the connection failed or dropped, the request timed out, or it was
 * aborted. The request may have reached the server, so `outcomeUnknown` is `true`.
 */
export class SuperOfficeNetworkError extends SuperOfficeError {
  override name = 'SuperOfficeNetworkError';
  readonly reason: NetworkFailureReason;

  constructor(message: string, reason: NetworkFailureReason, cause?: unknown) {
    super(message, { outcomeUnknown: true, cause });
    this.reason = reason;
  }
}
