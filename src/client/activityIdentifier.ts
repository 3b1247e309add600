import { InvalidActivityIdentifierError } from './errors/InvalidActivityIdentifierError.js';

/** The kinds of activity `ToggleActivity` accepts. */
export type ActivityKind = 'appointment' | 'sale' | 'document';

/** An identifier as the WebAPI expects it, e.g. `"appointment_id=42"`. */
export type ActivityIdentifier = `${ActivityKind}_id=${number}`;

export interface ParsedActivityIdentifier {
  kind: ActivityKind;
  id: number;
}

const ACTIVITY_KINDS: readonly ActivityKind[] = ['appointment', 'sale', 'document'];
// SuperOffice ids are 32-bit signed integers.
const MAX_ID = 2_147_483_647;
const IDENTIFIER_PATTERN = /^(appointment|sale|document)_id=([1-9][0-9]{0,9})$/;

/**
 * Builds the identifier `ToggleActivity` expects.
 *
 * @example
 * activityIdentifier('appointment', 42); // "appointment_id=42"
 */
export function activityIdentifier(kind: ActivityKind, id: number): ActivityIdentifier {
  if (!ACTIVITY_KINDS.includes(kind)) {
    throw new InvalidActivityIdentifierError(kind, 'it is not an activity kind');
  }
  if (!Number.isInteger(id) || id < 1 || id > MAX_ID) {
    throw new InvalidActivityIdentifierError(id, `the id is not an integer from 1 to ${MAX_ID}`);
  }
  return `${kind}_id=${id}`;
}

/**
 * Parses and validates an identifier such as `"sale_id=7"`; throws
 * {@link InvalidActivityIdentifierError} for anything the WebAPI would not accept.
 *
 * @example
 * parseActivityIdentifier('sale_id=7'); // { kind: 'sale', id: 7 }
 */
export function parseActivityIdentifier(text: unknown): ParsedActivityIdentifier {
  if (typeof text !== 'string') {
    throw new InvalidActivityIdentifierError(text, 'it is not a string');
  }
  const match = IDENTIFIER_PATTERN.exec(text);
  if (!match) {
    throw new InvalidActivityIdentifierError(text, 'it does not have the form <kind>_id=<id>');
  }
  const id = Number(match[2]);
  if (id > MAX_ID) {
    throw new InvalidActivityIdentifierError(text, `the id is larger than ${MAX_ID}`);
  }
  return { kind: match[1] as ActivityKind, id };
}

/**
 * The kind an identifier names, or `undefined` when it is not a valid identifier. The one place
 * that knows how kinds are spelled, for code that must not throw on bad input (views, the core).
 *
 * @example
 * activityKindOf('sale_id=7'); // 'sale'
 */
export function activityKindOf(text: unknown): ActivityKind | undefined {
  return typeof text === 'string'
    ? (IDENTIFIER_PATTERN.exec(text)?.[1] as ActivityKind)
    : undefined;
}
