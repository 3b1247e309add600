import { type ActivityStatus, isCompleted } from './activityStatus.js';
import { ActivityChangedElsewhereError } from './errors/ActivityChangedElsewhereError.js';
import { SuperOfficeApiError } from './errors/SuperOfficeApiError.js';
import { SuperOfficeError } from './errors/SuperOfficeError.js';
import { SuperOfficeNetworkError } from './errors/SuperOfficeNetworkError.js';

/** One toggle and up to two corrective toggles per intent (rule 5). */
export const MAX_TOGGLES_PER_INTENT = 3;
/** Reads per intent, read-backs and checks together (rule 5). */
export const MAX_READS_PER_INTENT = 4;
/** Tries of one read-back before the outcome is given up as unconfirmed. */
const TRIES_PER_READ_BACK = 3;
const MAX_RETRY_AFTER_MS = 10_000;
/**
 * Added to a toggle's send time plus timeout before it counts as unable to land: the request
 * reached the server a little after it left.
 */
export const LANDING_MARGIN_MS = 500;

/** What {@link reachCompleted} needs: the goal, the two requests and what is known. */
export interface Convergence {
  activityIdentifier: string;
  /** The newest intent, asked again before every toggle: clicks may change it meanwhile. */
  wanted(): boolean;
  /** Sends one `ToggleActivity`. */
  toggle(): Promise<ActivityStatus>;
  /** Reads the status (safe, idempotent). */
  read(): Promise<ActivityStatus>;
  /** The status believed so far; without one (or `Unknown`) the status is read first. */
  known?: ActivityStatus | undefined;
  /**
   * How long after it was sent a toggle whose outcome is unknown may still be applied (the
   * request timeout). A read that finds the intent not reached is trusted only after that.
   */
  mayStillApplyMs?: number | undefined;
  /** `false`: the first answer (or read) after a toggle is final, wherever it landed. */
  converge?: boolean | undefined;
  /** Each status the server states (an answer or a read), as it arrives. */
  onEvidence?: ((status: ActivityStatus) => void) | undefined;
  /**
   * Before every request: resolves when it may be sent (e.g. once the browser is online), to
   * `true` when it had to wait, since what was known before may then be stale.
   */
  beforeRequest?: (() => Promise<boolean>) | undefined;
  /** `true` while an unknown outcome is being read back, `false` after. */
  onChecking?: ((checking: boolean) => void) | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * Drives the server to the newest intent with the non-idempotent toggle, and resolves to the
 * status it ends at. An answer is evidence, not the goal: when it differs from the intent, one
 * more toggle is sent (rule 4). An unknown outcome is read back before anything else is sent
 * (rule 5). Rejects with a definite refusal as it came (rule 6), with the unknown outcome when
 * it could not be read back (rule 5), or with {@link ActivityChangedElsewhereError} when the
 * corrections run out.
 *
 * @example
 * await reachCompleted({
 *   activityIdentifier: 'appointment_id=1',
 *   wanted: () => true,
 *   toggle: () => client.toggleActivity('appointment_id=1'),
 *   read: () => client.getActivityStatus('appointment_id=1'),
 * }); // 'Completed'
 */
export async function reachCompleted(goal: Convergence): Promise<ActivityStatus> {
  const { converge = true, signal } = goal;
  let basis = definite(goal.known);
  let want = goal.wanted();
  let toggles = 0;
  let reads = 0;
  let unknownOutcome: SuperOfficeError | undefined;
  /** Until when the last toggle, its outcome unknown, may still land at the server. */
  let inFlightUntil = 0;

  const readBack = async (): Promise<ActivityStatus> => {
    goal.onChecking?.(true);
    try {
      let failure: unknown;
      for (let attempt = 0; attempt < TRIES_PER_READ_BACK && reads < MAX_READS_PER_INTENT; ) {
        if (attempt > 0) await sleep(retryDelay(failure, attempt), signal);
        await goal.beforeRequest?.();
        attempt += 1;
        reads += 1;
        try {
          const status = definite(await goal.read());
          if (status !== undefined) return testify(status);
        } catch (error) {
          failure = error;
          if (signal?.aborted || !mayRetryRead(error)) break;
        }
      }
      // A read that says the id does not exist is an answer in itself; an abort ends everything.
      if (failure instanceof SuperOfficeApiError && failure.status === 404) throw failure;
      if (signal?.aborted) throw failure;
      // Any other failed read leaves the status unknown, whatever the read's own status was.
      throw unknownOutcome ?? unconfirmed(goal.activityIdentifier, failure); // rule 5
    } finally {
      goal.onChecking?.(false);
    }
  };
  const testify = (status: ActivityStatus): ActivityStatus => {
    goal.onEvidence?.(status);
    return status;
  };

  for (;;) {
    if (await goal.beforeRequest?.()) basis = undefined; // waited (offline): read what is now
    basis ??= await readBack(); // rules 5, 7: never toggle on a basis an unknown outcome made stale
    const wait = inFlightUntil - Date.now();
    if (isCompleted(basis) !== goal.wanted() && wait > 0) {
      // rule 7: the unknown toggle may still land; read again once it no longer can.
      goal.onChecking?.(true);
      try {
        await sleep(wait, signal);
      } finally {
        goal.onChecking?.(false);
      }
      basis = undefined;
      continue;
    }
    const now = goal.wanted();
    if (now !== want) {
      // A new click is a new intent, with its own budget.
      want = now;
      toggles = 0;
      reads = 0;
    }
    if (isCompleted(basis) === want) return basis; // rule 4
    if (toggles > 0 && !converge) return basis; // rule 4: converge off, the answer is final
    if (toggles === MAX_TOGGLES_PER_INTENT) {
      // rule 5: a last read tells an unknown id (404) from someone else changing it.
      const status = reads < MAX_READS_PER_INTENT ? await readBack() : basis;
      // Reached; or a click during the read asked for just what it found. A click the other way
      // is the caller's next intent, with its own budget.
      if (isCompleted(status) === want || isCompleted(status) === goal.wanted()) return status;
      throw new ActivityChangedElsewhereError(goal.activityIdentifier, status);
    }
    // Went offline during the read before: wait, and read what is now before toggling.
    if (await goal.beforeRequest?.()) {
      basis = undefined;
      continue;
    }
    toggles += 1;
    const sentAt = Date.now();
    try {
      basis = definite(await goal.toggle());
      unknownOutcome = undefined;
      inFlightUntil = 0;
      if (basis !== undefined) testify(basis);
    } catch (error) {
      // rule 6; an abort ends everything, its outcome unknown.
      if (!(error instanceof SuperOfficeError && error.outcomeUnknown) || signal?.aborted)
        throw error;
      unknownOutcome = error;
      inFlightUntil =
        goal.mayStillApplyMs === undefined ? 0 : sentAt + goal.mayStillApplyMs + LANDING_MARGIN_MS;
      basis = undefined;
    }
  }
}

/** `Unknown` says nothing about where the activity is. */
function definite(status: ActivityStatus | undefined): ActivityStatus | undefined {
  return status === 'Unknown' ? undefined : status;
}

function mayRetryRead(error: unknown): boolean {
  if (!(error instanceof SuperOfficeError)) return false;
  if (!(error instanceof SuperOfficeApiError)) return error.outcomeUnknown;
  return (
    error.status === 200 || error.status === 408 || error.status === 429 || error.status >= 500
  );
}

function retryDelay(failure: unknown, attempt: number): number {
  const asked = failure instanceof SuperOfficeApiError ? failure.retryAfterMs : undefined;
  return asked === undefined ? 250 * 3 ** (attempt - 1) : Math.min(asked, MAX_RETRY_AFTER_MS);
}

function unconfirmed(activityIdentifier: string, cause: unknown): SuperOfficeError {
  const why = cause instanceof Error ? ` ${cause.message}` : '';
  return new SuperOfficeError(`The status of ${activityIdentifier} could not be read.${why}`, {
    outcomeUnknown: true,
    cause,
  });
}

/** Waits `ms`; an abort meanwhile rejects like an aborted request, its outcome unknown. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  const aborted = () =>
    new SuperOfficeNetworkError(
      'Aborted while waiting to read back; the toggle may or may not have been applied.',
      'aborted',
      signal?.reason,
    );
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(aborted());
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(aborted());
      },
      { once: true },
    );
  });
}
