import type { ActivityStatus } from '../../client/activityStatus.js';

/** What one tab tells the others about an activity (never a credential). */
export interface TabMessage {
  site: string;
  activityIdentifier: string;
  status: ActivityStatus | undefined;
  pending: boolean;
  checking: boolean;
  queued: boolean;
  /** The server's last word in the sending tab, if it just heard one. */
  confirmed?: ActivityStatus | undefined;
  /** When `confirmed` was told (ms since the epoch): a word any tab heard later makes it stale. */
  confirmedAt?: number | undefined;
  error?:
    | { name: string; message: string; outcomeUnknown: boolean; status?: ActivityStatus }
    | undefined;
}

/** The page's line to its other tabs (BroadcastChannel); a no-op where there is none. */
export interface TabChannel {
  post(message: TabMessage): void;
  listen(listener: (message: TabMessage) => void): () => void;
}

const CHANNEL = 'superoffice-activity-react/v1';

export function browserTabChannel(): TabChannel {
  if (typeof BroadcastChannel === 'undefined') {
    return { post: () => undefined, listen: () => () => undefined };
  }
  let channel: BroadcastChannel | undefined;
  const listeners = new Set<(message: TabMessage) => void>();
  // Opened on first use, so a page that never shows an activity opens nothing.
  const open = () => {
    if (!channel) {
      channel = new BroadcastChannel(CHANNEL);
      channel.onmessage = (event: MessageEvent<TabMessage>) => {
        for (const listener of listeners) listener(event.data);
      };
    }
    return channel;
  };
  return {
    post: (message) => open().postMessage(message),
    listen(listener) {
      open();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
