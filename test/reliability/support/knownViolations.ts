/**
 * Violations the fuzz has found in the library and that are not fixed yet: each still counts,
 * and still fails the run at its end, but a sequence that shows only these plays on, so that one
 * known bug does not hide the figures (or the next bug) behind its first counterexample.
 */
export interface KnownViolation {
  name: string;
  /** What the library does wrong, and the smallest sequence that shows it. */
  why: string;
  matches: RegExp;
}

export const KNOWN_VIOLATIONS: readonly KnownViolation[] = [
  {
    name: 'failed read shown as a refusal',
    why: 'When the reads of a run fail with a definite-looking status (a 500 from a read) and no toggle of the run had an unknown outcome (3 toggles answered away from the intent, or the first read after an unconfirmed outcome), the read\'s own error is shown: "Could not save the change: SuperOffice answered 500 …" (outcomeUnknown false) instead of "could not be confirmed". reachCompleted throws `unknownOutcome ?? failure`.',
    matches: /run ended with error refused, expected unconfirmed$/,
  },
];

/** The known violation `message` is an instance of, if any. */
export function knownViolationOf(message: string): KnownViolation | undefined {
  return KNOWN_VIOLATIONS.find((known) => known.matches.test(message));
}
