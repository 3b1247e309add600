/**
 * The status of an appointment, sale or document, as the WebAPI's `ActivityStatus` enum names it.
 * `ToggleActivity` answers with the status *after* the toggle.
 */
export type ActivityStatus = 'Unknown' | 'NotStarted' | 'Started' | 'Completed';

export const ACTIVITY_STATUSES: readonly ActivityStatus[] = [
  'Unknown',
  'NotStarted',
  'Started',
  'Completed',
];

/**
 * A checkbox is checked exactly when the activity's status is `Completed`.
 *
 * @example
 * isCompleted('Completed'); // true
 * isCompleted('Started'); // false
 */
export function isCompleted(status: ActivityStatus | undefined): boolean {
  return status === 'Completed';
}

export function isActivityStatus(value: unknown): value is ActivityStatus {
  return typeof value === 'string' && (ACTIVITY_STATUSES as readonly string[]).includes(value);
}
