import { parseActivityIdentifier } from '../client/activityIdentifier.js';
import type { ActivityStatus } from '../client/activityStatus.js';
import type { SuperOfficeClient } from '../client/createSuperOfficeClient.js';
import type { SuperOfficeError } from '../client/errors/SuperOfficeError.js';
import { LANDING_MARGIN_MS } from '../client/reachCompleted.js';
import { ActivityLane, type ActivityState, type Want } from './ActivityLane.js';
import { browserPlatform, type Platform } from './browser/platform.js';
import type { TabMessage } from './browser/tabChannel.js';

/**
 * The contract, all in one place. ToggleActivity is not idempotent: sending it twice flips
 * twice. The user's intent is the goal; every answer and read is evidence. Per activity:
 *
 * 1. A click flips what the user sees at once, before any network (optimistic).
 * 2. One lane per activity and site on the page: whichever QueryClient, provider, checkbox or
 *    hook a click comes from, its activity's toggles run one at a time and every view shows one
 *    state. The same identifier on another site is another activity.
 * 3. A click records the intent: completed or not, as the user now sees it. Clicks made while
 *    the lane is busy only change the intent; the lane sends a toggle only when the intent
 *    differs from the server's last word, so a burst during one request sends at most one more.
 * 4. An answer is evidence, not the goal. When the server answers a status whose completed-ness
 *    differs from the intent (a stale view, a three-state appointment, a browser that resent the
 *    POST), the lane sends one more toggle: at most 2 corrective toggles per intent, then the
 *    server's status is shown with an `ActivityChangedElsewhereError`. `converge: false` makes
 *    the first answer final.
 * 5. Unknown outcomes are read back, never guessed: after a dropped connection, a timeout, a
 *    502/503/504, a 200 without a status or an answer of `Unknown`, the status is read (a few
 *    tries, with backoff and `Retry-After`) and the read counts as the answer. If it cannot be
 *    read, what the user sees rolls back to the server's last word, the error says the change
 *    could not be confirmed, and the next click reads before it toggles. Per intent the library
 *    sends at most 3 toggles and 4 reads.
 * 6. A definite refusal is final: a 4xx, or a 500 with a SuperOffice error body, rolls back,
 *    shows the server's message and ends the intent (every click waiting on it fails with that
 *    one error). Nothing is retried.
 * 7. Never toggle blind: no toggle on a basis that a newer unknown outcome made stale, and never
 *    two toggles of one activity in flight.
 * 8. What the dashboard knows counts: a view's `completed`/`status` is a report when the view
 *    mounts and when the value changes (a same-value re-render is not). A report is shown at
 *    once when nothing is unsettled; otherwise it is held, and shown at settle unless the server
 *    has spoken since. A report clears the error. A mount report that disagrees with a status
 *    the library itself confirmed is read back, never toggled.
 * 9. A click outlives its view: unmounting stops updates to the view, never what the user
 *    asked for.
 * 10. Credentials belong to their site: a toggle keeps the site it was clicked with; auth renewed
 *    by `onUnauthorized` is used only for its site and only until the `auth` prop changes; a
 *    credential given as a function is asked before every request.
 * 11. Clearing a QueryClient (`clear`, `resetQueries`, `removeQueries`) forgets what it showed:
 *    views fall back to their reports; an unsettled intent is still carried out.
 * 12. One writer per activity across tabs: every toggle is sent holding the activity's Web Lock,
 *    shared by every tab, window and same-origin iframe; a tab that heard the server since its
 *    last evidence (over BroadcastChannel) takes that as the answer instead of sending. Every
 *    tab shows what the others show, pending included. A lock not had within a bound ends in
 *    "could not be confirmed", never a hang.
 * 13. No click lost, none doubled: an intent (site, identifier, completed, time; never a
 *    credential) is written to storage before its toggles and removed when settled. After a
 *    reload or a closed tab, a provider of the site resolves it by reading and converging, never
 *    by replay, and not before its last toggle can no longer land. While offline, intents wait
 *    as queued and nothing is sent; back online, each is read and converged once.
 */
export class ActivityLanes {
  readonly #lanes = new Map<string, ActivityLane>();
  readonly #makePlatform: () => Platform;
  #platform: Platform | undefined;
  /** What the server stated for activities whose lanes have gone, newest last (rule 8). */
  readonly #evidence = new Map<string, ActivityStatus>();

  constructor(makePlatform: () => Platform = browserPlatform) {
    this.#makePlatform = makePlatform;
  }

  /** The browser facilities, set up when the first lane needs them. */
  get platform(): Platform {
    if (!this.#platform) {
      this.#platform = this.#makePlatform();
      this.#platform.channel.listen((message) => this.#hear(message));
    }
    return this.#platform;
  }

  /**
   * Carries out the intents a reload or a closed tab left for `site` (rule 13): read and
   * converged, never replayed, once their last toggle can no longer land. Intents older than
   * `maxAgeMs` are dropped.
   */
  resume(site: string, client: SuperOfficeClient, maxAgeMs: number): () => void {
    const { intents, locks } = this.platform;
    let stopped = false;
    intents.prune(Date.now() - maxAgeMs);
    for (const intent of intents.all()) {
      if (intent.site !== site) continue;
      void locks.isAlive(intent.tab).then((alive) => {
        if (alive || stopped) return; // its own tab still carries it out
        const lane = this.lane(site, intent.activityIdentifier);
        lane.distrust();
        // Shown at once; read and converged once its last toggle can no longer land.
        const notBefore = (intent.sentAt ?? 0) + client.timeout + LANDING_MARGIN_MS;
        // Its click keeps its own time: a later click in any tab still wins over it (rule 3).
        void lane.want(intent.completed, { client, notBefore, clickedAt: intent.at });
      });
    }
    return () => {
      stopped = true;
    };
  }

  #hear(message: TabMessage): void {
    const key = laneKey(message.site, message.activityIdentifier);
    const lane = this.#lanes.get(key);
    if (lane) lane.hear(message);
    else this.#remember(key, message.confirmed);
  }

  /** The activity's lane, made on first use and dropped when no view or intent needs it. */
  lane(site: string, activityIdentifier: string): ActivityLane {
    const key = laneKey(site, activityIdentifier);
    let lane = this.#lanes.get(key);
    if (!lane) {
      lane = new ActivityLane(
        site,
        activityIdentifier,
        this.#evidence.get(key),
        this.platform,
        (idle) => {
          if (this.#lanes.get(key) !== idle) return;
          this.#lanes.delete(key);
          this.#remember(key, idle.confirmed);
        },
      );
      this.#evidence.delete(key);
      this.#lanes.set(key, lane);
    }
    return lane;
  }

  /** The activity's lane if it has one; never makes one. */
  find(site: string, activityIdentifier: string): ActivityLane | undefined {
    return this.#lanes.get(laneKey(site, activityIdentifier));
  }

  /** The activity's shared state; without a lane, nothing is known yet. */
  stateOf(site: string, activityIdentifier: string): ActivityState {
    return this.#lanes.get(laneKey(site, activityIdentifier))?.state ?? UNKNOWN;
  }

  /**
   * The user wants the activity completed (`true`), not completed (`false`), or flipped from
   * what they see (`'flip'`, a click). Rejects with `InvalidActivityIdentifierError` before
   * anything is sent or shown.
   */
  want(
    site: string,
    activityIdentifier: string,
    completed: boolean | 'flip',
    how: Want,
  ): Promise<ActivityStatus> {
    const lane = this.lane(site, activityIdentifier);
    try {
      parseActivityIdentifier(activityIdentifier);
    } catch (error) {
      return lane.refuse(error as SuperOfficeError);
    }
    return lane.want(completed === 'flip' ? lane.clickIntent : completed, how);
  }

  #remember(key: string, confirmed: ActivityStatus | undefined): void {
    if (confirmed === undefined) return;
    this.#evidence.set(key, confirmed);
    // Bounded: an archive scrolled for hours must not grow the heap without end.
    if (this.#evidence.size > MAX_EVIDENCE) {
      this.#evidence.delete(this.#evidence.keys().next().value as string);
    }
  }

  /** Forgets the evidence of activities no view shows: a fresh page, for tests. */
  forgetEvidence(): void {
    this.#evidence.clear();
  }

  /** How many lanes are kept: for tests that check nothing leaks. */
  get size(): number {
    return this.#lanes.size;
  }
}

const MAX_EVIDENCE = 2_000;

const UNKNOWN: ActivityState = {
  status: undefined,
  pending: false,
  checking: false,
  queued: false,
  error: undefined,
};

function laneKey(site: string, activityIdentifier: string): string {
  // rule 2: the site is part of an activity's identity.
  return `${site} ${String(activityIdentifier)}`;
}

/** The page's lanes: one per activity and site, whatever QueryClient or provider shows it. */
export const activityLanes = new ActivityLanes();
