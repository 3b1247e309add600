import { activityKindOf } from '../client/activityIdentifier.js';
import { type ActivityStatus, isCompleted, statusFor } from '../client/activityStatus.js';
import { reachCompleted } from '../client/convergence.js';
import type { SuperOfficeClient } from '../client/createSuperOfficeClient.js';
import { ActivityChangedElsewhereError } from '../client/errors/ActivityChangedElsewhereError.js';
import { SuperOfficeError } from '../client/errors/SuperOfficeError.js';

/** What every checkbox and hook of one activity shows. */
export interface ActivityState {
  /** The status shown: the server's last word, or the user's intent while it is unsettled. */
  status: ActivityStatus | undefined;
  /** The user's intent is not yet settled (sent, queued or being read back). */
  pending: boolean;
  /** An unknown outcome is being read back. */
  checking: boolean;
  /** Why the last intent failed; cleared by a click or a newer report. */
  error: SuperOfficeError | undefined;
}

/** How one want of the user is carried out. */
export interface Want {
  /** The site's client, as it was when the user asked (rule 10). */
  client: SuperOfficeClient;
  /** Passed through to the toggle as `$select`. */
  select?: string | undefined;
  /** `false`: the toggle's answer is final (rule 4). */
  converge?: boolean | undefined;
}

const IDLE: ActivityState = {
  status: undefined,
  pending: false,
  checking: false,
  error: undefined,
};

/**
 * One activity on one site, shared by every view on the page: its shown state, the user's
 * intent and the one run that carries it out. The rules are stated in `activityLanes.ts`.
 */
export class ActivityLane {
  readonly site: string;
  readonly activityIdentifier: string;
  #state: ActivityState = IDLE;
  /** What the server last stated (an answer or a read): this library's own evidence. */
  #confirmed: ActivityStatus | undefined;
  /** After an unconfirmed outcome: the next run reads before it toggles (rule 5). */
  #stale = false;
  #intent = false;
  #want: Want | undefined;
  /** The run's outcome, shared by every want it carries out. */
  #outcome: Outcome | undefined;
  /** A report held back while the intent is unsettled, and whether the server spoke after it. */
  #held: { status: ActivityStatus; answeredSince: boolean } | undefined;
  /** Each view's current report, newest last: what the views fall back to (rule 11). */
  readonly #reports = new Map<object, ActivityStatus>();
  readonly #listeners = new Set<() => void>();
  /** Called when the lane has no views and nothing unsettled, so the registry can drop it. */
  readonly #onIdle: (lane: ActivityLane) => void;

  constructor(
    site: string,
    activityIdentifier: string,
    confirmed: ActivityStatus | undefined,
    onIdle: (lane: ActivityLane) => void,
  ) {
    this.site = site;
    this.activityIdentifier = activityIdentifier;
    this.#confirmed = confirmed;
    this.#onIdle = onIdle;
  }

  /** What the server last stated to this library, kept by the registry when the lane goes. */
  get confirmed(): ActivityStatus | undefined {
    return this.#confirmed;
  }

  get state(): ActivityState {
    return this.#state;
  }

  /**
   * The user wants the activity completed (or not): shown at once, carried out by the lane's one
   * run, and settled with the status the server ends at. Every want waiting on a run settles
   * together, with the same status or the same error.
   */
  want(completed: boolean, how: Want): Promise<ActivityStatus> {
    const shownBefore = this.#state.status;
    this.#intent = completed; // rule 3
    this.#want = how;
    this.#update({
      status: statusFor(completed, activityKindOf(this.activityIdentifier)), // rule 1
      pending: true,
      error: undefined,
    });
    if (!this.#outcome) {
      this.#outcome = newOutcome();
      void this.#carryOut(shownBefore ?? this.#confirmed); // rules 2, 7: one run per lane
    }
    return this.#outcome.promise;
  }

  /** Shows why a want was refused before anything was sent, on every view of the activity. */
  refuse(error: SuperOfficeError): Promise<never> {
    this.#update({ error });
    this.#idleCheck();
    return Promise.reject(error);
  }

  /** The intent a click on the shown state asks for. */
  get clickIntent(): boolean {
    return !isCompleted(this.#state.status);
  }

  /**
   * The dashboard's report of the server's status (rule 8): shown at once when nothing is
   * unsettled, held otherwise. A view's first report that disagrees with the library's own
   * evidence is read back with `client`, without a toggle.
   */
  report(view: object, status: ActivityStatus, mount: boolean, client?: SuperOfficeClient): void {
    this.#reports.delete(view);
    this.#reports.set(view, status);
    if (this.#outcome) {
      this.#held = { status, answeredSince: false };
      return;
    }
    const disagrees =
      mount &&
      this.#confirmed !== undefined &&
      isCompleted(this.#confirmed) !== isCompleted(status);
    this.#update({ status, error: undefined });
    if (disagrees && client) this.#verify(client);
  }

  /** A view went away: its report no longer counts. */
  leave(view: object): void {
    this.#reports.delete(view);
  }

  /**
   * The dashboard cleared its cache (a logout, a reset): forget what was shown and confirmed,
   * and fall back to the views' reports (rule 11). An unsettled intent is still carried out.
   */
  forget(): void {
    if (this.#outcome) return;
    this.#confirmed = undefined;
    this.#stale = false;
    this.#update({ status: [...this.#reports.values()].pop(), error: undefined });
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
      this.#idleCheck();
    };
  }

  get isIdle(): boolean {
    return this.#outcome === undefined && this.#listeners.size === 0;
  }

  /** Carries out the intent, and every intent clicked meanwhile, from what was shown `before`. */
  async #carryOut(before: ActivityStatus | undefined): Promise<void> {
    const how = () => this.#want as Want;
    let evidence: ActivityStatus | undefined;
    try {
      let status = this.#stale ? undefined : before;
      do {
        status = await reachCompleted({
          activityIdentifier: this.activityIdentifier,
          wanted: () => this.#intent,
          toggle: () =>
            how().client.toggleActivity(this.activityIdentifier, { select: how().select }),
          read: () => how().client.getActivityStatus(this.activityIdentifier),
          known: status,
          mayStillApplyMs: how().client.timeout,
          converge: how().converge,
          onEvidence: (stated) => {
            evidence = stated;
            this.#testify(stated);
          },
          onChecking: (checking) => this.#update({ checking }),
        });
        // A click may land between the last answer and this line: carry it out too.
      } while (isCompleted(status) !== this.#intent && how().converge !== false);
      this.#settle(this.#heldIfNewer() ?? status, undefined, status);
    } catch (error) {
      const failure = asSuperOfficeError(error);
      if (failure instanceof ActivityChangedElsewhereError) {
        this.#settle(failure.status, failure); // rule 4
        return;
      }
      if (failure.outcomeUnknown) this.#stale = true; // rule 5
      // Roll back to the server's last word: this run's, else what was shown before the click.
      this.#settle(this.#heldIfNewer() ?? evidence ?? before, failure); // rules 5, 6
    }
  }

  #settle(status: ActivityStatus | undefined, error?: SuperOfficeError, answer?: ActivityStatus) {
    const outcome = this.#outcome;
    this.#outcome = undefined;
    this.#held = undefined;
    this.#update({ status, pending: false, checking: false, error });
    if (error) outcome?.reject(error);
    else outcome?.resolve(answer as ActivityStatus);
    this.#idleCheck();
  }

  #testify(status: ActivityStatus): void {
    this.#confirmed = status;
    this.#stale = false;
    if (this.#held) this.#held.answeredSince = true;
  }

  #heldIfNewer(): ActivityStatus | undefined {
    return this.#held && !this.#held.answeredSince ? this.#held.status : undefined; // rule 8
  }

  /** A mount report disagreed with the library's own evidence: read which is true (rule 8). */
  #verify(client: SuperOfficeClient): void {
    client.getActivityStatus(this.activityIdentifier).then(
      (status) => {
        this.#testify(status);
        // A want made meanwhile has its own basis; its run settles what is shown.
        if (!this.#outcome) this.#update({ status });
      },
      // Nothing was asked of the user: an unreadable status leaves the report shown.
      () => undefined,
    );
  }

  #update(change: Partial<ActivityState>): void {
    const next = { ...this.#state, ...change };
    const { status, pending, checking, error } = this.#state;
    if (
      next.status === status &&
      next.pending === pending &&
      next.checking === checking &&
      next.error === error
    ) {
      return;
    }
    this.#state = next;
    for (const listener of this.#listeners) listener();
  }

  #idleCheck(): void {
    if (this.isIdle) this.#onIdle(this);
  }
}

interface Outcome {
  promise: Promise<ActivityStatus>;
  resolve: (status: ActivityStatus) => void;
  reject: (error: SuperOfficeError) => void;
}

function newOutcome(): Outcome {
  let resolve!: Outcome['resolve'];
  let reject!: Outcome['reject'];
  const promise = new Promise<ActivityStatus>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Wants that nobody awaits (a view gone, a fire-and-forget click) must not log as unhandled.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

function asSuperOfficeError(error: unknown): SuperOfficeError {
  return error instanceof SuperOfficeError
    ? error
    : new SuperOfficeError(error instanceof Error ? error.message : String(error), {
        outcomeUnknown: true,
        cause: error,
      });
}
