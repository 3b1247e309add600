import type { FakeWebApi } from '../../src/testing/index.js';

/**
 * The stories' connection, which the toolbar's Connection switch sets (connectionGlobal.ts).
 *
 * Offline, the library sees the browser offline (`navigator.onLine` is false and `offline` has
 * fired) and the fake WebAPI fails every request as a network error, as `fetch` does offline;
 * each such request is recorded ({@link refusedWhileOffline}). Online again, `online` fires. A
 * page cannot take its own network down (no DevTools from inside it), so this shadows
 * `navigator.onLine`; the Playwright tests use `context.setOffline(true)` for the real thing.
 *
 * Frames of this page held by a story (Tabs → Two tabs) follow it: one browser, one connection.
 */

/** What a page shares with the same-origin frames it holds. */
interface PageConnection {
  offline(): boolean;
  follow(offline: boolean): void;
  refuse(fake: FakeWebApi, url: string): void;
}

const KEY = '__superOfficeActivityStoryConnection';
type WithConnection = Window & { [KEY]?: PageConnection };

// Still shadowed after a hot update of this module: the page is still offline.
let offline = Object.hasOwn(navigator, 'onLine');
const refused = new WeakMap<FakeWebApi, string[]>();
const listeners = new Set<() => void>();

/** The connection of the page holding this frame, if a story holds it (and it may be reached). */
function hostConnection(): PageConnection | undefined {
  if (window.parent === window) return undefined;
  try {
    return (window.parent as WithConnection)[KEY];
  } catch {
    return undefined; // another origin
  }
}

function follow(next: boolean): void {
  if (next === offline) return;
  offline = next;
  if (next) Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  // Back to the browser's own getter on Navigator.prototype.
  else delete (navigator as { onLine?: boolean }).onLine;
  window.dispatchEvent(new Event(next ? 'offline' : 'online'));
  for (let index = 0; index < window.frames.length; index += 1) {
    try {
      (window.frames[index] as WithConnection)[KEY]?.follow(next);
    } catch {
      // another origin: not ours to switch
    }
  }
  for (const listener of listeners) listener();
}

function refuse(fake: FakeWebApi, url: string): void {
  const host = hostConnection();
  if (host) {
    host.refuse(fake, url); // the page counts its frames' requests: they are its fake's
    return;
  }
  refused.set(fake, [...(refused.get(fake) ?? []), url]);
  for (const listener of listeners) listener();
}

(window as WithConnection)[KEY] = { offline: () => offline, follow, refuse };
// A frame opened while its page is offline starts offline, as a new tab would.
follow(hostConnection()?.offline() ?? offline);

/**
 * Takes this page (and the frames it holds) offline or back online. In a frame held by a story,
 * nothing: the frame follows its page.
 *
 * @example
 * setOffline(context.globals.connection === 'offline');
 */
export function setOffline(next: boolean): void {
  if (!hostConnection()) follow(next);
}

/** Whether the stories' connection is down. */
export function isOffline(): boolean {
  return offline;
}

/** Calls `listener` when the connection goes down or up, or a request is refused offline. */
export function subscribeConnection(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * While offline, records that a request for `fake` was attempted and returns true: the caller
 * then fails it as a network error. Online, false.
 *
 * @example
 * if (refuseIfOffline(fake, request.url)) throw new TypeError('Failed to fetch');
 */
export function refuseIfOffline(fake: FakeWebApi, url: string): boolean {
  if (!offline) return false;
  refuse(fake, url);
  return true;
}

/** The URLs of the requests for `fake` that were attempted while offline (and failed). */
export function refusedWhileOffline(fake: FakeWebApi): readonly string[] {
  return refused.get(fake) ?? [];
}
