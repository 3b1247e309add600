import { LANDING_MARGIN_MS } from '../../../src/client/reachCompleted.js';
import { type ActivityKind, type ActivityStatus, isCompleted } from '../../../src/index.js';
import type { ErrorKind } from './FuzzDashboard.js';
import { FUZZ_TIMEOUT_MS } from './fuzzSequence.js';
import type { Exchange, NetworkObserver } from './inProcessNetwork.js';

/** How one request ended, as the contract tells them apart. */
export type RequestOutcome =
  | 'pending'
  | 'stated'
  | 'refused'
  | 'unknown'
  | 'failed'
  /** A 401 answered with renewed credentials: its resend is the same toggle. */
  | 'renewed';

/** One request the library sent for an activity, in the order sent. */
export interface SentRequest {
  endpoint: 'toggle' | 'read';
  outcome: RequestOutcome;
  stated: ActivityStatus | undefined;
  /** The resend of a toggle after its 401 was renewed. */
  resend: boolean;
  /** When it was sent (virtual ms since the epoch). */
  sentAt: number;
}

/**
 * One run of the activity's lane: from a click while nothing was unsettled until nothing is.
 * The budget counts as the contract does: per intent, reset when a toggle is sent for an intent
 * other than the previous toggle's (a read belongs to the intent of the toggle before it).
 */
export interface Run {
  requests: SentRequest[];
  /** `carried`: reads that may have been the previous intent's, of `reads`. */
  budget: { want: boolean; toggles: number; reads: number; carried: number };
  /** Its wait for the activity's turn across tabs ran out (rule 12). */
  lockTimedOut: boolean;
}

/**
 * What the test knows about one activity on one site, from what it did and what crossed the
 * wire; never from the library's internals (except whether its lane is unsettled). The
 * invariants are stated over it.
 */
export class ActivityModel {
  readonly key: string;
  readonly site: number;
  /** The site as the library names it (`siteOf(baseUrl)`). */
  readonly siteName: string;
  readonly activityIdentifier: string;
  readonly kind: ActivityKind;
  clicks = 0;
  /** Intents a closed tab left that this tab took over (rule 13). */
  resumes = 0;
  /** Completed or not, as the user's last click asked (or the intent resumed). */
  intent: boolean | undefined;
  /**
   * The newest of what the server stated to the library (answers, reads) and what the views
   * reported: what a settled lane shows (rules 4–6, 8).
   */
  lastWord: ActivityStatus | undefined;
  /** What is shown may differ from the server without the library knowing (another user). */
  shownMayBeStale = false;
  /** Another user changed the server since the user's last intent was settled. */
  changedSinceIntent = false;
  /** The error a settled lane shows: the last run's, until a click, report or logout. */
  expectedError: ErrorKind | undefined;
  /** The error the tab's own last run ended with, as the library settled it. */
  lastRunError: ErrorKind | undefined;
  /** The lane was unsettled at the last check. */
  wasPending = false;
  runs: Run[] = [];
  toggles = 0;
  reads = 0;
  mountReadBacks = 0;
  awaitingRetry = false;
  /** Requests of this activity the library has open. */
  open = 0;

  constructor(site: number, siteName: string, activityIdentifier: string, kind: ActivityKind) {
    this.key = activityKey(site, activityIdentifier);
    this.site = site;
    this.siteName = siteName;
    this.activityIdentifier = activityIdentifier;
    this.kind = kind;
  }

  get run(): Run | undefined {
    return this.runs.at(-1);
  }
}

export function activityKey(site: number, activityIdentifier: string): string {
  return `${site} ${activityIdentifier}`;
}

/** The lane's state the model may ask for: whether an intent of the activity is unsettled. */
export type IsPending = (activity: ActivityModel) => boolean;

/** What one sequence found, shared by the models of its tabs. */
export interface Journal {
  /** Step index, for messages. */
  step: number;
  readonly violations: string[];
  /** What each request met, for the summary. */
  readonly outcomes: string[];
}

/** Tracks the activities of one tab of a sequence and collects invariant violations. */
export class FuzzModel implements NetworkObserver {
  readonly activities = new Map<string, ActivityModel>();
  /** Activities a view of which mounted during the current step (a read-back may follow). */
  readonly mountedThisStep = new Set<string>();
  readonly #journal: Journal;
  /** Which tab, for messages (empty with one tab). */
  readonly #label: string;
  readonly #renewOn401: boolean;
  readonly #isPending: IsPending;
  readonly #serverStatus: (activity: ActivityModel) => ActivityStatus | undefined;
  readonly #runOf = new WeakMap<Exchange, SentRequest>();

  constructor(
    renewOn401: boolean,
    isPending: IsPending,
    serverStatus: (activity: ActivityModel) => ActivityStatus | undefined,
    journal: Journal,
    label = '',
  ) {
    this.#journal = journal;
    this.#label = label;
    this.#renewOn401 = renewOn401;
    this.#isPending = isPending;
    this.#serverStatus = serverStatus;
  }

  add(activity: ActivityModel): void {
    this.activities.set(activity.key, activity);
  }

  get violations(): string[] {
    return this.#journal.violations;
  }

  violation(message: string): void {
    this.#journal.violations.push(`step ${this.#journal.step}: ${this.#label}${message}`);
  }

  /** The user clicked a view of `activity`, asking for `intent`. */
  clicked(activity: ActivityModel, intent: boolean, startsRun: boolean): void {
    activity.clicks += 1;
    this.#intended(activity, intent, startsRun);
  }

  /** The tab took over an intent a closed tab left (rule 13): like a click, from storage. */
  resumed(activity: ActivityModel, intent: boolean, startsRun: boolean): void {
    activity.resumes += 1;
    this.#intended(activity, intent, startsRun);
  }

  /** The activity's wait for its turn across tabs ran out (rule 12). */
  lockTimedOut(activity: ActivityModel): void {
    if (activity.run) activity.run.lockTimedOut = true;
  }

  #intended(activity: ActivityModel, intent: boolean, startsRun: boolean): void {
    activity.intent = intent;
    activity.changedSinceIntent = false;
    activity.expectedError = undefined;
    if (startsRun) {
      activity.runs.push({
        requests: [],
        budget: { want: intent, toggles: 0, reads: 0, carried: 0 },
        lockTimedOut: false,
      });
    }
  }

  /** A view reported `status` (mount or change): shown at once, or held until settle (rule 8). */
  reported(activity: ActivityModel, status: ActivityStatus): void {
    this.#setLastWord(activity, status, true);
    if (!this.#isPending(activity)) activity.expectedError = undefined;
  }

  /** The QueryClient showing `activity` was cleared: views fall back to their reports (rule 11). */
  cleared(activity: ActivityModel, newestReport: ActivityStatus | undefined): void {
    if (this.#isPending(activity)) return;
    activity.expectedError = undefined;
    if (newestReport !== undefined) this.#setLastWord(activity, newestReport, true);
  }

  /** Another user set the server's status. */
  changedByAnotherUser(activity: ActivityModel): void {
    activity.shownMayBeStale = true;
    if (!this.#isPending(activity)) activity.changedSinceIntent = true;
  }

  onRequest(exchange: Exchange): void {
    const activity = this.#activityOf(exchange);
    if (!activity || exchange.endpoint === 'other') return;
    activity.open += 1;
    const sent: SentRequest = {
      endpoint: exchange.endpoint,
      outcome: 'pending',
      stated: undefined,
      resend: false,
      sentAt: exchange.sentAt,
    };
    this.#runOf.set(exchange, sent);
    const id = activity.key;
    const pending = this.#isPending(activity);
    if (exchange.endpoint === 'toggle') {
      if (activity.awaitingRetry) {
        activity.awaitingRetry = false;
        sent.resend = true;
        activity.run?.requests.push(sent);
        return;
      }
      activity.toggles += 1;
      const { run } = activity;
      if (activity.clicks + activity.resumes === 0) {
        this.violation(`${id}: a toggle nobody clicked for`);
      }
      if (!pending || !run) {
        this.violation(`${id}: a toggle while no intent was unsettled`);
        return;
      }
      if (run.budget.want !== activity.intent) {
        run.budget = { want: activity.intent as boolean, toggles: 0, reads: 0, carried: 0 };
      }
      run.budget.toggles += 1;
      if (run.budget.toggles > 3) {
        this.violation(`${id}: toggle ${run.budget.toggles} for one intent (at most 3)`);
      }
      run.requests.push(sent);
      return;
    }
    activity.reads += 1;
    if (pending && activity.run) {
      const { budget } = activity.run;
      // Before the run's first toggle, its reads are for the intent now (a resumed run reads
      // first); those sent before a click may also be the previous intent's (a read-back under
      // way when it came), so they do not count against the limit.
      if (budget.toggles === 0 && budget.want !== activity.intent) {
        budget.want = activity.intent as boolean;
        budget.carried = budget.reads;
      }
      budget.reads += 1;
      if (budget.reads - budget.carried > 4) {
        this.violation(`${id}: read ${budget.reads - budget.carried} for one intent (at most 4)`);
      }
      activity.run.requests.push(sent);
      return;
    }
    activity.mountReadBacks += 1;
    if (!this.mountedThisStep.has(id)) {
      this.violation(`${id}: a read with no intent unsettled and no view mounting`);
    }
  }

  onOutcome(exchange: Exchange): void {
    const activity = this.#activityOf(exchange);
    const sent = this.#runOf.get(exchange);
    if (!activity || !sent) return;
    activity.open -= 1;
    sent.stated = exchange.stated;
    sent.outcome = this.#classify(exchange, sent);
    this.#journal.outcomes.push(`${exchange.endpoint}:${outcomeName(exchange)}`);
    if (sent.outcome === 'renewed') activity.awaitingRetry = true;
    if (exchange.stated !== undefined) this.#setLastWord(activity, exchange.stated, false);
  }

  #classify(exchange: Exchange, sent: SentRequest): RequestOutcome {
    const { outcome } = exchange;
    if (exchange.stated !== undefined) return 'stated';
    if (exchange.endpoint === 'read') return 'failed';
    if (outcome.kind !== 'response') return 'unknown';
    const { status } = outcome;
    // Only the first 401 of a toggle is renewed; its resend's answer is the toggle's.
    if (status === 401 && this.#renewOn401 && !sent.resend) return 'renewed';
    if (status === 200 || status === 502 || status === 503 || status === 504) return 'unknown';
    return 'refused';
  }

  #setLastWord(activity: ActivityModel, status: ActivityStatus, report: boolean): void {
    activity.lastWord = status;
    const server = this.#serverStatus(activity);
    activity.shownMayBeStale = report && isCompleted(status) !== isCompleted(server);
  }

  #activityOf(exchange: Exchange): ActivityModel | undefined {
    const key = activityKey(exchange.site, exchange.activityIdentifier ?? '');
    const activity = this.activities.get(key);
    if (!activity) this.violation(`a request for an unknown activity ${key}`);
    return activity;
  }
}

function outcomeName({ outcome }: Exchange): string {
  switch (outcome.kind) {
    case 'response':
      return `http${outcome.status}`;
    default:
      return outcome.kind;
  }
}

/**
 * The errors a run that just ended may show, judged from the wire alone (rules 4–6), or why the
 * run should not have ended where it did.
 */
export function expectedEnd(
  run: Run,
  intent: boolean | undefined,
  otherTabs: boolean,
  /** The last click in any tab: a run whose turn came after it was carried out ends there (rule 3). */
  lastIntent?: boolean,
): { allowed: (ErrorKind | undefined)[] } | { wrong: string } {
  const sent = run.requests.filter((request) => request.outcome !== 'renewed');
  const last = sent.at(-1);
  if (!last) {
    // rule 12: no turn within the bound is "could not be confirmed"; what another tab heard in
    // its turn may already be the intent.
    const allowed = [
      ...(run.lockTimedOut ? (['unconfirmed'] as const) : []),
      ...(otherTabs ? [undefined] : []),
    ];
    return allowed.length > 0 ? { allowed } : { wrong: 'a run ended without sending anything' };
  }
  if (last.outcome === 'pending') return { wrong: 'a run ended with its last request open' };
  // Rule 5: reads that keep failing leave the outcome unconfirmed.
  if (last.endpoint === 'read' && last.outcome === 'failed') return { allowed: ['unconfirmed'] };
  if (last.outcome === 'refused') return { allowed: ['refused'] };
  const reached = (wanted: boolean | undefined) => isCompleted(last.stated) === wanted;
  const { toggles, reads } = run.budget;
  // An unknown toggle may still land: without a read left, the outcome stays unconfirmed.
  const unknownUnread =
    sent.filter((request) => request.endpoint === 'toggle').at(-1)?.outcome === 'unknown' &&
    reads >= 4;
  // Rule 4: away from the intent only once the corrections are spent.
  const givenUp: ErrorKind[] = [
    ...new Set<ErrorKind>([
      ...(unknownUnread ? (['unconfirmed'] as const) : []),
      ...(toggles >= 3 && (last.outcome === 'stated' || unknownUnread)
        ? (['changedElsewhere'] as const)
        : []),
    ]),
  ];
  if (last.outcome === 'stated' && (reached(intent) || (otherTabs && reached(lastIntent)))) {
    // Rule 5: a read sent while the last, unknown toggle could still land proves nothing yet; with
    // no read left after that, the outcome stays unconfirmed.
    const lastToggle = sent.filter((request) => request.endpoint === 'toggle').at(-1);
    const early =
      last.endpoint === 'read' &&
      lastToggle?.outcome === 'unknown' &&
      last.sentAt < lastToggle.sentAt + FUZZ_TIMEOUT_MS + LANDING_MARGIN_MS;
    // Where a later click in another tab asked, the server may end while this run, which cannot
    // know of that click while it waits for the turn, gives its own intent up.
    const ownGivenUp = reached(intent) ? [] : givenUp;
    return { allowed: [undefined, ...(early ? (['unconfirmed'] as const) : []), ...ownGivenUp] };
  }
  if (givenUp.length > 0) return { allowed: givenUp };
  return {
    wrong: `gave up after ${toggles} toggles and ${reads} reads for the intent, the last request ${last.endpoint} ${last.outcome} ${String(last.stated)}`,
  };
}
