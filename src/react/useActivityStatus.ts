'use client';

import { useCallback, useRef, useSyncExternalStore } from 'react';
import { activityKindOf } from '../client/activityIdentifier.js';
import { type ActivityStatus, isCompleted, statusFor } from '../client/activityStatus.js';
import type { SuperOfficeClient } from '../client/createSuperOfficeClient.js';
import type { SuperOfficeError } from '../client/errors/SuperOfficeError.js';
import type { ActivityState } from '../core/ActivityLane.js';
import { activityLanes } from '../core/activityLanes.js';
import { activityStatusQueryKey } from '../core/activityStatusQueryKey.js';
import { cacheMirror } from '../core/cacheMirror.js';
import { useSuperOfficeContext } from './SuperOfficeContext.js';
import { useBrowserLayoutEffect } from './useBrowserLayoutEffect.js';
import { useRequiredQueryClient } from './useRequiredQueryClient.js';

/** What the dashboard knows from the server; `status` wins when both are given. */
export interface KnownActivityStatus {
  status?: ActivityStatus | undefined;
  completed?: boolean | undefined;
}

export interface ActivityStatusResult {
  /** The status shown: the server's last word, or the user's intent while it is unsettled. */
  status: ActivityStatus | undefined;
  completed: boolean;
  /** The user's intent is not yet settled (from any view of the activity). */
  isPending: boolean;
  /** The outcome of a toggle is being read back from the server (the view stays pending). */
  isChecking: boolean;
  /** Clicked while offline: the intent waits for the connection (the view stays pending). */
  isQueued: boolean;
  /** Why the last intent failed; cleared by the next click or a newer report. */
  error: SuperOfficeError | undefined;
}

/**
 * The shared state of one activity on the provider's site, for partners who draw their own
 * switch or button. Every hook and checkbox showing the activity, under any QueryClient on the
 * page, sees the same state, and clicks show at once. `known` is what your data says: it counts
 * when the view mounts and when it changes.
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
  const queryClient = useRequiredQueryClient('useActivityStatus');
  const { client } = useSuperOfficeContext('useActivityStatus');
  const { site } = client;
  const reported =
    known.status ??
    (known.completed === undefined
      ? undefined
      : statusFor(known.completed, activityKindOf(activityIdentifier)));

  // One subscription per view; react-query's own observers would notify a task too late.
  const subscribe = useCallback(
    (onChange: () => void) => {
      const lane = activityLanes.lane(site, activityIdentifier);
      const stopMirror = cacheMirror(queryClient).attach(
        lane,
        activityStatusQueryKey(activityIdentifier, site),
      );
      const stop = lane.subscribe(onChange);
      return () => {
        stopMirror();
        stop();
      };
    },
    [queryClient, site, activityIdentifier],
  );
  // What this view shows: the lane's state, or before its first report lands, the report.
  // The same object while nothing visible changes, so a mount's own report is no extra commit.
  const shown = useRef<ActivityState | undefined>(undefined);
  const latestReport = useRef(reported);
  latestReport.current = reported;
  const getState = useCallback(() => {
    const lane = activityLanes.stateOf(site, activityIdentifier);
    const next =
      lane.status === undefined && latestReport.current !== undefined
        ? { ...lane, status: latestReport.current }
        : lane;
    const previous = shown.current;
    if (previous && sameState(previous, next)) return previous;
    shown.current = next;
    return next;
  }, [site, activityIdentifier]);
  const state = useSyncExternalStore(subscribe, getState, getState);
  useReports(site, activityIdentifier, reported, client);

  const { status } = state;
  return {
    status,
    completed: isCompleted(status),
    isPending: state.pending,
    isChecking: state.checking,
    isQueued: state.queued,
    error: state.error,
  };
}

function sameState(a: ActivityState, b: ActivityState): boolean {
  return (
    a.status === b.status &&
    a.pending === b.pending &&
    a.checking === b.checking &&
    a.queued === b.queued &&
    a.error === b.error
  );
}

/** Rule 8: the value counts when the view mounts and when it changes, not on re-renders. */
function useReports(
  site: string,
  activityIdentifier: string,
  reported: ActivityStatus | undefined,
  client: SuperOfficeClient,
): void {
  const view = useRef<object>({}).current;
  const reportedFor = useRef<string | undefined>(undefined);
  const previous = useRef(reported);
  useBrowserLayoutEffect(() => {
    // Declared first: on a new identifier its cleanup runs before the report below.
    return () => {
      reportedFor.current = undefined;
      activityLanes.find(site, activityIdentifier)?.leave(view);
    };
  }, [site, activityIdentifier, view]);
  useBrowserLayoutEffect(() => {
    const key = `${site} ${activityIdentifier}`;
    const mount = reportedFor.current !== key;
    reportedFor.current = key;
    const changed = previous.current !== reported;
    previous.current = reported;
    if (reported !== undefined && (mount || changed)) {
      // rule 8: a report on mount and on change, never on a same-value re-render
      activityLanes.lane(site, activityIdentifier).report(view, reported, mount, client);
    }
  }, [site, activityIdentifier, reported, client, view]);
}
