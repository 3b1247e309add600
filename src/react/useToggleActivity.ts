'use client';

import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { ActivityStatus } from '../client/activityStatus.js';
import type { SuperOfficeError } from '../client/errors/SuperOfficeError.js';
import { activityToggles } from '../core/toggleRules.js';
import { useSuperOfficeClient } from './useSuperOfficeClient.js';

export interface ToggleActivityVariables {
  /** E.g. `"appointment_id=42"`. */
  activityIdentifier: string;
  /** Passed through as `$select`. */
  select?: string | undefined;
}

export interface UseToggleActivityOptions {
  onSuccess?: (status: ActivityStatus, variables: ToggleActivityVariables) => unknown;
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

export const TOGGLE_ACTIVITY_MUTATION_KEY = ['superoffice', 'toggleActivity'] as const;

/**
 * A react-query mutation that toggles an activity under the library's rules: optimistic, one
 * toggle at a time per activity, superseded clicks never sent, never retried. One instance can
 * serve a whole list.
 *
 * @example
 * const toggle = useToggleActivity({ onError: (error) => toast(error.message) });
 * <button onClick={() => toggle.mutate({ activityIdentifier: 'sale_id=7' })}>Done</button>
 */
export function useToggleActivity(options: UseToggleActivityOptions = {}): UseToggleActivityResult {
  const client = useSuperOfficeClient();
  const toggles = activityToggles(useQueryClient());
  // False once the component has unmounted (true again if StrictMode remounts it): rule 7.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const { meta } = options;
  return useMutation<ActivityStatus, SuperOfficeError, ToggleActivityVariables>({
    mutationKey: TOGGLE_ACTIVITY_MUTATION_KEY,
    mutationFn: ({ activityIdentifier, select }) =>
      toggles.toggle(
        activityIdentifier,
        () => client.toggleActivity(activityIdentifier, { select }),
        () => mounted.current,
      ),
    // The toggle is not idempotent: a paused or retried mutation would flip it again later.
    retry: false,
    networkMode: 'always',
    // The result lives in the activity's cache entry; keeping every finished toggle for five
    // minutes would grow the heap with each click.
    gcTime: 0,
    ...(meta ? { meta } : {}),
    // Partners' callbacks get the documented arguments only, not react-query's internals.
    onSuccess: (status, variables) => options.onSuccess?.(status, variables),
    onError: (error, variables) => options.onError?.(error, variables),
    onSettled: (status, error, variables) => options.onSettled?.(status, error, variables),
  });
}
