import type { ActivityStatus } from '../client/activityStatus.js';
import { ActivityChangedElsewhereError } from '../client/errors/ActivityChangedElsewhereError.js';
import { SuperOfficeError } from '../client/errors/SuperOfficeError.js';
import type { ActivityState, Want } from './ActivityLane.js';
import type { Heard } from './browser/intentStore.js';
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

  constructor(platform: Platform, site: string, activityIdentifier: string) {
    this.#platform = platform;
    this.#site = site;
    this.#activityIdentifier = activityIdentifier;
  }

  /**
   * Runs the activity's run in its turn across tabs (rule 12): holding its Web Lock, so no other
   * tab toggles it meanwhile. `run` hears what another tab's turn ended at since `knownAt` (or
   * that its outcome is unknown); what this turn ends at is stored before the lock is let go,
   * for the next tab.
   */
  inTurn(
    how: Want,
    knownAt: number,
    run: (heard: Heard | undefined) => Promise<ActivityStatus>,
  ): Promise<ActivityStatus> {
    if (how.syncTabs === false) return run(undefined);
    const { intents } = this.#platform;
    const site = this.#site;
    const id = this.#activityIdentifier;
    const turn = async () => {
      try {
        const status = await run(intents.heardSince(site, id, knownAt));
        intents.heard(site, id, status);
        return status;
      } catch (error) {
        if (error instanceof ActivityChangedElsewhereError) intents.heard(site, id, error.status);
        else if (error instanceof SuperOfficeError && error.outcomeUnknown) {
          intents.heard(site, id, 'unknown');
        }
        throw error;
      }
    };
    // Bounded: a tab that hangs on to the turn ends in "could not be confirmed", never a hang.
    // A run takes at most a few requests of `timeout` each.
    const lock = `superoffice-activity-react/lane/${site} ${id}`;
    return this.#platform.locks.run(lock, how.client.timeout * TURN_TIMEOUTS, turn);
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
   * Writes the intent down before its toggles, so a reload or a closed tab keeps it (rule 13).
   * `sentAt` is kept until the intent settles: a new click does not hide a toggle in flight.
   */
  store(how: Want | undefined, completed: boolean, sentAt?: number): void {
    if (sentAt !== undefined) this.#sentAt = sentAt;
    if (how?.persist === false) return;
    this.#platform.intents.save({
      site: this.#site,
      activityIdentifier: this.#activityIdentifier,
      completed,
      at: Date.now(),
      sentAt: this.#sentAt,
      tab: this.#platform.locks.tab,
    });
  }

  /** The intent settled: nothing is left for a later tab. */
  forgetIntent(how: Want | undefined): void {
    this.#sentAt = undefined;
    if (how?.persist !== false) this.#platform.intents.remove(this.#site, this.#activityIdentifier);
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
      error: error && {
        name: error.name,
        message: error.message,
        outcomeUnknown: error.outcomeUnknown,
        ...(error instanceof ActivityChangedElsewhereError ? { status: error.status } : {}),
      },
    });
  }
}

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
