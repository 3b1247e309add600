import type { ActivityStatus } from '../client/activityStatus.js';
import { ActivityChangedElsewhereError } from '../client/errors/ActivityChangedElsewhereError.js';
import { SuperOfficeError } from '../client/errors/SuperOfficeError.js';
import type { ActivityState, Want } from './ActivityLane.js';
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

  constructor(platform: Platform, site: string, activityIdentifier: string) {
    this.#platform = platform;
    this.#site = site;
    this.#activityIdentifier = activityIdentifier;
  }

  /**
   * Sends one toggle in the activity's turn across tabs (rule 12). If another tab took a turn
   * since `knownAt`, its word is the answer and nothing is sent; an unknown outcome there is one
   * here too (read back, never toggled over). What this turn heard is stored before the lock
   * is let go, for the next tab.
   */
  inTurn(how: Want, knownAt: number, send: () => Promise<ActivityStatus>): Promise<ActivityStatus> {
    const { intents } = this.#platform;
    const site = this.#site;
    const id = this.#activityIdentifier;
    const turn = async () => {
      const heard = intents.heardSince(site, id, knownAt);
      if (heard === 'unknown') throw otherTabUnconfirmed(id);
      if (heard !== undefined) return heard;
      try {
        const answer = await send();
        intents.heard(site, id, answer);
        return answer;
      } catch (error) {
        if (error instanceof SuperOfficeError && error.outcomeUnknown) {
          intents.heard(site, id, 'unknown');
        }
        throw error;
      }
    };
    if (how.syncTabs === false) return send();
    // Bounded: a tab that hangs on to the turn ends in "could not be confirmed", never a hang.
    const lock = `superoffice-activity-react/lane/${site} ${id}`;
    return this.#platform.locks.run(lock, how.client.timeout * 3, turn);
  }

  /** Resolves when the browser is online; `onQueued` hears when waiting starts and ends (rule 13). */
  async whenOnline(onQueued: (queued: boolean) => void): Promise<boolean> {
    const { connectivity } = this.#platform;
    if (connectivity.online()) return false;
    onQueued(true);
    await connectivity.whenOnline();
    onQueued(false);
    return true;
  }

  /** Writes the intent down before its toggles, so a reload or a closed tab keeps it (rule 13). */
  store(how: Want | undefined, completed: boolean, sentAt?: number): void {
    if (how?.persist === false) return;
    this.#platform.intents.save({
      site: this.#site,
      activityIdentifier: this.#activityIdentifier,
      completed,
      at: Date.now(),
      sentAt,
      tab: this.#platform.locks.tab,
    });
  }

  /** The intent settled: nothing is left for a later tab. */
  forgetIntent(how: Want | undefined): void {
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

function otherTabUnconfirmed(activityIdentifier: string): SuperOfficeError {
  return new SuperOfficeError(
    `Another tab's toggle of ${activityIdentifier} has an unknown outcome; reading it back.`,
    { outcomeUnknown: true },
  );
}
