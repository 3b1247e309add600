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

/**
 * A `fetch` that hands each request straight to the fake of its site (by origin), in-process:
 * no sockets, so the fuzz runs fast and, under fake timers, deterministically. A dropped
 * connection rejects like `fetch` does (`TypeError: fetch failed`); an aborted request rejects at
 * once with the signal's reason, and the fake sees the abort through `request.signal` and drops
 * it unapplied.
 */
export class InProcessNetwork {
  readonly #fakes: ReadonlyMap<string, { fake: FakeWebApi; site: number }>;
  readonly #observer: NetworkObserver;
  #inFlight = 0;

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

  readonly fetch: typeof globalThis.fetch = async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const target = this.#fakes.get(url.origin);
    if (!target) throw new TypeError(`fetch failed: no fake site at ${url.origin}`);
    const apiPath = apiPathOf(url.pathname);
    const route = apiPath === undefined ? undefined : routeOf(request.method, apiPath);
    const exchange: Exchange = {
      site: target.site,
      endpoint: route?.endpoint ?? 'other',
      activityIdentifier:
        route?.endpoint === 'read' ? route.activityIdentifier : await identifierIn(request.clone()),
      outcome: { kind: 'pending' },
      stated: undefined,
    };
    this.#inFlight += 1;
    this.#observer.onRequest(exchange);
    const finish = (outcome: ExchangeOutcome) => {
      if (exchange.outcome.kind !== 'pending') return;
      exchange.outcome = outcome;
      if (outcome.kind === 'response') exchange.stated = statedIn(exchange.endpoint, outcome);
      this.#inFlight -= 1;
      this.#observer.onOutcome(exchange);
    };
    const handled = target.fake.handle(request);
    const aborted = new Promise<never>((_, reject) => {
      const onAbort = () => reject(request.signal.reason);
      if (request.signal.aborted) onAbort();
      else request.signal.addEventListener('abort', onAbort, { once: true });
    });
    aborted.catch(() => finish({ kind: 'aborted' }));
    const outcome = await Promise.race([handled, aborted]);
    if ('dropped' in outcome) {
      finish({ kind: 'dropped' });
      throw new TypeError('fetch failed');
    }
    const body = await outcome.clone().text();
    finish({ kind: 'response', status: outcome.status, body });
    return outcome;
  };
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
