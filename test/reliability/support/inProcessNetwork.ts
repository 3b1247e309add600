import type { FakeWebApi } from '../../../src/testing/index.js';

/** What the client got back for one request, as seen on the wire. */
export type ExchangeOutcome =
  | { kind: 'pending' }
  | { kind: 'response'; status: number; body: string }
  | { kind: 'dropped' }
  | { kind: 'aborted' };

/** One request through {@link InProcessNetwork}. */
export interface Exchange {
  activityIdentifier: string | undefined;
  outcome: ExchangeOutcome;
  /** The fake applied a toggle while handling it (its outcome may still be unknown). */
  applied: boolean;
}

export interface NetworkObserver {
  onRequest(exchange: Exchange): void;
  onOutcome(exchange: Exchange): void;
}

/**
 * A `fetch` that hands each request straight to `fake.handle` in-process: no sockets, so the
 * fuzz runs fast and, under fake timers, deterministically. A dropped connection rejects like
 * `fetch` does (`TypeError: fetch failed`); an aborted request rejects at once with the
 * signal's reason, and the fake sees the abort through `request.signal` and drops it unapplied.
 */
export class InProcessNetwork {
  readonly #fake: FakeWebApi;
  readonly #observer: NetworkObserver;
  #inFlight = 0;

  constructor(fake: FakeWebApi, observer: NetworkObserver) {
    this.#fake = fake;
    this.#observer = observer;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  readonly fetch: typeof globalThis.fetch = async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const activityIdentifier = await identifierIn(request.clone());
    const exchange: Exchange = { activityIdentifier, outcome: { kind: 'pending' }, applied: false };
    const appliedBefore = this.#toggleCount(activityIdentifier);
    this.#inFlight += 1;
    this.#observer.onRequest(exchange);
    const finish = (outcome: ExchangeOutcome) => {
      if (exchange.outcome.kind !== 'pending') return;
      exchange.outcome = outcome;
      exchange.applied = this.#toggleCount(activityIdentifier) > appliedBefore;
      this.#inFlight -= 1;
      this.#observer.onOutcome(exchange);
    };
    const handled = this.#fake.handle(request);
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

  #toggleCount(activityIdentifier: string | undefined): number {
    return activityIdentifier === undefined ? 0 : this.#fake.toggleCount(activityIdentifier);
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
