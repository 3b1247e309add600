import { type ActivityStatus, isActivityStatus } from '../../client/activityStatus.js';

/** An intent written down before its first toggle, so that a reload or a closed tab keeps it. */
export interface StoredIntent {
  site: string;
  activityIdentifier: string;
  completed: boolean;
  /** When the user asked (ms since the epoch). */
  at: number;
  /** When its last toggle was sent: it may still land until this plus the timeout. */
  sentAt?: number | undefined;
  /** The tab that carries it out; while that tab lives, no other tab takes it over. */
  tab: string;
}

/** What a toggle's sender learnt, for the tab that takes the activity's turn next. */
export type Heard = ActivityStatus | 'unknown';

/**
 * Intents and the last word heard per activity, in storage (localStorage) that every tab reads
 * synchronously; where storage is blocked, they live as long as the tab.
 */
export interface IntentStore {
  save(intent: StoredIntent): void;
  remove(site: string, activityIdentifier: string): void;
  all(): StoredIntent[];
  /**
   * Written by the tab holding the activity's lock, before it lets go; `clickedAt`: when the
   * click its turn carried out was made, if the turn reached it.
   */
  heard(site: string, activityIdentifier: string, what: Heard, clickedAt?: number): void;
  /** What a tab heard after `since` (ms since the epoch), if anything. */
  heardSince(site: string, activityIdentifier: string, since: number): Heard | undefined;
  /** When the click carried out by the turn that wrote the newest word was made, if it was. */
  clickCarriedOut(site: string, activityIdentifier: string): number | undefined;
  /** Drops intents and words heard before `before` (ms since the epoch). */
  prune(before: number): void;
}

const PREFIX = 'superoffice-activity-react/intent/';
const HEARD_PREFIX = 'superoffice-activity-react/heard/';

export function browserIntentStore(): IntentStore {
  const storage = usableLocalStorage();
  if (!storage) return memoryIntentStore();
  return {
    save: (intent) => {
      try {
        storage.setItem(keyOf(intent.site, intent.activityIdentifier), JSON.stringify(intent));
      } catch {
        // Full or blocked now: the intent is still carried out by this tab.
      }
    },
    remove: (site, activityIdentifier) => storage.removeItem(keyOf(site, activityIdentifier)),
    heard: (site, activityIdentifier, what, clickedAt) => {
      try {
        storage.setItem(
          `${HEARD_PREFIX}${site} ${activityIdentifier}`,
          `${Date.now()} ${what} ${clickedAt ?? ''}`,
        );
      } catch {
        // Blocked now: other tabs then read before they toggle anyway.
      }
    },
    heardSince: (site, activityIdentifier, since) => {
      const [at, what] = (
        storage.getItem(`${HEARD_PREFIX}${site} ${activityIdentifier}`) ?? ''
      ).split(' ');
      return Number(at) > since && (what === 'unknown' || isActivityStatus(what))
        ? what
        : undefined;
    },
    clickCarriedOut: (site, activityIdentifier) => {
      const text = storage.getItem(`${HEARD_PREFIX}${site} ${activityIdentifier}`) ?? '';
      return Number(text.split(' ')[2]) || undefined;
    },
    prune: (before) => {
      for (const key of ownKeys(storage)) {
        const text = storage.getItem(key) ?? '';
        const at = key.startsWith(HEARD_PREFIX) ? Number(text.split(' ')[0]) : parse(text)?.at;
        if (!(Number(at) >= before)) storage.removeItem(key);
      }
    },
    all: () => {
      const intents: StoredIntent[] = [];
      for (const key of ownKeys(storage)) {
        const intent = key.startsWith(PREFIX) ? parse(storage.getItem(key)) : undefined;
        if (intent) intents.push(intent);
      }
      return intents;
    },
  };
}

export function memoryIntentStore(): IntentStore {
  const intents = new Map<string, StoredIntent>();
  const heard = new Map<string, { at: number; what: Heard; clickedAt?: number | undefined }>();
  return {
    heard: (site, activityIdentifier, what, clickedAt) =>
      heard.set(`${site} ${activityIdentifier}`, { at: Date.now(), what, clickedAt }),
    heardSince: (site, activityIdentifier, since) => {
      const entry = heard.get(`${site} ${activityIdentifier}`);
      return entry && entry.at > since ? entry.what : undefined;
    },
    clickCarriedOut: (site, activityIdentifier) =>
      heard.get(`${site} ${activityIdentifier}`)?.clickedAt,
    save: (intent) => intents.set(keyOf(intent.site, intent.activityIdentifier), intent),
    remove: (site, activityIdentifier) => intents.delete(keyOf(site, activityIdentifier)),
    all: () => [...intents.values()],
    prune: (before) => {
      for (const [key, intent] of intents) if (intent.at < before) intents.delete(key);
      for (const [key, entry] of heard) if (entry.at < before) heard.delete(key);
    },
  };
}

function ownKeys(storage: Storage): string[] {
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index);
    if (key?.startsWith(PREFIX) || key?.startsWith(HEARD_PREFIX)) keys.push(key);
  }
  return keys;
}

function keyOf(site: string, activityIdentifier: string): string {
  return `${PREFIX}${site} ${activityIdentifier}`;
}

function usableLocalStorage(): Storage | undefined {
  try {
    // Throws in sandboxed and some partitioned third-party iframes.
    const storage = globalThis.localStorage;
    storage?.length;
    return storage ?? undefined;
  } catch {
    return undefined;
  }
}

function parse(text: string | null): StoredIntent | undefined {
  try {
    const value = JSON.parse(text ?? '') as Partial<StoredIntent>;
    const valid =
      typeof value.site === 'string' &&
      typeof value.activityIdentifier === 'string' &&
      typeof value.completed === 'boolean' &&
      typeof value.at === 'number' &&
      typeof value.tab === 'string';
    return valid ? (value as StoredIntent) : undefined;
  } catch {
    return undefined;
  }
}
