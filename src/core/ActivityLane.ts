import { activityKindOf } from '../client/activityIdentifier.js';
import { type ActivityStatus, isCompleted, statusFor } from '../client/activityStatus.js';
import type { SuperOfficeClient } from '../client/createSuperOfficeClient.js';
import { ActivityChangedElsewhereError } from '../client/errors/ActivityChangedElsewhereError.js';
import { SuperOfficeError } from '../client/errors/SuperOfficeError.js';
import { reachCompleted } from '../client/reachCompleted.js';
import type { Platform } from './browser/platform.js';
import type { TabMessage } from './browser/tabChannel.js';
import { errorFromOtherTab, LaneTabs } from './LaneTabs.js';

/** What every checkbox and hook of one activity shows. */
export interface ActivityState {
  /** The status shown: the server's last word, or the user's intent while it is unsettled. */
  status: ActivityStatus | undefined;
  /** The user's intent is not yet settled (sent, queued or being read back). */
  pending: boolean;
  /** An unknown outcome is being read back. */
  checking: boolean;
  /** The browser is offline: the intent waits for the connection, nothing is sent. */
  queued: boolean;
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
  /** `false`: this tab alone (no lock across tabs, nothing told to other tabs; rule 12). */
  syncTabs?: boolean | undefined;
  /** `false`: the intent is not written to storage (rule 13). */
  persist?: boolean | undefined;
  /** Nothing is sent or read before this time (ms since the epoch): a resumed intent's wait. */
  notBefore?: number | undefined;
  /** When the user clicked (ms since the epoch); now by default, a resumed intent's own time. */
  clickedAt?: number | undefined;
}

const IDLE: ActivityState = {
  status: undefined,
  pending: false,
  checking: false,
  queued: false,
  error: undefined,
};
/** How long another tab's unsettled intent is shown before it is taken as gone with its tab. */
const REMOTE_PENDING_MS = 60_000;

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
  readonly #tabs: LaneTabs;
  /** When this tab last learnt the activity's status (a report, an answer, a read). */
  #knownAt = 0;
  /** How many times the server has spoken to this tab about the activity. */
  #testimonies = 0;
  /** What is shown is another tab's unsettled intent, not anything the server said. */
  #showingOtherTab = false;
  #remotePending: ReturnType<typeof setTimeout> | undefined;

  constructor(
    site: string,
    activityIdentifier: string,
    confirmed: ActivityStatus | undefined,
    platform: Platform,
    onIdle: (lane: ActivityLane) => void,
  ) {
    this.site = site;
    this.activityIdentifier = activityIdentifier;
    this.#confirmed = confirmed;
    this.#tabs = new LaneTabs(platform, site, activityIdentifier);
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
    // Another tab's intent is no basis: only what the server said is (rule 12), else what the
    // dashboard reported (rule 8), so a failure rolls back to a status, never to nothing.
    const shownBefore = this.#showingOtherTab
      ? (this.#confirmed ?? [...this.#reports.values()].pop())
      : this.#state.status;
    this.#showingOtherTab = false;
    clearTimeout(this.#remotePending); // this tab's own run shows what is pending now
    this.#intent = completed; // rule 3
    this.#want = how;
    this.#update({
      status: statusFor(completed, activityKindOf(this.activityIdentifier)), // rule 1
      pending: true,
      error: undefined,
    });
    this.#tabs.store(how, completed);
    this.#tell();
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
    this.#knownAt = Date.now();
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

  /** What was known may be stale (a reload, another tab): the next run reads first. */
  distrust(): void {
    this.#stale = true;
  }

  /** A view went away: its report no longer counts. */
  leave(view: object): void {
    this.#reports.delete(view);
  }

  /**
   * The dashboard cleared its cache (a logout, a reset): forget what was shown and confirmed,
   * and fall back to the views' reports (rule 11). An unsettled intent is still carried out; an
   * unknown outcome stays unknown, so the next click still reads first (rule 5).
   */
  forget(): void {
    if (this.#outcome) return;
    this.#confirmed = undefined;
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
    const testimonies = this.#testimonies;
    try {
      // A resumed intent waits until its last toggle can no longer land (rule 13).
      await sleepUntil(how().notBefore);
      // Offline, wait before taking the turn, so other tabs are not kept waiting (rule 13).
      const waited = await this.#whenOnline();
      const final = await this.#tabs.inTurn(how(), this.#knownAt, async (heard, later) => {
        // rule 3 across tabs: a click made after this tab's, and carried out, is the intent. Where
        // it ended is not evidence newer than what this tab knows: `heard` is, when there is news.
        if (later !== undefined) this.#intent = isCompleted(later);
        // rule 12: another tab's turn since this tab last knew is the basis; its unknown outcome too.
        let status = waited || this.#stale || heard === 'unknown' ? undefined : (heard ?? before);
        // It is the server's word, newer than any report held meanwhile (rule 8).
        if (heard !== undefined && heard !== 'unknown') this.#testify(heard);
        do {
          status = await reachCompleted({
            activityIdentifier: this.activityIdentifier,
            wanted: () => this.#intent,
            // Stored as each request is sent: a 401's resend may land until its own timeout.
            toggle: () =>
              how().client.toggleActivity(this.activityIdentifier, {
                select: how().select,
                onSend: () => this.#tabs.store(how(), this.#intent, Date.now()),
              }),
            read: () => how().client.getActivityStatus(this.activityIdentifier),
            known: status,
            mayStillApplyMs: how().client.timeout,
            converge: how().converge,
            beforeRequest: () => this.#whenOnline(),
            onEvidence: (stated) => this.#testify(stated),
            onChecking: (checking) => {
              this.#update({ checking });
              this.#tell();
            },
          });
          // A click may land between the last answer and this line: carry it out too.
        } while (isCompleted(status) !== this.#intent && how().converge !== false);
        return status;
      });
      this.#settle(this.#heldIfNewer() ?? final, undefined, final);
    } catch (error) {
      const failure = asSuperOfficeError(error);
      if (failure instanceof ActivityChangedElsewhereError) {
        this.#settle(failure.status, failure); // rule 4
        return;
      }
      if (failure.outcomeUnknown) this.#stale = true; // rule 5
      // Roll back to the server's last word: since the click (an answer, a mount's read-back),
      // else what was shown before the click.
      const spoke = this.#testimonies === testimonies ? undefined : this.#confirmed;
      this.#settle(this.#heldIfNewer() ?? spoke ?? before, failure); // rules 5, 6
    }
  }

  #whenOnline(): Promise<boolean> {
    return this.#tabs.whenOnline((queued) => {
      this.#update({ queued });
      this.#tell();
    });
  }

  #tell(confirmed?: ActivityStatus): void {
    this.#tabs.tell(this.#want, this.#state, confirmed);
  }

  /** What another tab showed (rule 12): its evidence always counts; its display while idle here. */
  hear(message: TabMessage): void {
    if (this.#outcome) return; // this tab's own run takes its turn under the lock
    // A word some turn ended at before the newest turn's end is stale, however late it arrives.
    const { confirmed, confirmedAt = 0 } = message;
    if (confirmed !== undefined && this.#tabs.isStale(confirmed, confirmedAt)) return;
    if (message.confirmed !== undefined) {
      this.#confirmed = message.confirmed;
      this.#knownAt = Date.now();
      this.#stale = false;
    }
    this.#showingOtherTab = message.pending;
    clearTimeout(this.#remotePending);
    this.#remotePending = undefined;
    if (message.pending) {
      // A tab that closes mid-run says nothing more: do not show its intent for ever.
      const shown = this.#state.status;
      this.#remotePending = setTimeout(
        () =>
          this.#update({
            status: this.#confirmed ?? shown,
            pending: false,
            checking: false,
            queued: false,
          }),
        REMOTE_PENDING_MS,
      );
    }
    this.#update({
      status: message.status,
      pending: message.pending,
      checking: message.checking,
      queued: message.queued,
      error: message.error && errorFromOtherTab(this.activityIdentifier, message.error),
    });
  }

  #settle(status: ActivityStatus | undefined, error?: SuperOfficeError, answer?: ActivityStatus) {
    const outcome = this.#outcome;
    this.#outcome = undefined;
    this.#held = undefined;
    this.#update({ status, pending: false, checking: false, queued: false, error });
    this.#tabs.forgetIntent(this.#want);
    this.#tell(error instanceof ActivityChangedElsewhereError ? error.status : answer);
    if (error) outcome?.reject(error);
    else outcome?.resolve(answer as ActivityStatus);
    this.#idleCheck();
  }

  #testify(status: ActivityStatus): void {
    this.#tabs.said(status);
    this.#testimonies += 1;
    this.#knownAt = Date.now();
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
    const { status, pending, checking, queued, error } = this.#state;
    if (
      next.status === status &&
      next.pending === pending &&
      next.checking === checking &&
      next.queued === queued &&
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

function sleepUntil(time: number | undefined): Promise<void> {
  const wait = (time ?? 0) - Date.now();
  return wait > 0 ? new Promise((resolve) => setTimeout(resolve, wait)) : Promise.resolve();
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
