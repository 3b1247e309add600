import { browserConnectivity, type Connectivity } from './connectivity.js';
import { browserIntentStore, type IntentStore, memoryIntentStore } from './intentStore.js';
import { browserTabChannel, type TabChannel } from './tabChannel.js';
import { browserTabLocks, type TabLocks } from './tabLocks.js';

/** The browser facilities the lanes use, each replaceable by an in-memory stand-in. */
export interface Platform {
  locks: TabLocks;
  channel: TabChannel;
  intents: IntentStore;
  connectivity: Connectivity;
}

/** The real browser's facilities, each falling back to per-tab behaviour where it is missing. */
export function browserPlatform(): Platform {
  return {
    locks: browserTabLocks(),
    channel: browserTabChannel(),
    intents: browserIntentStore(),
    connectivity: browserConnectivity(),
  };
}

/** A tab of its own: no other tabs, nothing stored beyond it, always online. */
export function isolatedPlatform(): Platform {
  return {
    locks: { tab: 'isolated', run: (_name, _wait, task) => task(), isAlive: async () => false },
    channel: { post: () => undefined, listen: () => () => undefined },
    intents: memoryIntentStore(),
    connectivity: { online: () => true, leaving: () => false, whenOnline: async () => undefined },
  };
}
