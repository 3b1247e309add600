import { vi } from 'vitest';
import type { ActivityStatus } from '../../../src/client/activityStatus.js';
import type { SuperOfficeError } from '../../../src/client/errors/SuperOfficeError.js';
import type { Platform } from '../../../src/core/browser/platform.js';
import type { TabMessage } from '../../../src/core/browser/tabChannel.js';

type Library = typeof import('../../../src/index.js');
type ActivityLanes = typeof import('../../../src/core/activityLanes.js')['activityLanes'];

/** What a tab's library tells the fuzz about its own runs (not what it heard from other tabs). */
export interface RunHooks {
  /** A want reached the activity's lane: a click, or (`resumed`) an intent a closed tab left. */
  onWant(site: string, activityIdentifier: string, completed: boolean, resumed: boolean): void;
  /** The tab's own run of the activity settled, with its error if it failed. */
  onSettled(site: string, activityIdentifier: string, error: SuperOfficeError | undefined): void;
}

/**
 * One copy of the library, as one page load of a tab has it: its own module instances, so its
 * own page-wide `activityLanes`, over a platform plugged in per tab.
 */
export interface TabLibrary {
  lib: Library;
  lanes: ActivityLanes;
  /** Whether the tab's own run of the activity is unsettled. */
  ownRun(site: string, activityIdentifier: string): boolean;
  /** Points the copy at a tab's browser facilities and its fuzz hooks. */
  plug(platform: Platform, hooks: RunHooks): void;
}

// The platform the next copy's `browserPlatform()` hands out: each copy asks once, when loaded.
let loading: Platform | undefined;
vi.doMock('../../../src/core/browser/platform.js', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  browserPlatform: () => loading,
}));

const pool: TabLibrary[] = [];

/**
 * A copy of the library for a tab being loaded. Copies are costly (a module graph each), so one
 * whose tab closed with nothing unsettled is used again; one left with a run in flight is not.
 */
export async function loadTabLibrary(platform: Platform, hooks: RunHooks): Promise<TabLibrary> {
  const reused = pool.pop();
  if (reused) {
    reused.plug(platform, hooks);
    return reused;
  }
  const socket = new PlatformSocket();
  vi.resetModules();
  loading = socket;
  const lib = await import('../../../src/index.js');
  const { activityLanes } = await import('../../../src/core/activityLanes.js');
  const { ActivityLane } = await import('../../../src/core/ActivityLane.js');
  void activityLanes.platform; // asked now, while `loading` is this copy's
  loading = undefined;

  let current = hooks;
  const runs = new WeakMap<object, Promise<ActivityStatus>>();
  const want = ActivityLane.prototype.want;
  ActivityLane.prototype.want = function (this: InstanceType<typeof ActivityLane>, ...args) {
    const { site, activityIdentifier } = this;
    const before = runs.get(this);
    // Only a resumed intent waits for a time (rule 13).
    current.onWant(site, activityIdentifier, args[0], args[1].notBefore !== undefined);
    const outcome = want.apply(this, args);
    if (outcome !== before) {
      runs.set(this, outcome);
      const hooksOfRun = current;
      const settled = (error: SuperOfficeError | undefined) => {
        if (runs.get(this) === outcome) runs.delete(this);
        hooksOfRun.onSettled(site, activityIdentifier, error);
      };
      outcome.then(
        () => settled(undefined),
        (error: SuperOfficeError) => settled(error),
      );
    }
    return outcome;
  };
  const library: TabLibrary = {
    lib,
    lanes: activityLanes,
    ownRun: (site, activityIdentifier) => {
      const lane = activityLanes.find(site, activityIdentifier);
      return lane !== undefined && runs.has(lane);
    },
    plug: (next, nextHooks) => {
      socket.plug(next);
      current = nextHooks;
    },
  };
  library.plug(platform, hooks);
  return library;
}

/** Keeps a copy for the next tab if its page left nothing behind. */
export function unloadTabLibrary(library: TabLibrary): void {
  if (library.lanes.size !== 0) return;
  library.lanes.forgetEvidence();
  pool.push(library);
}

/** A platform that forwards to the tab it is plugged into, so a copy can serve another tab. */
class PlatformSocket implements Platform {
  #tab: Platform | undefined;
  #listener: ((message: TabMessage) => void) | undefined;
  #unlisten: (() => void) | undefined;

  plug(tab: Platform): void {
    this.#unlisten?.();
    this.#tab = tab;
    this.#unlisten = this.#listener && tab.channel.listen(this.#listener);
  }

  get #plugged(): Platform {
    if (!this.#tab) throw new Error('No tab plugged in');
    return this.#tab;
  }

  readonly locks: Platform['locks'];

  constructor() {
    const plugged = () => this.#plugged;
    this.locks = {
      run: (name, wait, task) => plugged().locks.run(name, wait, task),
      isAlive: (tab) => plugged().locks.isAlive(tab),
      get tab(): string {
        return plugged().locks.tab;
      },
    };
  }

  readonly channel: Platform['channel'] = {
    post: (message) => this.#plugged.channel.post(message),
    listen: (listener) => {
      this.#listener = listener;
      this.#unlisten = this.#tab?.channel.listen(listener);
      return () => {
        this.#listener = undefined;
        this.#unlisten?.();
      };
    },
  };

  readonly intents: Platform['intents'] = {
    save: (intent) => this.#plugged.intents.save(intent),
    remove: (site, id) => this.#plugged.intents.remove(site, id),
    all: () => this.#plugged.intents.all(),
    heard: (site, id, what, clickedAt) => this.#plugged.intents.heard(site, id, what, clickedAt),
    heardSince: (site, id, since) => this.#plugged.intents.heardSince(site, id, since),
    clickCarriedOut: (site, id) => this.#plugged.intents.clickCarriedOut(site, id),
    prune: (before) => this.#plugged.intents.prune(before),
  };

  readonly connectivity: Platform['connectivity'] = {
    online: () => this.#plugged.connectivity.online(),
    leaving: () => this.#plugged.connectivity.leaving(),
    whenOnline: () => this.#plugged.connectivity.whenOnline(),
  };
}
