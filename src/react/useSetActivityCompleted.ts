'use client';

import { type UseMutationResult, useMutation } from '@tanstack/react-query';
import type { ActivityStatus } from '../client/activityStatus.js';
import type { SuperOfficeError } from '../client/errors/SuperOfficeError.js';
import { activityLanes } from '../core/activityLanes.js';
import {
  ACTIVITY_MUTATION_DEFAULTS,
  SET_ACTIVITY_COMPLETED_MUTATION_KEY,
} from './activityMutations.js';
import { useSuperOfficeContext } from './SuperOfficeContext.js';

export interface SetActivityCompletedVariables {
  /** E.g. `"appointment_id=42"`. */
  activityIdentifier: string;
  /** Where the activity should end: completed or not. */
  completed: boolean;
}

export interface UseSetActivityCompletedOptions {
  onSuccess?: (status: ActivityStatus, variables: SetActivityCompletedVariables) => unknown;
  onError?: (error: SuperOfficeError, variables: SetActivityCompletedVariables) => unknown;
  meta?: Record<string, unknown>;
}

export type UseSetActivityCompletedResult = UseMutationResult<
  ActivityStatus,
  SuperOfficeError,
  SetActivityCompletedVariables
>;

/**
 * A react-query mutation that sets an activity completed or not, through the same lanes as
 * clicks (shown at once, one request at a time, coalesced with clicks). It sends nothing for an
 * activity whose known status already matches; otherwise it toggles and corrects until the
 * server ends there. The "Complete selected" button of a dashboard.
 *
 * @example
 * const setCompleted = useSetActivityCompleted();
 * <button onClick={() => selected.forEach((id) => setCompleted.mutate({ activityIdentifier: id, completed: true }))}>
 *   Complete selected
 * </button>
 */
export function useSetActivityCompleted(
  options: UseSetActivityCompletedOptions = {},
): UseSetActivityCompletedResult {
  const { client, tabs } = useSuperOfficeContext('useSetActivityCompleted');
  const { meta } = options;
  return useMutation<ActivityStatus, SuperOfficeError, SetActivityCompletedVariables>({
    ...ACTIVITY_MUTATION_DEFAULTS,
    mutationKey: SET_ACTIVITY_COMPLETED_MUTATION_KEY,
    mutationFn: ({ activityIdentifier, completed }) =>
      activityLanes.want(client.site, activityIdentifier, completed, { client, ...tabs }),
    ...(meta ? { meta } : {}),
    onSuccess: (status, variables) => options.onSuccess?.(status, variables),
    onError: (error, variables) => options.onError?.(error, variables),
  });
}
