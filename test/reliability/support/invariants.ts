import { type ActivityStatus, isCompleted } from '../../../src/index.js';
import type { WidgetView } from './FuzzDashboard.js';
import { leakedSecrets, type Scheme } from './schemes.js';
import type { ActivityModel } from './toggleModel.js';

type Report = (message: string) => void;

/** What one activity looks like between two steps. */
export interface ActivityObservation {
  views: WidgetView[];
  /** The shared query-cache entry every view reads. */
  cached: ActivityStatus | undefined;
  /** Some toggle of it is clicked but not yet settled. */
  unsettled: boolean;
  /** Nothing of it is pending, not even a request the client gave up on. */
  settled: boolean;
  server: ActivityStatus | undefined;
}

const asked = (completed: boolean | undefined) => (completed ? 'completed' : 'not completed');

/** Checked after every step: what the views of one activity show. */
export function checkViews(activity: ActivityModel, seen: ActivityObservation, report: Report) {
  const id = activity.activityIdentifier;
  const { views } = seen;
  if (views.length !== activity.mountedWidgets) {
    report(`${id}: ${views.length} views rendered, ${activity.mountedWidgets} mounted`);
  }
  // Invariant 1: every view of one activity shows the same state.
  const [first] = views;
  const statuses = new Set(views.flatMap((shown) => (shown.status ? [shown.status] : [])));
  const disagree = views.some(
    (shown) =>
      shown.completed !== first?.completed ||
      shown.busy !== first.busy ||
      shown.error !== first.error,
  );
  if (disagree || statuses.size > 1) report(`${id}: its views disagree: ${JSON.stringify(views)}`);

  if (seen.unsettled) {
    // Rules 1 and 6: until its toggles settle, every view shows the last click, busy; a
    // dashboard refetch meanwhile is held back.
    const intent = activity.lastIntent;
    if (
      isCompleted(seen.cached) !== intent ||
      views.some((shown) => shown.completed !== intent || !shown.busy)
    ) {
      report(
        `${id}: while unsettled it shows ${String(seen.cached)} ${JSON.stringify(views)}, but the last click asked for ${asked(intent)}`,
      );
    }
    return;
  }
  if (!seen.settled) return;

  // Rules 4–6: once settled, every view shows the last word heard from the server or the
  // dashboard, with an error exactly when the last toggle failed.
  const expected = activity.belief;
  if (seen.cached !== expected) {
    report(`${id}: settled on ${String(seen.cached)}, but the last word heard was ${expected}`);
  }
  for (const shown of views) {
    if (
      shown.completed !== isCompleted(expected) ||
      (shown.status !== undefined && shown.status !== expected) ||
      shown.busy ||
      shown.error !== activity.errorExpected
    ) {
      report(
        `${id}: a settled view shows ${JSON.stringify(shown)}, expected ${expected}${
          activity.errorExpected ? ' with an error' : ''
        }`,
      );
    }
  }
  // Invariant 2: wherever nothing was applied unseen since, that last word is the server's state.
  if (activity.beliefIsFresh && seen.server !== expected) {
    report(`${id}: shows ${expected} although the server has ${String(seen.server)}`);
  }
}

/**
 * Checked once everything has settled: where the server ended and how much was sent. Returns
 * whether the user's last intent could be checked.
 */
export function checkEnd(
  activity: ActivityModel,
  server: ActivityStatus | undefined,
  report: Report,
): boolean {
  const id = activity.activityIdentifier;
  if (activity.lastIntent === undefined && activity.requests > 0) {
    report(`${id}: ${activity.requests} requests without a click`);
  }
  // Invariant 4: a burst sends one request, plus one per request the user clicked during.
  for (const [number, burst] of activity.bursts.entries()) {
    if (burst.sends > 1 + burst.flightsWithClick) {
      report(
        `${id}: burst ${number} sent ${burst.sends} requests with clicks during only ${burst.flightsWithClick} of them`,
      );
    }
  }
  // Invariant 3: without failures, the server ends where the user's last click said (unless
  // that click's widget unmounted before its turn: rule 7 drops it).
  const checkable =
    activity.lastIntent !== undefined && !activity.sawFailure && !activity.lastIntentMayBeDropped;
  if (checkable && isCompleted(server) !== activity.lastIntent) {
    report(
      `${id}: the server has ${String(server)}, the user last asked for ${asked(activity.lastIntent)}`,
    );
  }
  return checkable;
}

/** Invariant 5 and credential hygiene: no console warning, no secret in any text shown or logged. */
export function checkHygiene(
  texts: readonly string[],
  warnings: readonly string[],
  scheme: Scheme,
  report: Report,
): void {
  for (const warning of warnings) report(`console: ${warning.slice(0, 300)}`);
  for (const text of [...texts, ...warnings]) {
    for (const secret of leakedSecrets(text, scheme.secrets)) {
      report(`a ${scheme.name} secret leaked: …${secret.slice(0, 4)}… in ${text.slice(0, 200)}`);
    }
  }
}
