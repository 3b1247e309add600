import { LANDING_MARGIN_MS } from '../../../src/client/reachCompleted.js';
import { type ActivityStatus, isCompleted } from '../../../src/index.js';
import type { WidgetView } from './FuzzDashboard.js';
import { activityKey, type Journal } from './fuzzModel.js';
import { FUZZ_TIMEOUT_MS } from './fuzzSequence.js';
import type { Exchange, NetworkObserver, NetworkTab } from './inProcessNetwork.js';

/** What the test knows about one activity across every tab of the page. */
interface AcrossTabs {
  /** Completed or not, as the user's last click in any tab asked. */
  intent: boolean | undefined;
  /** The intents other tabs' runs of it were carrying out when that click was made. */
  queuedElsewhere: boolean[];
  /** A run of it, in any tab, ended with an error since that click. */
  failedSince: boolean;
  /** Another user changed it since that click. */
  changedSince: boolean;
  /** A view of it in some tab reported what its dashboard had, not what the server has now. */
  staleSince: boolean;
  /** No toggle of it may be sent before this: a closed tab's toggle may still land (rule 13). */
  notBefore: number;
  notBeforeOf: string;
}

/**
 * The page across its tabs (rules 12, 13): what the user last asked for in any tab, when a closed
 * tab's toggle can no longer land, and what must hold once every tab has settled. It sees every
 * request before the sending tab's own model does.
 */
export class TabsModel implements NetworkObserver {
  readonly #activities = new Map<string, AcrossTabs>();
  readonly #open = new Set<Exchange>();
  /** Toggles answered 401: the client sends each once more, the same toggle (nothing applied). */
  readonly #renewing = new WeakMap<NetworkTab, Set<string>>();
  readonly #journal: Journal;
  readonly #online: () => boolean;
  /** For the summary. */
  readonly counts = {
    tabs: 0,
    reloads: 0,
    closes: 0,
    reopens: 0,
    recoveries: 0,
    resumed: 0,
    lockTimeouts: 0,
    offline: 0,
    /** Toggles a closed tab left in flight at the server. */
    leftInFlight: 0,
  };

  constructor(journal: Journal, online: () => boolean) {
    this.#journal = journal;
    this.#online = online;
  }

  #violation(message: string): void {
    this.#journal.violations.push(`step ${this.#journal.step}: ${message}`);
  }

  #of(key: string): AcrossTabs {
    let activity = this.#activities.get(key);
    if (!activity) {
      activity = {
        intent: undefined,
        queuedElsewhere: [],
        failedSince: false,
        changedSince: false,
        staleSince: false,
        notBefore: 0,
        notBeforeOf: '',
      };
      this.#activities.set(key, activity);
    }
    return activity;
  }

  clicked(key: string, intent: boolean, queuedElsewhere: boolean[]): void {
    Object.assign(this.#of(key), {
      intent,
      queuedElsewhere,
      failedSince: false,
      changedSince: false,
      staleSince: false,
    });
  }

  /** What the last click on the activity, in any tab, asked for. */
  lastIntent(key: string): boolean | undefined {
    return this.#activities.get(key)?.intent;
  }

  settled(key: string, failed: boolean): void {
    if (failed) this.#of(key).failedSince = true;
  }

  changedByAnotherUser(key: string): void {
    this.#of(key).changedSince = true;
  }

  staleReport(key: string): void {
    this.#of(key).staleSince = true;
  }

  resumed(): void {
    this.counts.resumed += 1;
  }

  onRequest(exchange: Exchange): void {
    this.#open.add(exchange);
    if (exchange.endpoint !== 'toggle') return;
    const key = activityKey(exchange.site, exchange.activityIdentifier ?? '');
    const { notBefore, notBeforeOf } = this.#of(key);
    // Rule 13: a toggle a closed tab left in flight is not corrected before it can no longer land.
    if (exchange.sentAt < notBefore) {
      this.#violation(
        `${key}: a toggle at ${exchange.sentAt} while ${notBeforeOf} could still land (until ${notBefore})`,
      );
    }
    // Rule 13: no toggle is started while offline (a 401's resend is the same toggle, and fails).
    const resend = this.#renewing.get(exchange.tab)?.delete(key) ?? false;
    if (!this.#online() && !resend) this.#violation(`${key}: a toggle sent while offline`);
  }

  onOutcome(exchange: Exchange): void {
    this.#open.delete(exchange);
    const { outcome } = exchange;
    if (exchange.endpoint === 'toggle' && outcome.kind === 'response' && outcome.status === 401) {
      const key = activityKey(exchange.site, exchange.activityIdentifier ?? '');
      const renewing = this.#renewing.get(exchange.tab) ?? new Set<string>();
      this.#renewing.set(exchange.tab, renewing.add(key));
    }
  }

  /** A tab closed: what it has in flight goes on at the server, unanswered. */
  closed(tab: NetworkTab): void {
    for (const exchange of this.#open) {
      if (exchange.tab !== tab || exchange.endpoint !== 'toggle') continue;
      this.counts.leftInFlight += 1;
      const activity = this.#of(activityKey(exchange.site, exchange.activityIdentifier ?? ''));
      const until = exchange.sentAt + FUZZ_TIMEOUT_MS + LANDING_MARGIN_MS;
      if (until > activity.notBefore) {
        activity.notBefore = until;
        activity.notBeforeOf = `a closed tab's toggle sent at ${exchange.sentAt}`;
      }
    }
  }

  /**
   * Once every open tab has settled (and a fresh tab has taken over what closed tabs left): no
   * intent is left stored; whenever no run failed and nobody else changed it since, the server is
   * where the user's last click, in whichever tab, said; and every open tab's views show the
   * server's state unless one shows why not.
   */
  checkEnd(
    server: (key: string) => ActivityStatus | undefined,
    viewsPerTab: readonly Map<string, WidgetView[]>[],
    storedIntents: readonly string[],
  ): void {
    for (const stored of storedIntents) this.#violation(`an intent is left stored: ${stored}`);
    const keys = new Set([
      ...this.#activities.keys(),
      ...viewsPerTab.flatMap((views) => [...views.keys()]),
    ]);
    for (const key of keys) {
      const activity = this.#of(key);
      const status = server(key);
      const { intent } = activity;
      if (
        intent !== undefined &&
        !activity.failedSince &&
        !activity.changedSince &&
        isCompleted(status) !== intent
      ) {
        const queued = activity.queuedElsewhere.includes(isCompleted(status));
        this.#violation(
          queued
            ? `${key}: the server ends at ${status}, the intent of a turn another tab had queued before the last click, which asked for ${intent ? 'completed' : 'not completed'}`
            : `${key}: the server ends at ${status}, the last click (in any tab) asked for ${intent ? 'completed' : 'not completed'}`,
        );
      }
      const views = viewsPerTab.flatMap((tab) => tab.get(key) ?? []);
      if (views.some((view) => view.busy)) this.#violation(`${key}: busy once all settled`);
      const explained =
        views.some((view) => view.error !== undefined) ||
        activity.changedSince ||
        activity.staleSince;
      if (!explained && views.some((view) => view.completed !== isCompleted(status))) {
        this.#violation(
          `${key}: the tabs show ${JSON.stringify(views)} once settled, the server has ${status}`,
        );
      }
    }
  }
}
