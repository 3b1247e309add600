/**
 * The base of every error this library throws, so one `instanceof` check catches them all.
 *
 * `outcomeUnknown` is `true` when the toggle may have been applied on the server even though
 * no status came back (a dropped connection, a timeout, a gateway error): the activity's state
 * is then unconfirmed, and the toggle must not be sent again blindly.
 */
export class SuperOfficeError extends Error {
  override name = 'SuperOfficeError';
  readonly outcomeUnknown: boolean;

  constructor(message: string, options: { outcomeUnknown?: boolean; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.outcomeUnknown = options.outcomeUnknown ?? false;
  }

  /** A JSON form with the public fields only (never `cause`, request headers or credentials). */
  toJSON(): object {
    return { ...this, message: this.message };
  }
}
