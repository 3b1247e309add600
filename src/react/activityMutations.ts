'use client';

import type { QueryClient } from '@tanstack/react-query';
import type { ActivityStatus } from '../client/activityStatus.js';
import type { SuperOfficeError } from '../client/errors/SuperOfficeError.js';

/** The mutation key of every toggle, from the checkbox or {@link useToggleActivity}. */
export const TOGGLE_ACTIVITY_MUTATION_KEY = ['superoffice', 'toggleActivity'] as const;
/** The mutation key of every {@link useSetActivityCompleted} call. */
export const SET_ACTIVITY_COMPLETED_MUTATION_KEY = ['superoffice', 'setActivityCompleted'] as const;

/**
 * What every activity mutation shares: the lane carries the request, so react-query must never
 * pause or retry it (a paused or retried toggle would flip again later), and a finished one is
 * not kept (its result lives in the activity's state; keeping each would grow the heap).
 */
export const ACTIVITY_MUTATION_DEFAULTS = {
  retry: false,
  networkMode: 'always',
  gcTime: 0,
} as const;

const OBSERVERLESS_GC_MS = 250;

/**
 * Runs a want already handed to its lane as a mutation in the cache, without an observer, so
 * `useIsMutating` and the mutation cache's callbacks see every click at no render cost.
 */
export function runAsToggleMutation(
  queryClient: QueryClient,
  variables: { activityIdentifier: string },
  settled: Promise<ActivityStatus>,
): Promise<ActivityStatus> {
  return queryClient
    .getMutationCache()
    .build<ActivityStatus, SuperOfficeError, { activityIdentifier: string }, unknown>(queryClient, {
      ...ACTIVITY_MUTATION_DEFAULTS,
      // Without an observer, react-query checks a pending mutation every gcTime: not every tick.
      gcTime: OBSERVERLESS_GC_MS,
      mutationKey: TOGGLE_ACTIVITY_MUTATION_KEY,
      mutationFn: () => settled,
    })
    .execute(variables);
}

/** Partners' callbacks fire once per failure, not once per click the failure ended. */
export function oncePerFailure(): (error: unknown) => boolean {
  const seen = new WeakSet<object>();
  return (error) => {
    if (typeof error !== 'object' || error === null) return true;
    if (seen.has(error)) return false;
    seen.add(error);
    return true;
  };
}
