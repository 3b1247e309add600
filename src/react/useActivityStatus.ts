'use client';

import { skipToken, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { type ActivityStatus, isCompleted } from '../client/activityStatus.js';
import type { SuperOfficeError } from '../client/errors/SuperOfficeError.js';
import { activityStatusQueryKey } from '../core/activityStatusQueryKey.js';
import { activityToggles, notCompletedStatus } from '../core/toggleRules.js';
import { useRequiredQueryClient } from './useRequiredQueryClient.js';

/** What the dashboard knows from the server; `status` wins when both are given. */
export interface KnownActivityStatus {
  status?: ActivityStatus | undefined;
  completed?: boolean | undefined;
}

export interface ActivityStatusResult {
  /** The status shown: the server's last word, or the user's click while a toggle is unsettled. */
  status: ActivityStatus | undefined;
  completed: boolean;
  /** A toggle of this activity is clicked but not yet settled (from any view of it). */
  isPending: boolean;
  /** The outcome of a toggle is being read back from the server (the view stays pending). */
  isChecking: boolean;
  /** Clicked while offline: the intent waits for the connection (the view stays pending). */
  isQueued: boolean;
  /** Why the last toggle failed; cleared by the next click. */
  error: SuperOfficeError | undefined;
}

/**
 * The shared state of one activity, for partners who draw their own switch or button. Every
 * hook and checkbox showing the activity sees the same state, and clicks show at once.
 *
 * @example
 * const { completed, isPending } = useActivityStatus('sale_id=7', { completed: row.completed });
 * const toggle = useToggleActivity();
 * <Switch on={completed} busy={isPending} onClick={() => toggle.mutate({ activityIdentifier: 'sale_id=7' })} />
 */
export function useActivityStatus(
  activityIdentifier: string,
  known: KnownActivityStatus = {},
): ActivityStatusResult {
  const toggles = activityToggles(useRequiredQueryClient('useActivityStatus'));
  const reported = reportedStatus(activityIdentifier, known);

  // Keeps the shared entry alive while shown and seeds it; renders come from the store below,
  // which react-query's batched observers would deliver a task too late for a click.
  useQuery({
    queryKey: activityStatusQueryKey(activityIdentifier),
    queryFn: skipToken,
    initialData: reported,
    staleTime: Number.POSITIVE_INFINITY,
    notifyOnChangeProps: [],
  });

  const previous = useRef({ activityIdentifier, reported });
  useEffect(() => {
    const changed =
      previous.current.activityIdentifier === activityIdentifier &&
      previous.current.reported !== reported;
    previous.current = { activityIdentifier, reported };
    const unseeded = toggles.getState(activityIdentifier).status === undefined;
    if (reported !== undefined && (changed || unseeded))
      toggles.report(activityIdentifier, reported);
  }, [toggles, activityIdentifier, reported]);

  // Stable callbacks: a new subscribe function would resubscribe on every render.
  const subscribe = useCallback(
    (onChange: () => void) => toggles.subscribe(activityIdentifier, onChange),
    [toggles, activityIdentifier],
  );
  const getState = useCallback(
    () => toggles.getState(activityIdentifier),
    [toggles, activityIdentifier],
  );
  const state = useSyncExternalStore(subscribe, getState, getState);
  return {
    status: state.status,
    completed: isCompleted(state.status),
    isPending: state.pending,
    isChecking: false,
    isQueued: false,
    error: state.error,
  };
}

function reportedStatus(
  activityIdentifier: string,
  known: KnownActivityStatus,
): ActivityStatus | undefined {
  if (known.status !== undefined) return known.status;
  if (known.completed === undefined) return undefined;
  return known.completed ? 'Completed' : notCompletedStatus(activityIdentifier);
}
