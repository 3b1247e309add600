import { useSyncExternalStore } from 'react';
import type { ConnectionGlobal } from './connectionGlobal.js';
import { isOffline, subscribeConnection } from './storyConnection.js';

/**
 * The toolbar's Connection switch, inside a story so a play function can click it: "Offline",
 * pressed while the page is offline. It sets the same `connection` global as the toolbar
 * (`useSwitchConnection`), so the toolbar follows.
 *
 * @example
 * render: () => <ConnectionSwitch onSwitch={useSwitchConnection()} />
 */
export function ConnectionSwitch({
  onSwitch,
}: {
  onSwitch: (connection: ConnectionGlobal) => void;
}) {
  const offline = useSyncExternalStore(subscribeConnection, isOffline);
  return (
    <div role="toolbar" aria-label="Connection" style={{ display: 'flex', gap: 12 }}>
      <button
        type="button"
        aria-pressed={offline}
        onClick={() => onSwitch(offline ? 'online' : 'offline')}
      >
        Offline
      </button>
    </div>
  );
}
