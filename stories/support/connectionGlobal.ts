import { UPDATE_GLOBALS } from 'storybook/internal/core-events';
import { addons, useGlobals } from 'storybook/preview-api';
import { setOffline } from './storyConnection.js';

/** The toolbar's Connection switch: a Storybook global, `'online'` or `'offline'`. */
export const CONNECTION_GLOBAL = 'connection';
export type ConnectionGlobal = 'online' | 'offline';

type Globals = Record<string, unknown>;

// The global's latest value. A render's context holds the globals of when it began, which a
// click since (the toolbar, or a story's own switch mid-play) may have changed.
let wantsOffline = false;
const followedChannels = new WeakSet<object>();

function offlineIn(globals: Globals): boolean {
  return globals[CONNECTION_GLOBAL] === 'offline';
}

/**
 * Storybook beforeAll: the page follows the global the moment it changes, from the toolbar or a
 * story's own switch ({@link useSwitchConnection}), even while a play function runs. Storybook
 * renders the story again as well; under Vitest nothing does, and this is what a play
 * function's click reaches.
 */
export function followConnectionGlobal(): void {
  const channel = addons.getChannel();
  if (followedChannels.has(channel)) return;
  followedChannels.add(channel);
  channel.on(UPDATE_GLOBALS, ({ globals }: { globals: Globals }) => {
    if (!(CONNECTION_GLOBAL in globals)) return;
    wantsOffline = offlineIn(globals);
    setOffline(wantsOffline);
  });
}

/**
 * When a story is mounted: the page takes the global, except that a story whose play function
 * is about to run starts online, so play functions are deterministic.
 */
export function startConnection(globals: Globals, playsFirst: boolean): void {
  wantsOffline = offlineIn(globals);
  setOffline(wantsOffline && !playsFirst);
}

/** After every render (after the play function, if any): the page takes the global. */
export function applyConnectionGlobal(): void {
  setOffline(wantsOffline);
}

/**
 * For a story's render function (a Storybook hook, not a React one): sets the global, as the
 * toolbar does.
 *
 * @example
 * render: () => <ConnectionSwitch onSwitch={useSwitchConnection()} />
 */
export function useSwitchConnection(): (connection: ConnectionGlobal) => void {
  const [, updateGlobals] = useGlobals();
  return (connection) => updateGlobals({ [CONNECTION_GLOBAL]: connection });
}
