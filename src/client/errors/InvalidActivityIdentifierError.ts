import { SuperOfficeError } from './SuperOfficeError.js';

const ACCEPTED_FORMS = '"appointment_id=<id>", "sale_id=<id>" or "document_id=<id>"';
const MAX_ECHO = 40;

/** Thrown before anything is sent, when an activity identifier is not one the WebAPI accepts. */
export class InvalidActivityIdentifierError extends SuperOfficeError {
  override name = 'InvalidActivityIdentifierError';
  /** The rejected value, as given. */
  readonly value: unknown;

  constructor(value: unknown, reason: string) {
    super(
      `Invalid activity identifier ${echo(value)}: ${reason}. Use ${ACCEPTED_FORMS}, where <id> is a positive integer.`,
    );
    this.value = value;
  }
}

// Echo enough of the bad value to recognise it, never a 10,000-character wall.
function echo(value: unknown): string {
  if (typeof value !== 'string') return `(${value === null ? 'null' : typeof value})`;
  const shown = value.length > MAX_ECHO ? `${value.slice(0, MAX_ECHO)}…` : value;
  return JSON.stringify(shown);
}
