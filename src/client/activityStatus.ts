import type { ActivityKind } from './activityIdentifier.js';

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
  return (ACTIVITY_STATUSES as readonly unknown[]).includes(value);
}

/**
 * Where an unticked activity rests: a sale is never `NotStarted` to SuperOffice (it counts as
 * `Started`); appointments and documents go back to `NotStarted`.
 *
 * @example
 * notCompletedStatus('sale'); // 'Started'
 */
export function notCompletedStatus(kind: ActivityKind | undefined): ActivityStatus {
  return kind === 'sale' ? 'Started' : 'NotStarted';
}

/** The status the user asked for with a binary intent (ticked or not). */
export function statusFor(completed: boolean, kind: ActivityKind | undefined): ActivityStatus {
  return completed ? 'Completed' : notCompletedStatus(kind);
}
