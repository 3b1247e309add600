import type { ActivityKind } from '../client/activityIdentifier.js';
import type { ActivityStatus } from '../client/activityStatus.js';

/**
 * The status an activity has after one `ToggleActivity`, as the WebAPI decides it.
 *
 * Appointments and documents flip between `Completed` and `NotStarted`; a sale is never
 * `NotStarted` to the server (it counts as `Started`), so it flips between `Completed` and
 * `Started`. With the `Functions/ThreeStateStatusCheckbox` preference, appointments cycle
 * `NotStarted` → `Started` → `Completed` → `NotStarted`. Anything `Unknown` becomes `Completed`.
 *
 * @example
 * nextActivityStatus('sale', 'Completed', false); // 'Started'
 * nextActivityStatus('appointment', 'NotStarted', true); // 'Started'
 */
export function nextActivityStatus(
  kind: ActivityKind,
  current: ActivityStatus,
  threeStateAppointments: boolean,
): ActivityStatus {
  if (current === 'Unknown') return 'Completed';
  if (kind === 'sale') return current === 'Completed' ? 'Started' : 'Completed';
  if (kind === 'appointment' && threeStateAppointments) {
    if (current === 'NotStarted') return 'Started';
    if (current === 'Started') return 'Completed';
    return 'NotStarted';
  }
  return current === 'Completed' ? 'NotStarted' : 'Completed';
}
