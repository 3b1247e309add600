'use client';

import { type UseMutationResult, useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ActivityStatus } from '../client/activityStatus.js';
import type { SuperOfficeError } from '../client/errors/SuperOfficeError.js';
import { activityLanes } from '../core/activityLanes.js';
import {
  ACTIVITY_MUTATION_DEFAULTS,
  oncePerFailure,
  TOGGLE_ACTIVITY_MUTATION_KEY,
} from './activityMutations.js';
import { useSuperOfficeContext } from './SuperOfficeContext.js';

export interface ToggleActivityVariables {
  /** E.g. `"appointment_id=42"`. */
  activityIdentifier: string;
  /** Passed through as `$select`. */
  select?: string | undefined;
}

export interface UseToggleActivityOptions {
  /** `false`: the toggle's answer is final (e.g. a three-state cycle). Default `true`. */
  converge?: boolean | undefined;
  onSuccess?: (status: ActivityStatus, variables: ToggleActivityVariables) => unknown;
  /** Once per failure, however many clicks it ended. */
  onError?: (error: SuperOfficeError, variables: ToggleActivityVariables) => unknown;
  onSettled?: (
    status: ActivityStatus | undefined,
    error: SuperOfficeError | null,
    variables: ToggleActivityVariables,
  ) => unknown;
  meta?: Record<string, unknown>;
}

export type UseToggleActivityResult = UseMutationResult<
  ActivityStatus,
  SuperOfficeError,
  ToggleActivityVariables
>;

/**
 * A react-query mutation that flips an activity from what the user sees, under the library's
 * rules: shown at once, one request at a time per activity, corrected until the server ends
 * where the last click said, unknown outcomes read back, never retried blindly. One instance
 * can serve a whole list.
 *
 * @example
 * const toggle = useToggleActivity({ onError: (error) => toast(error.message) });
 * <button onClick={() => toggle.mutate({ activityIdentifier: 'sale_id=7' })}>Done</button>
 */
export function useToggleActivity(options: UseToggleActivityOptions = {}): UseToggleActivityResult {
  const { client, tabs } = useSuperOfficeContext('useToggleActivity');
  // Separate memories: onError must not use up onSettled's first sight of a failure.
  const [firstError] = useState(oncePerFailure);
  const [firstSettled] = useState(oncePerFailure);
  const { meta, converge } = options;
  return useMutation<ActivityStatus, SuperOfficeError, ToggleActivityVariables>({
    ...ACTIVITY_MUTATION_DEFAULTS,
    mutationKey: TOGGLE_ACTIVITY_MUTATION_KEY,
    // rule 9: the lane carries the click out whether or not this component is still there.
    mutationFn: ({ activityIdentifier, select }) =>
      activityLanes.want(client.site, activityIdentifier, 'flip', {
        client,
        select,
        converge,
        ...tabs,
      }),
    ...(meta ? { meta } : {}),
    // Partners' callbacks get the documented arguments only, not react-query's internals.
    onSuccess: (status, variables) => options.onSuccess?.(status, variables),
    onError: (error, variables) => {
      if (firstError(error)) return options.onError?.(error, variables);
    },
    onSettled: (status, error, variables) => {
      if (!error || firstSettled(error)) return options.onSettled?.(status, error, variables);
    },
  });
}
