import { hashKey, type QueryClient } from '@tanstack/react-query';
import { parseActivityIdentifier } from '../client/activityIdentifier.js';
import { type ActivityStatus, isCompleted } from '../client/activityStatus.js';
import { SuperOfficeError } from '../client/errors/SuperOfficeError.js';
import { activityStatusQueryKey } from './activityStatusQueryKey.js';

/**
 * The toggle's rules, all in one place. ToggleActivity is not idempotent: sending it twice flips
 * twice. So, per activity:
 *
 * 1. A click flips what the user sees at once, before any network (optimistic).
 * 2. Toggles of one activity run one at a time, in click order, whichever checkbox or hook they
 *    came from; different activities run concurrently.
 * 3. Each click records the user's intent: the state they now see. When a queued toggle's turn
 *    comes, it is sent only if that newest intent differs from the status the server last
 *    confirmed; otherwise it is superseded and nothing is sent. A burst of clicks during a
 *    request thus sends at most one more request, and the server ends at the last intent.
 * 4. The status the server answers is the truth, even when it differs from the intent (another
 *    user changed it; a three-state appointment landed on `Started`).
 * 5. A failure rolls what the user sees back to the last confirmed status, keeps the error, and
 *    cancels the toggles queued behind it (they fail with the same error): nothing is resent
 *    behind the user's back, least of all after an outcome-unknown failure.
 * 6. Every view of the activity reads one shared state. What the dashboard reports (a refetched
 *    `completed` prop) wins while no toggle is unsettled; otherwise it is held, and applied when
 *    the toggles settle unless the server has answered since.
 * 7. A toggle whose component has unmounted is dropped when its turn comes: no request is sent
 *    on behalf of a view that is gone.
 */
export class ActivityToggles {
  readonly #queryClient: QueryClient;
  readonly #lanes = new Map<string, Lane>();
  // One cache subscription for the client's lifetime, made when the first view subscribes.
  #watchingCache = false;

  constructor(queryClient: QueryClient) {
    this.#queryClient = queryClient;
  }

  /**
   * Records a click on the activity and resolves to its status once the click's toggle has had
   * its turn. `send` performs the request; `isWanted` says whether the clicking view still
   * exists. Rejects with `InvalidActivityIdentifierError` before anything is sent.
   */
  toggle(
    activityIdentifier: string,
    send: () => Promise<ActivityStatus>,
    isWanted: () => boolean = () => true,
  ): Promise<ActivityStatus> {
    const lane = this.#lane(activityIdentifier);
    try {
      parseActivityIdentifier(activityIdentifier);
    } catch (error) {
      // Nothing is sent or shown optimistically, but every view of it shows why.
      lane.error = asSuperOfficeError(error);
      this.#notify(lane);
      this.#forgetIfIdle(lane);
      return Promise.reject(error);
    }
    const shown = this.#shown(lane);
    if (lane.unsettled === 0) lane.confirmed = shown;
    lane.error = undefined;
    lane.intent = !isCompleted(shown);
    lane.unsettled += 1;
    this.#show(
      activityIdentifier,
      lane.intent ? 'Completed' : notCompletedStatus(activityIdentifier),
    ); // rule 1

    const failuresAtClick = lane.failures;
    const turn = lane.queue.then(() => this.#takeTurn(lane, failuresAtClick, send, isWanted)); // rule 2
    lane.queue = turn.catch(() => undefined);
    this.#notify(lane);
    return turn;
  }

  async #takeTurn(
    lane: Lane,
    failuresAtClick: number,
    send: () => Promise<ActivityStatus>,
    isWanted: () => boolean,
  ): Promise<ActivityStatus> {
    try {
      if (lane.failures !== failuresAtClick) throw lane.lastFailure; // rule 5
      if (!isWanted() || isSuperseded(lane)) return lane.confirmed ?? 'Unknown'; // rules 7, 3
      const status = await send();
      lane.confirmed = status; // rule 4
      lane.held = undefined;
      return status;
    } catch (error) {
      if (lane.failures === failuresAtClick) {
        lane.failures += 1;
        lane.lastFailure = asSuperOfficeError(error);
        lane.error = lane.lastFailure;
        lane.confirmed = lane.held ?? lane.confirmed;
        lane.held = undefined;
        this.#show(lane.activityIdentifier, lane.confirmed ?? 'Unknown'); // rule 5
      }
      throw error;
    } finally {
      lane.unsettled -= 1;
      if (lane.unsettled === 0) {
        this.#show(lane.activityIdentifier, lane.held ?? lane.confirmed ?? 'Unknown'); // rules 4, 6
        lane.held = undefined;
      }
      this.#notify(lane);
      this.#forgetIfIdle(lane);
    }
  }

  /** What the dashboard knows from the server, e.g. after a refetch (rule 6). */
  report(activityIdentifier: string, status: ActivityStatus): void {
    const lane = this.#lanes.get(activityIdentifier);
    if (lane && lane.unsettled > 0) lane.held = status;
    else this.#show(activityIdentifier, status);
  }

  /** The activity's shared state; the same object until something changes. */
  getState(activityIdentifier: string): ActivityState {
    const lane = this.#lane(activityIdentifier);
    const status = this.#shown(lane);
    const pending = lane.unsettled > 0;
    const { state } = lane;
    if (state.status !== status || state.pending !== pending || state.error !== lane.error) {
      lane.state = { status, pending, error: lane.error };
    }
    return lane.state;
  }

  subscribe(activityIdentifier: string, listener: () => void): () => void {
    const lane = this.#lane(activityIdentifier);
    lane.listeners.add(listener);
    // Partners may write the shared entry themselves (setQueryData): every view must follow.
    if (!this.#watchingCache) {
      this.#watchingCache = true;
      this.#queryClient.getQueryCache().subscribe(({ query }) => {
        const watched = this.#lanes.get(String(query.queryKey[2]));
        if (watched?.queryHash === query.queryHash) this.#notify(watched);
      });
    }
    return () => {
      lane.listeners.delete(listener);
      this.#forgetIfIdle(lane);
    };
  }

  /** Whether any toggle of the activity is clicked but not yet settled. */
  isUnsettled(activityIdentifier: string): boolean {
    return (this.#lanes.get(activityIdentifier)?.unsettled ?? 0) > 0;
  }

  #lane(activityIdentifier: string): Lane {
    let lane = this.#lanes.get(activityIdentifier);
    if (!lane) {
      lane = newLane(activityIdentifier);
      this.#lanes.set(activityIdentifier, lane);
    }
    return lane;
  }

  #forgetIfIdle(lane: Lane): void {
    const idle = lane.unsettled === 0 && lane.listeners.size === 0;
    if (idle && this.#lanes.get(lane.activityIdentifier) === lane) {
      this.#lanes.delete(lane.activityIdentifier);
    }
  }

  #shown(lane: Lane): ActivityStatus | undefined {
    return this.#queryClient.getQueryCache().get<ActivityStatus>(lane.queryHash)?.state.data;
  }

  #show(activityIdentifier: string, status: ActivityStatus): void {
    this.#queryClient.setQueryData(activityStatusQueryKey(activityIdentifier), status);
  }

  #notify(lane: Lane): void {
    for (const listener of lane.listeners) listener();
  }
}

/** What every checkbox and hook of one activity shows. */
export interface ActivityState {
  /** The status shown: the server's last word, or the user's intent while a toggle is unsettled. */
  status: ActivityStatus | undefined;
  /** A toggle of this activity is clicked but not yet settled. */
  pending: boolean;
  /** Why the last toggle failed; cleared by the next click. */
  error: SuperOfficeError | undefined;
}

interface Lane {
  activityIdentifier: string;
  queryHash: string;
  /** The server's last word; at the start of a burst, what the user saw before clicking. */
  confirmed?: ActivityStatus | undefined;
  /** Completed or not, as the user last clicked. */
  intent: boolean;
  unsettled: number;
  /** The tail of this activity's toggles, run one at a time. */
  queue: Promise<unknown>;
  /** Bumped by each failure, which cancels every toggle clicked before it. */
  failures: number;
  /** What the cancelled toggles fail with; kept when a new click clears `error`. */
  lastFailure?: SuperOfficeError | undefined;
  /** The error shown, until the next click. */
  error?: SuperOfficeError | undefined;
  /** The dashboard's report, held back while toggles are unsettled. */
  held?: ActivityStatus | undefined;
  listeners: Set<() => void>;
  state: ActivityState;
}

function newLane(activityIdentifier: string): Lane {
  return {
    activityIdentifier,
    queryHash: hashKey(activityStatusQueryKey(activityIdentifier)),
    intent: false,
    unsettled: 0,
    queue: Promise.resolve(),
    failures: 0,
    listeners: new Set(),
    state: { status: undefined, pending: false, error: undefined },
  };
}

function isSuperseded(lane: Lane): boolean {
  const known = lane.confirmed !== undefined && lane.confirmed !== 'Unknown';
  return known && isCompleted(lane.confirmed) === lane.intent;
}

/** Unticking a sale leaves it `Started`; other activities go back to `NotStarted`. */
export function notCompletedStatus(activityIdentifier: string): ActivityStatus {
  // A regular expression, not startsWith: views may be handed a non-string by mistake.
  return /^sale_id=/.test(activityIdentifier) ? 'Started' : 'NotStarted';
}

function asSuperOfficeError(error: unknown): SuperOfficeError {
  return error instanceof SuperOfficeError
    ? error
    : new SuperOfficeError(error instanceof Error ? error.message : String(error), {
        outcomeUnknown: true,
        cause: error,
      });
}

const registry = new WeakMap<QueryClient, ActivityToggles>();

/** The toggles of one QueryClient: shared by every hook and checkbox that uses that client. */
export function activityToggles(queryClient: QueryClient): ActivityToggles {
  let toggles = registry.get(queryClient);
  if (!toggles) {
    toggles = new ActivityToggles(queryClient);
    registry.set(queryClient, toggles);
  }
  return toggles;
}
