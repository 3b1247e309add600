import type { ActivityStatus, FakeWebApi } from '../../../src/testing/index.js';
import { apiPathOf, routeOf } from '../../../src/testing/webApiRoutes.js';

/** What the client got back for one request, as seen on the wire. */
export type ExchangeOutcome =
  | { kind: 'pending' }
  | { kind: 'response'; status: number; body: string }
  | { kind: 'dropped' }
  | { kind: 'aborted' };

/** One request through {@link InProcessNetwork}. */
export interface Exchange {
  /** Which fake (site) it went to. */
  site: number;
  /** The tab that sent it. */
  tab: NetworkTab;
  /** When it was sent (virtual ms since the epoch). */
  sentAt: number;
  endpoint: 'toggle' | 'read' | 'other';
  activityIdentifier: string | undefined;
  outcome: ExchangeOutcome;
  /** The status the answer stated (a toggle's answer, a read's `Completed`), if any. */
  stated: ActivityStatus | undefined;
}

export interface NetworkObserver {
  onRequest(exchange: Exchange): void;
  onOutcome(exchange: Exchange): void;
}

/** A tab of the page: what it sends is observed by its own model, and ends with the tab. */
export interface NetworkTab {
  observer: NetworkObserver;
  /** Whether the tab is still open: a closed tab's page hears nothing more. */
  alive(): boolean;
}

/**
 * A `fetch` that hands each request straight to the fake of its site (by origin), in-process:
 * no sockets, so the fuzz runs fast and, under fake timers, deterministically. A dropped
 * connection rejects like `fetch` does (`TypeError: fetch failed`); an aborted request rejects at
 * once with the signal's reason, and the fake sees the abort through `request.signal` and drops
 * it unapplied. Each tab sends through {@link InProcessNetwork.fetchFor}: when a tab closes, what it
 * has in flight goes on at the server (applied, as a server does with a request it has received)
 * but its answer reaches no one, and the closed tab reaches the server no more.
 */
export class InProcessNetwork {
  readonly #fakes: ReadonlyMap<string, { fake: FakeWebApi; site: number }>;
  /** Sees every tab's requests, before the sending tab's own observer. */
  readonly #observer: NetworkObserver;
  #inFlight = 0;
  /** The browser's connection: while offline, a request fails at once, as `fetch` does. */
  online = true;

  /** `fakes`: origin → the fake that answers it. */
  constructor(
    fakes: ReadonlyMap<string, { fake: FakeWebApi; site: number }>,
    observer: NetworkObserver,
  ) {
    this.#fakes = fakes;
    this.#observer = observer;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /** The `fetch` of one tab. */
  fetchFor(tab: NetworkTab): typeof globalThis.fetch {
    return (input, init) =>
      this.#send(tab, input instanceof Request ? input : new Request(input, init));
  }

  async #send(tab: NetworkTab, request: Request): Promise<Response> {
    // A closed tab's page runs nothing: whatever of it still tries to send goes nowhere.
    if (!tab.alive()) return new Promise<never>(() => undefined);
    const url = new URL(request.url);
    const target = this.#fakes.get(url.origin);
    if (!target) throw new TypeError(`fetch failed: no fake site at ${url.origin}`);
    const apiPath = apiPathOf(url.pathname);
    const route = apiPath === undefined ? undefined : routeOf(request.method, apiPath);
    const exchange: Exchange = {
      site: target.site,
      tab,
      sentAt: Date.now(),
      endpoint: route?.endpoint ?? 'other',
      activityIdentifier:
        route?.endpoint === 'read' ? route.activityIdentifier : await identifierIn(request.clone()),
      outcome: { kind: 'pending' },
      stated: undefined,
    };
    this.#inFlight += 1;
    this.#observer.onRequest(exchange);
    tab.observer.onRequest(exchange);
    const finish = (outcome: ExchangeOutcome) => {
      if (exchange.outcome.kind !== 'pending') return;
      exchange.outcome = outcome;
      if (outcome.kind === 'response') exchange.stated = statedIn(exchange.endpoint, outcome);
      this.#inFlight -= 1;
      this.#observer.onOutcome(exchange);
      tab.observer.onOutcome(exchange);
    };
    if (!this.online) {
      finish({ kind: 'dropped' });
      throw new TypeError('fetch failed: offline');
    }
    // The server sees the client's abort only while the tab lives: a closed tab's request goes on.
    const serverSide = new AbortController();
    const handled = target.fake.handle(new Request(request, { signal: serverSide.signal }));
    const aborted = new Promise<never>((_, reject) => {
      const onAbort = () => {
        if (!tab.alive()) return;
        serverSide.abort(request.signal.reason);
        reject(request.signal.reason);
      };
      if (request.signal.aborted) onAbort();
      else request.signal.addEventListener('abort', onAbort, { once: true });
    });
    aborted.catch(() => finish({ kind: 'aborted' }));
    const outcome = await Promise.race([handled, aborted]);
    if ('dropped' in outcome) finish({ kind: 'dropped' });
    else finish({ kind: 'response', status: outcome.status, body: await outcome.clone().text() });
    // A closed tab's page is gone: the answer reaches no one.
    if (!tab.alive()) return new Promise<never>(() => undefined);
    if ('dropped' in outcome) throw new TypeError('fetch failed');
    return outcome;
  }
}

async function identifierIn(request: Request): Promise<string | undefined> {
  try {
    const parsed: unknown = JSON.parse(await request.text());
    const identifier = (parsed as { ActivityIdentifier?: unknown } | null)?.ActivityIdentifier;
    return typeof identifier === 'string' ? identifier : undefined;
  } catch {
    return undefined;
  }
}

const STATUSES: readonly string[] = ['NotStarted', 'Started', 'Completed'];

/** A status the server stated: `Unknown` and malformed bodies state nothing. */
function statedIn(
  endpoint: Exchange['endpoint'],
  { status, body }: { status: number; body: string },
): ActivityStatus | undefined {
  if (status !== 200) return undefined;
  try {
    const value: unknown = JSON.parse(body);
    const stated =
      endpoint === 'read' ? (value as { Completed?: unknown } | null)?.Completed : value;
    return STATUSES.includes(stated as string) ? (stated as ActivityStatus) : undefined;
  } catch {
    return undefined;
  }
}
