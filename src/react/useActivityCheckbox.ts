'use client';

import { useRef } from 'react';
import { activityKindOf } from '../client/activityIdentifier.js';
import type { ActivityStatus } from '../client/activityStatus.js';
import { isCompleted } from '../client/activityStatus.js';
import type { SuperOfficeError } from '../client/errors/SuperOfficeError.js';
import { activityLanes } from '../core/activityLanes.js';
import { runAsToggleMutation } from './activityMutations.js';
import { useSuperOfficeContext } from './SuperOfficeContext.js';
import { type KnownActivityStatus, useActivityStatus } from './useActivityStatus.js';
import { useRequiredQueryClient } from './useRequiredQueryClient.js';

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

/**
 * The checkbox's binding to the activity's shared state (internal: the UI's only way in). Its
 * clicks run as mutations without an observer: the checkbox renders on what it shows, not on
 * react-query's bookkeeping.
 */
export function useActivityCheckbox(
  activityIdentifier: string,
  known: KnownActivityStatus,
  { converge, onCompletedChange, onError }: ActivityCheckboxOptions,
): ActivityCheckbox {
  const queryClient = useRequiredQueryClient('ActivityCompleteCheckbox');
  const { client, tabs } = useSuperOfficeContext('ActivityCompleteCheckbox');
  const { status, isPending, isChecking, isQueued, error } = useActivityStatus(
    activityIdentifier,
    known,
  );
  // Every click of a burst settles with one outcome; the partner hears of it once.
  const heard = useRef<Promise<ActivityStatus> | undefined>(undefined);
  const callbacks = useRef({ onCompletedChange, onError });
  callbacks.current = { onCompletedChange, onError };
  return {
    status,
    checked: isCompleted(status),
    indeterminate: status === 'Started' && activityKindOf(activityIdentifier) === 'appointment',
    isPending,
    isChecking,
    isQueued,
    error,
    toggle: () => {
      // rule 9: the lane carries the click out whether or not this checkbox is still there.
      const settled = activityLanes.want(client.site, activityIdentifier, 'flip', {
        client,
        converge,
        ...tabs,
      });
      const once = (report: () => void) => {
        if (heard.current === settled) return;
        heard.current = settled;
        report();
      };
      runAsToggleMutation(queryClient, { activityIdentifier }, settled).then(
        (confirmed) =>
          once(() => callbacks.current.onCompletedChange?.(isCompleted(confirmed), confirmed)),
        (failure: SuperOfficeError) => once(() => callbacks.current.onError?.(failure)),
      );
    },
  };
}
