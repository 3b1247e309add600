import { type ActivityStatus, isCompleted } from '../../../src/index.js';
import type { ErrorKind, WidgetView } from './FuzzDashboard.js';
import { type ActivityModel, expectedEnd } from './fuzzModel.js';
import { leakedSecrets, type Scheme } from './schemes.js';

type Report = (message: string) => void;

/** What one activity looks like between two steps. */
export interface ActivityObservation {
  /** Every rendered view of it, under any QueryClient. */
  views: WidgetView[];
  mountedViews: number;
  /** The mirrored cache entry of each QueryClient that shows it. */
  cached: (ActivityStatus | undefined)[];
  /** An intent of it is unsettled (its lane says so). */
  pending: boolean;
  server: ActivityStatus | undefined;
  /** Other tabs may be open: when this tab has nothing unsettled, it may show theirs. */
  otherTabs?: boolean;
}

const asked = (completed: boolean | undefined) => (completed ? 'completed' : 'not completed');

/** Checked after every step: what the views of one activity show. */
export function checkViews(activity: ActivityModel, seen: ActivityObservation, report: Report) {
  const id = activity.key;
  const { views } = seen;
  if (views.length !== seen.mountedViews) {
    report(`${id}: ${views.length} views rendered, ${seen.mountedViews} mounted`);
  }
  // Rule 2: every view of one activity, under any QueryClient, shows the same state.
  const [first] = views;
  const statuses = new Set(views.flatMap((shown) => (shown.status ? [shown.status] : [])));
  const disagree = views.some(
    (shown) =>
      shown.completed !== first?.completed ||
      shown.busy !== first.busy ||
      shown.error !== first.error,
  );
  if (disagree || statuses.size > 1) report(`${id}: its views disagree: ${JSON.stringify(views)}`);
  if (first === undefined) return;
  const shownStatus = [...statuses][0];
  for (const cached of seen.cached) {
    if (
      cached !== undefined &&
      (isCompleted(cached) !== first.completed || (shownStatus && cached !== shownStatus))
    ) {
      report(`${id}: the cache holds ${cached}, the views show ${JSON.stringify(first)}`);
    }
  }

  // Rule 12: what other tabs show is judged across tabs, once everything has settled.
  if (!seen.pending && seen.otherTabs) return;
  if (seen.pending) {
    // Rules 1, 3, 8: until the intent settles, every view shows the last click, busy; a report
    // meanwhile is held back.
    if (first.completed !== activity.intent || !first.busy || first.error) {
      report(
        `${id}: while unsettled it shows ${JSON.stringify(first)}, but the last click asked for ${asked(activity.intent)}`,
      );
    }
    return;
  }
  if (first.busy) report(`${id}: busy although nothing is unsettled`);
  if (activity.open > 0) return;
  // Rules 4–6, 8: settled, every view shows the newest of what the server stated and what the
  // views reported, with the last run's error until a click, a report or a logout clears it.
  const expected = activity.lastWord;
  if (
    expected !== undefined &&
    (first.completed !== isCompleted(expected) || (shownStatus && shownStatus !== expected))
  ) {
    report(`${id}: settled on ${JSON.stringify(first)}, but the last word was ${expected}`);
  }
  if (first.error !== activity.expectedError) {
    report(
      `${id}: settled with error ${String(first.error)}, expected ${String(activity.expectedError)}`,
    );
  }
  // Shown without an error, it is the server's state, unless someone else changed it unseen.
  if (!first.error && !activity.shownMayBeStale && first.completed !== isCompleted(seen.server)) {
    report(`${id}: shows ${JSON.stringify(first)} although the server has ${seen.server}`);
  }
}

/**
 * Checked when a run of the lane has just settled: the error shown (`shown`, or `'unseen'` with
 * no view) and where the server ended must follow from what crossed the wire (rules 4–6). With
 * `otherTabs` open, another tab's turn may follow at once, so the server is judged at the end.
 */
export function checkRunEnd(
  activity: ActivityModel,
  server: ActivityStatus | undefined,
  shown: ErrorKind | undefined | 'unseen',
  report: Report,
  otherTabs = false,
  lastIntent?: boolean,
): void {
  const { run } = activity;
  if (!run) return;
  const id = activity.key;
  const end = expectedEnd(run, activity.intent, otherTabs, lastIntent);
  if ('wrong' in end) {
    report(`${id}: ${end.wrong}`);
    return;
  }
  const { allowed } = end;
  if (shown !== 'unseen' && !allowed.includes(shown)) {
    report(
      `${id}: run ended with error ${String(shown)}, expected ${allowed.map(String).join(' or ')}`,
    );
  }
  // Reported once: from here on the views are held to what they showed at the end.
  const error = shown === 'unseen' ? allowed[0] : shown;
  activity.expectedError = error;
  // Whenever it ends without an error, the server is where the user's last click said.
  if (
    error === undefined &&
    !otherTabs &&
    !activity.changedSinceIntent &&
    isCompleted(server) !== activity.intent
  ) {
    report(`${id}: the server has ${server}, the user last asked for ${asked(activity.intent)}`);
  }
}

/** No console output, and no secret in any text shown, logged or thrown. */
export function checkHygiene(
  texts: readonly string[],
  logged: readonly string[],
  scheme: Scheme,
  report: Report,
): void {
  for (const line of logged) report(`console: ${line.slice(0, 300)}`);
  for (const text of [...texts, ...logged]) {
    for (const secret of leakedSecrets(text, scheme.secrets)) {
      report(`a ${scheme.name} secret leaked: …${secret.slice(0, 4)}… in ${text.slice(0, 200)}`);
    }
  }
}
