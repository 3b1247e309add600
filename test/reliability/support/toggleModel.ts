import type { ActivityStatus } from '../../../src/index.js';
import type { Exchange, NetworkObserver } from './inProcessNetwork.js';

/** How a request ended, as the fuzz summary counts them. */
export type OutcomeKind =
  | 'ok'
  | 'http401Renewed'
  | `http${number}`
  | 'unexpected200'
  | 'droppedBeforeApply'
  | 'droppedAfterApply'
  | 'timedOut';

interface Flight {
  burst: Burst;
  clicked: boolean;
  /** A 401 was answered and `onUnauthorized` renews: one more request belongs to this toggle. */
  awaitingRetry: boolean;
  retried: boolean;
}

interface Burst {
  /** Requests that were a toggle's own turn (a 401's renewed retry is not counted again). */
  sends: number;
  /** Requests during whose flight the user clicked this activity again. */
  flightsWithClick: number;
}

/**
 * What the test knows about one activity, from what it did and what crossed the wire; never
 * from the library's internals. The invariants are stated over it.
 */
export class ActivityModel {
  readonly activityIdentifier: string;
  /** What the dashboard's data says (its last refetch); the widgets' props. */
  known: ActivityStatus;
  mountedWidgets = 0;
  /**
   * The latest status the client heard, from a 200 answer or an effective dashboard report.
   * Rules 4–6 say that once settled, every view shows exactly this.
   */
  belief: ActivityStatus;
  /** No toggle was applied on the server since the belief was heard, so it is the truth. */
  beliefIsFresh = true;
  /** The last toggle failed and no click has cleared it since: every view shows an error. */
  errorExpected = false;
  /** Some request of this activity failed (its toggle's intent may rightly be lost). */
  sawFailure = false;
  /** Completed or not, as shown right after the user's last click. */
  lastIntent: boolean | undefined;
  lastClickWidget: string | undefined;
  /** The last click's widget unmounted before the click settled (rule 7 may drop it). */
  lastIntentMayBeDropped = false;
  /** Every view is gone: no new request may start for this activity (rule 7). */
  orphaned = false;
  flight: Flight | undefined;
  bursts: Burst[] = [];
  requests = 0;

  constructor(activityIdentifier: string, initial: ActivityStatus) {
    this.activityIdentifier = activityIdentifier;
    this.known = initial;
    this.belief = initial;
  }

  get currentBurst(): Burst | undefined {
    return this.bursts.at(-1);
  }
}

/** Tracks the activities of one sequence and collects invariant violations. */
export class ToggleModel implements NetworkObserver {
  readonly activities = new Map<string, ActivityModel>();
  readonly violations: string[] = [];
  readonly outcomes: OutcomeKind[] = [];
  readonly #renewOn401: boolean;
  /** Step index, for messages. */
  step = -1;

  constructor(renewOn401: boolean) {
    this.#renewOn401 = renewOn401;
  }

  add(activity: ActivityModel): void {
    this.activities.set(activity.activityIdentifier, activity);
  }

  violation(message: string): void {
    this.violations.push(`step ${this.step}: ${message}`);
  }

  /** The user clicks a view of `activity`; `startsBurst` when no toggle of it was unsettled. */
  clicked(activity: ActivityModel, widget: string, startsBurst: boolean): void {
    if (startsBurst || activity.currentBurst === undefined) {
      activity.bursts.push({ sends: 0, flightsWithClick: 0 });
    }
    const { flight } = activity;
    if (flight && !flight.clicked) {
      flight.clicked = true;
      flight.burst.flightsWithClick += 1;
    }
    activity.errorExpected = false;
    activity.lastClickWidget = widget;
    activity.lastIntentMayBeDropped = false;
  }

  /** The dashboard refetched `status`; the views report it only if it changed (rule 6). */
  refetched(activity: ActivityModel, status: ActivityStatus): void {
    if (status !== activity.known && activity.mountedWidgets > 0) {
      activity.belief = status;
      activity.beliefIsFresh = true;
    }
    activity.known = status;
  }

  onRequest(exchange: Exchange): void {
    const activity = this.#activityOf(exchange);
    if (!activity) return;
    activity.requests += 1;
    const { flight } = activity;
    if (flight?.awaitingRetry) {
      flight.awaitingRetry = false;
      flight.retried = true;
      return;
    }
    if (flight) {
      this.violation(`${activity.activityIdentifier}: a second request while one is in flight`);
    }
    if (activity.orphaned) {
      this.violation(`${activity.activityIdentifier}: a request after every view unmounted`);
    }
    const burst = activity.currentBurst;
    if (!burst) {
      this.violation(`${activity.activityIdentifier}: a request nobody clicked for`);
      return;
    }
    burst.sends += 1;
    activity.flight = { burst, clicked: false, awaitingRetry: false, retried: false };
  }

  onOutcome(exchange: Exchange): void {
    const activity = this.#activityOf(exchange);
    if (!activity) return;
    const { flight } = activity;
    const { outcome } = exchange;
    const answered = outcome.kind === 'response' ? statusIn(outcome) : undefined;
    if (answered !== undefined) {
      this.outcomes.push('ok');
      activity.belief = answered;
      activity.beliefIsFresh = true;
    } else if (
      outcome.kind === 'response' &&
      outcome.status === 401 &&
      this.#renewOn401 &&
      flight &&
      !flight.retried
    ) {
      this.outcomes.push('http401Renewed');
      flight.awaitingRetry = true;
      return;
    } else {
      this.outcomes.push(outcomeKind(exchange));
      activity.sawFailure = true;
      activity.errorExpected = true;
      if (exchange.applied) activity.beliefIsFresh = false;
    }
    activity.flight = undefined;
  }

  #activityOf(exchange: Exchange): ActivityModel | undefined {
    const activity = this.activities.get(exchange.activityIdentifier ?? '');
    if (!activity)
      this.violation(`a request for an unknown activity ${exchange.activityIdentifier}`);
    return activity;
  }
}

function statusIn(outcome: { status: number; body: string }): ActivityStatus | undefined {
  if (outcome.status !== 200) return undefined;
  try {
    const value: unknown = JSON.parse(outcome.body);
    return ['Unknown', 'NotStarted', 'Started', 'Completed'].includes(value as string)
      ? (value as ActivityStatus)
      : undefined;
  } catch {
    return undefined;
  }
}

function outcomeKind({ outcome, applied }: Exchange): OutcomeKind {
  switch (outcome.kind) {
    case 'response':
      return outcome.status === 200 ? 'unexpected200' : `http${outcome.status}`;
    case 'dropped':
      return applied ? 'droppedAfterApply' : 'droppedBeforeApply';
    default:
      return 'timedOut';
  }
}
