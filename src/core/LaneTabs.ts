import type { ActivityStatus } from '../client/activityStatus.js';
import { ActivityChangedElsewhereError } from '../client/errors/ActivityChangedElsewhereError.js';
import { SuperOfficeError } from '../client/errors/SuperOfficeError.js';
import { LANDING_MARGIN_MS } from '../client/reachCompleted.js';
import type { ActivityState, Want } from './ActivityLane.js';
import type { Heard, StoredIntent } from './browser/intentStore.js';
import type { Platform } from './browser/platform.js';
import type { TabMessage } from './browser/tabChannel.js';

/**
 * One activity's link to the page's other tabs and to storage (rules 12, 13): its turn under
 * the Web Lock, what it tells and stores. What it hears back is the lane's to weigh.
 */
export class LaneTabs {
  readonly #platform: Platform;
  readonly #site: string;
  readonly #activityIdentifier: string;
  /** When the unsettled intent's last toggle was sent. */
  #sentAt: number | undefined;
  /** When the user asked for the unsettled intent. */
  #clickedAt = 0;
  /** What the server last stated in this tab's current turn. */
  #said: ActivityStatus | undefined;
  /** When this tab's last turn wrote what it ended at. */
  #wroteAt = 0;

  constructor(platform: Platform, site: string, activityIdentifier: string) {
    this.#platform = platform;
    this.#site = site;
    this.#activityIdentifier = activityIdentifier;
  }

  /**
   * Runs the activity's run in its turn across tabs (rule 12): holding its Web Lock, so no other
   * tab toggles it meanwhile. `run` hears what another tab's turn ended at since `knownAt` (or
   * that its outcome is unknown), and `later`: where a turn ended that carried out a click made
   * after this tab's. What this turn ends at is stored before the lock is let go, with the time
   * of the click it carried out, for the next tab.
   */
  inTurn(
    how: Want,
    knownAt: number,
    run: (heard: Heard | undefined, later?: ActivityStatus) => Promise<ActivityStatus>,
  ): Promise<ActivityStatus> {
    if (how.syncTabs === false) return run(undefined);
    const { intents } = this.#platform;
    const site = this.#site;
    const id = this.#activityIdentifier;
    const turn = async () => {
      this.#said = undefined;
      try {
        // rule 13: a toggle whose tab went before it heard the answer may still land: wait, then read.
        // Its send time is taken once: another tab giving up its click may remove the stored
        // intent meanwhile. Its answer, written before that tab let go, may reach this tab's
        // storage late: look again.
        const sentAt = this.#unansweredSentAt();
        let landsBy = this.#landsBy(sentAt, how);
        while (landsBy > Date.now()) {
          const wait = Math.min(LOOK_AGAIN_MS, landsBy - Date.now());
          await new Promise((resolve) => setTimeout(resolve, wait));
          landsBy = this.#landsBy(sentAt, how);
        }
        const status =
          landsBy > 0
            ? await run('unknown')
            : await run(
                // This tab's own word from its last turn is not news to it.
                intents.heardSince(site, id, Math.max(knownAt, this.#wroteAt)),
                this.#laterClickCarriedOut(),
              );
        this.#write(status, this.#clickedAt);
        return status;
      } catch (error) {
        // An unknown outcome is left as such; otherwise the server's last word in the turn
        // stands (a refusal changed nothing).
        const word =
          error instanceof SuperOfficeError && error.outcomeUnknown
            ? 'unknown'
            : error instanceof ActivityChangedElsewhereError
              ? error.status
              : this.#said;
        if (word !== undefined) this.#write(word);
        throw error;
      }
    };
    // Bounded: a tab that hangs on to the turn ends in "could not be confirmed", never a hang.
    // A run takes at most a few requests of `timeout` each.
    const lock = `superoffice-activity-react/lane/${site} ${id}`;
    return this.#platform.locks.run(lock, how.client.timeout * TURN_TIMEOUTS, turn);
  }

  /** Leaves what this tab's turn ended at for the next tab (rule 12). */
  #write(word: Heard, clickedAt?: number): void {
    this.#platform.intents.heard(this.#site, this.#activityIdentifier, word, clickedAt);
    this.#wroteAt = Date.now();
  }

  /** The server stated `status` (an answer, a read): what the turn ends at, should it fail. */
  said(status: ActivityStatus): void {
    this.#said = status;
  }

  /** When another tab sent the stored intent's last toggle, if this tab did not. */
  #unansweredSentAt(): number | undefined {
    const sentAt = this.#stored()?.sentAt;
    return sentAt === this.#sentAt ? undefined : sentAt;
  }

  /**
   * Until when a toggle another tab sent at `sentAt` may still land, if that tab went before it
   * heard the answer (no turn has ended since it was sent); 0 when there is none.
   */
  #landsBy(sentAt: number | undefined, how: Want): number {
    if (sentAt === undefined) return 0;
    // Heard in the same millisecond it was sent is not known to be its answer.
    if (this.#platform.intents.heardSince(this.#site, this.#activityIdentifier, sentAt)) return 0;
    return sentAt + how.client.timeout + LANDING_MARGIN_MS;
  }

  /**
   * Where the newest turn ended, if it carried out a click made after this tab's last click
   * (rule 3 across tabs: the last click is the intent, whichever tab it was made in).
   */
  #laterClickCarriedOut(): ActivityStatus | undefined {
    const { intents } = this.#platform;
    const clickedAt = intents.clickCarriedOut(this.#site, this.#activityIdentifier) ?? 0;
    const newest = this.#newestHeard();
    return clickedAt > this.#clickedAt && newest !== 'unknown' ? newest : undefined;
  }

  /**
   * Whether a word another tab told at `time` is stale: a turn ended after it, or in the same
   * millisecond with another word. Compared by time first: storage written in another tab may
   * reach this one after that tab's message does.
   */
  isStale(confirmed: ActivityStatus, time: number): boolean {
    const { intents } = this.#platform;
    const newest = intents.heardSince(this.#site, this.#activityIdentifier, time - 1);
    const later = intents.heardSince(this.#site, this.#activityIdentifier, time);
    return newest !== undefined && (newest !== confirmed || later !== undefined);
  }

  /** What the newest turn of the activity, in any tab, ended at (rule 12). */
  #newestHeard(): Heard | undefined {
    return this.#platform.intents.heardSince(this.#site, this.#activityIdentifier, 0);
  }

  #stored(): StoredIntent | undefined {
    return this.#platform.intents
      .all()
      .find(
        (intent) =>
          intent.site === this.#site && intent.activityIdentifier === this.#activityIdentifier,
      );
  }

  /** Resolves when the browser is online; `onQueued` hears when waiting starts and ends (rule 13). */
  async whenOnline(onQueued: (queued: boolean) => void): Promise<boolean> {
    const { connectivity } = this.#platform;
    // A page being left sends nothing more, silently: the stored intent is the next load's.
    if (connectivity.leaving()) return new Promise<never>(() => undefined);
    if (connectivity.online()) return false;
    onQueued(true);
    await connectivity.whenOnline();
    onQueued(false);
    return true;
  }

  /**
   * Writes the intent down before its toggles (`sentAt`: one is being sent), so a reload or a
   * closed tab keeps it (rule 13). The newest toggle sent, by any tab, is kept until the intent
   * settles: a new click does not hide a toggle in flight. A later click in another tab stays the
   * intent stored.
   */
  store(how: Want, completed: boolean, sentAt?: number): void {
    if (sentAt === undefined) this.#clickedAt = how.clickedAt ?? this.#clickTime();
    else this.#sentAt = sentAt;
    if (how.persist === false) return;
    const { intents, locks } = this.#platform;
    const stored = this.#stored();
    const lastSent = Math.max(this.#sentAt ?? 0, stored?.sentAt ?? 0) || undefined;
    if (stored && stored.tab !== locks.tab && stored.at > this.#clickedAt) {
      intents.save({ ...stored, sentAt: lastSent });
      return;
    }
    intents.save({
      site: this.#site,
      activityIdentifier: this.#activityIdentifier,
      completed,
      at: this.#clickedAt,
      sentAt: lastSent,
      tab: locks.tab,
    });
  }

  /**
   * When a click made now was made: now, or just after the newest click any tab has stored or
   * carried out, so that it is the later one even within the same millisecond (rule 3).
   */
  #clickTime(): number {
    const stored = this.#stored()?.at ?? 0;
    const carriedOut = this.#platform.intents.clickCarriedOut(this.#site, this.#activityIdentifier);
    return Math.max(Date.now(), stored + 1, (carriedOut ?? 0) + 1);
  }

  /** The intent settled: nothing is left for a later tab, but another tab's later click is. */
  forgetIntent(how: Want | undefined): void {
    this.#sentAt = undefined;
    if (how?.persist === false || this.#stored()?.tab !== this.#platform.locks.tab) return;
    this.#platform.intents.remove(this.#site, this.#activityIdentifier);
  }

  /** Tells the other tabs what this tab now shows (never a credential). */
  tell(how: Want | undefined, state: ActivityState, confirmed?: ActivityStatus): void {
    if (how?.syncTabs === false) return;
    const { status, pending, checking, queued, error } = state;
    this.#platform.channel.post({
      site: this.#site,
      activityIdentifier: this.#activityIdentifier,
      status,
      pending,
      checking,
      queued,
      confirmed,
      confirmedAt: confirmed === undefined ? undefined : Date.now(),
      error: error && {
        name: error.name,
        message: error.message,
        outcomeUnknown: error.outcomeUnknown,
        ...(error instanceof ActivityChangedElsewhereError ? { status: error.status } : {}),
      },
    });
  }
}

/** How often a tab waiting for another tab's unanswered toggle looks at storage again. */
const LOOK_AGAIN_MS = 50;
/** How many request timeouts a tab waits for another tab's turn: a whole run's worth. */
const TURN_TIMEOUTS = 10;

/** Another tab's error, as this tab's views show it. */
export function errorFromOtherTab(
  activityIdentifier: string,
  { name, message, outcomeUnknown, status }: NonNullable<TabMessage['error']>,
): SuperOfficeError {
  if (name === 'ActivityChangedElsewhereError' && status) {
    return new ActivityChangedElsewhereError(activityIdentifier, status);
  }
  return new SuperOfficeError(message, { outcomeUnknown });
}
