'use client';

import type { ActivityStatus } from '../client/activityStatus.js';
import { isCompleted } from '../client/activityStatus.js';
import type { SuperOfficeError } from '../client/errors/SuperOfficeError.js';
import { type KnownActivityStatus, useActivityStatus } from './useActivityStatus.js';
import { useToggleActivity } from './useToggleActivity.js';

export interface ActivityCheckboxOptions {
  /**
   * `true` (default): the server ends where the last click said, with corrective toggles when it
   * answers otherwise. `false`: the toggle's answer is final (a three-state appointment's cycle).
   */
  converge?: boolean | undefined;
  /** Called when the server has confirmed the state this checkbox's clicks asked for. */
  onCompletedChange?: ((completed: boolean, status: ActivityStatus) => void) | undefined;
  /** Called once per failed toggle started from this checkbox. */
  onError?: ((error: SuperOfficeError) => void) | undefined;
}

/** Everything a checkbox draws, and the one thing it does. */
export interface ActivityCheckbox {
  status: ActivityStatus | undefined;
  checked: boolean;
  /** Only a three-state appointment can rest half-way; a `Started` sale is simply not completed. */
  indeterminate: boolean;
  isPending: boolean;
  /** The outcome of a toggle is being read back from the server. */
  isChecking: boolean;
  /** Clicked while offline: waits for the connection. */
  isQueued: boolean;
  error: SuperOfficeError | undefined;
  toggle(): void;
}

/** The checkbox's binding to the activity's shared state (internal: the UI's only way in). */
export function useActivityCheckbox(
  activityIdentifier: string,
  known: KnownActivityStatus,
  { onCompletedChange, onError }: ActivityCheckboxOptions,
): ActivityCheckbox {
  const { status, isPending, isChecking, isQueued, error } = useActivityStatus(
    activityIdentifier,
    known,
  );
  const mutation = useToggleActivity();
  return {
    status,
    checked: isCompleted(status),
    indeterminate: status === 'Started' && /^appointment_id=/.test(activityIdentifier),
    isPending,
    isChecking,
    isQueued,
    error,
    toggle: () =>
      mutation.mutate(
        { activityIdentifier },
        {
          onSuccess: (confirmed) => onCompletedChange?.(isCompleted(confirmed), confirmed),
          onError: (failure) => onError?.(failure),
        },
      ),
  };
}
