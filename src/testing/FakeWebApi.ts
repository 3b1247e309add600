import type { ActivityKind } from '../client/activityIdentifier.js';
import { parseActivityIdentifier } from '../client/activityIdentifier.js';
import type { ActivityStatus } from '../client/activityStatus.js';
import { isActivityStatus } from '../client/activityStatus.js';
import type { FakeCredentials } from './fakeCredentials.js';
import { FAKE_CREDENTIALS, isAuthenticated } from './fakeCredentials.js';
import type { FakeFault } from './fakeFaults.js';
import { FaultQueue, faultAnswer } from './fakeFaults.js';
import type { FakeAnswer } from './superOfficeAnswers.js';
import {
  activityStatusAnswer,
  isJsonContentType,
  superOfficeError,
  toResponse,
} from './superOfficeAnswers.js';
import { nextActivityStatus } from './toggleRules.js';
import { sleepUnlessAborted, waitUnlessAborted } from './waiting.js';

/**
 * How a {@link FakeWebApi} starts out (and what {@link FakeWebApi.reset} restores).
 *
 * @example
 * new FakeWebApi({ activities: { 'appointment_id=1': 'NotStarted' }, latencyMs: 300 });
 */
export interface FakeWebApiOptions {
  /** The server-side state: activity identifier (`"appointment_id=1"`) → status. */
  activities?: Record<string, ActivityStatus>;
  /** The `Functions/ThreeStateStatusCheckbox` preference: appointments pass through `Started`. */
  threeStateAppointments?: boolean;
  /** Credentials to accept; each key given replaces the default list for that scheme. */
  credentials?: Partial<FakeCredentials>;
  /** Delay before every answer, fixed or drawn per request. */
  latencyMs?: number | (() => number);
  /** Fraction (0–1) of toggle requests answered with a simulated 500. */
  failureRate?: number;
  /** The random source for `failureRate`; inject one to make failures predictable. */
  random?: () => number;
}

/**
 * The answer a recorded request got.
 *
 * @example
 * const { status, body } = fake.requests[0].response as RecordedResponse;
 */
export interface RecordedResponse {
  status: number;
  body: string;
}

/**
 * One request as the fake saw it. `response` is `'pending'` while the request waits (latency,
 * {@link FakeWebApi.hold}) and `'dropped'` when the connection was dropped or the client aborted.
 *
 * @example
 * expect(fake.requests[0]?.headers.authorization).toBe('Bearer fake-bearer-token');
 */
export interface RecordedRequest {
  method: string;
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
  /** The body's `ActivityIdentifier` as sent, valid or not; `undefined` when there is none. */
  activityIdentifier: string | undefined;
  response: RecordedResponse | 'dropped' | 'pending';
}

/**
 * What {@link FakeWebApi.handle} decided: a response, or that the connection drops unanswered.
 *
 * @example
 * const outcome = await fake.handle(request);
 * if ('dropped' in outcome) socket.destroy();
 */
export type FakeOutcome = Response | { dropped: true };

interface Hold {
  enter(): Promise<void>;
  release(): void;
}

type Rejection = { answer: FakeAnswer };
type Accepted = { identifier: string; kind: ActivityKind };

const TOGGLE_PATH = /\/api\/v1\/agents\/appointment\/toggleactivity\/?$/i;
const DROPPED = 'dropped';

/**
 * An in-memory model of SuperOffice's `POST /api/v1/Agents/Appointment/ToggleActivity`: it
 * authenticates, validates and toggles like the real server, records every request, and can be
 * told to be slow, fail or drop connections. It speaks Fetch `Request`/`Response`, so the same
 * model serves MSW ({@link createFakeWebApiHandlers}) and a real HTTP server
 * ({@link startFakeWebApiServer}).
 *
 * @example
 * const fake = new FakeWebApi({ activities: { 'appointment_id=1': 'NotStarted' } });
 * const server = setupServer(...createFakeWebApiHandlers(fake));
 * // … click the checkbox …
 * expect(fake.status('appointment_id=1')).toBe('Completed');
 */
export class FakeWebApi {
  #store = new Map<string, ActivityStatus>();
  #threeStateAppointments = false;
  #credentials: FakeCredentials = FAKE_CREDENTIALS;
  #latency: number | (() => number) = 0;
  #failureRate = 0;
  #random: () => number = Math.random;
  #faults = new FaultQueue();
  #requests: readonly RecordedRequest[] = [];
  #applied = new Map<string, number>();
  #listeners = new Set<(request: RecordedRequest) => void>();
  #hold: Hold | undefined;
  // Bodies are read concurrently but recorded in the order requests arrived.
  #arrivals: Promise<unknown> = Promise.resolve();

  constructor(options: FakeWebApiOptions = {}) {
    this.reset(options);
  }

  /**
   * Answers one request. Never rejects: a client that goes away is recorded as dropped.
   *
   * @example
   * const outcome = await fake.handle(new Request(url, { method: 'POST', headers, body }));
   */
  async handle(request: Request): Promise<FakeOutcome> {
    const gate = this.#hold?.enter();
    const bodyRead = request.text().catch(() => undefined);
    const arrival = this.#arrivals.then(() => bodyRead);
    this.#arrivals = arrival;
    const body = await arrival;
    const record = this.#recordArrival(request, body ?? '');
    const isToggle = request.method === 'POST' && TOGGLE_PATH.test(new URL(request.url).pathname);
    // Claimed on arrival, so "the next request" means the next one sent, even while held.
    const fault = isToggle ? this.#faults.take(record.activityIdentifier) : undefined;
    const outcome =
      body === undefined ? DROPPED : await this.#process(request, record, isToggle, fault, gate);
    this.#recordOutcome(record, outcome);
    return outcome === DROPPED ? { dropped: true } : toResponse(outcome);
  }

  /**
   * The activity's current server-side status; `undefined` for an id the server does not know.
   *
   * @example
   * fake.status('sale_id=7'); // 'Started'
   */
  status(activityIdentifier: string): ActivityStatus | undefined {
    return this.#store.get(activityIdentifier);
  }

  /**
   * Changes an activity behind the client's back, as another user would.
   *
   * @example
   * fake.setStatus('appointment_id=1', 'Completed');
   */
  setStatus(activityIdentifier: string, status: ActivityStatus): void {
    parseActivityIdentifier(activityIdentifier);
    if (!isActivityStatus(status))
      throw new TypeError(`"${String(status)}" is not an ActivityStatus`);
    this.#store.set(activityIdentifier, status);
  }

  /**
   * Queues a fault for the next matching toggle request(s): `times` defaults to 1, `Infinity`
   * keeps it until {@link clearFaults}. A fault for a request's activity wins over a global one.
   *
   * @example
   * fake.inject({ status: 401 });
   * fake.inject({ drop: 'after-apply' }, { activityIdentifier: 'sale_id=7', times: 2 });
   */
  inject(fault: FakeFault, options: { activityIdentifier?: string; times?: number } = {}): void {
    this.#faults.add(fault, options.activityIdentifier, options.times ?? 1);
  }

  /**
   * Forgets every queued fault.
   *
   * @example
   * fake.clearFaults();
   */
  clearFaults(): void {
    this.#faults.clear();
  }

  /**
   * Sets the delay before every answer, fixed or drawn per request.
   *
   * @example
   * fake.setLatency(() => 100 + Math.random() * 400);
   */
  setLatency(ms: number | (() => number)): void {
    this.#latency = ms;
  }

  /**
   * Sets the fraction (0–1) of toggle requests answered with a simulated 500.
   *
   * @example
   * fake.setFailureRate(0.2);
   */
  setFailureRate(rate: number): void {
    if (!(rate >= 0 && rate <= 1)) throw new RangeError(`failureRate must be 0..1, got ${rate}`);
    this.#failureRate = rate;
  }

  /**
   * Switches the `Functions/ThreeStateStatusCheckbox` preference for appointments.
   *
   * @example
   * fake.setThreeStateAppointments(true);
   */
  setThreeStateAppointments(on: boolean): void {
    this.#threeStateAppointments = on;
  }

  /**
   * Makes requests wait from now on: they are recorded as they arrive and processed, in arrival
   * order, once the returned `release` is called. A "slow server" without timers.
   *
   * @example
   * const release = fake.hold();
   * const answer = fetch(toggleUrl, init);
   * await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
   * expect(fake.status('appointment_id=1')).toBe('NotStarted'); // not applied yet
   * release();
   */
  hold(): () => void {
    const waiting: (() => void)[] = [];
    let released = false;
    const hold: Hold = {
      enter: () => (released ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve))),
      release: () => {
        if (released) return;
        released = true;
        if (this.#hold === hold) this.#hold = undefined;
        for (const resolve of waiting) resolve();
      },
    };
    this.#hold = hold;
    return hold.release;
  }

  /**
   * Every request so far, in arrival order. A new array whenever something changes, so it can
   * back `useSyncExternalStore`.
   *
   * @example
   * expect(fake.requests).toHaveLength(1);
   */
  get requests(): readonly RecordedRequest[] {
    return this.#requests;
  }

  /**
   * The requests whose body named this activity.
   *
   * @example
   * expect(fake.requestsFor('appointment_id=1')).toHaveLength(2);
   */
  requestsFor(activityIdentifier: string): RecordedRequest[] {
    return this.#requests.filter((request) => request.activityIdentifier === activityIdentifier);
  }

  /**
   * How many toggles were actually applied, for one activity or in total. A request dropped after
   * applying counts; a rejected or unknown one does not.
   *
   * @example
   * expect(fake.toggleCount('appointment_id=1')).toBe(1);
   */
  toggleCount(activityIdentifier?: string): number {
    if (activityIdentifier !== undefined) return this.#applied.get(activityIdentifier) ?? 0;
    let total = 0;
    for (const count of this.#applied.values()) total += count;
    return total;
  }

  /**
   * Calls `listener` when a request arrives (its `response` still `'pending'`) and again when it
   * has finished (answered or dropped), so a live counter also shows requests in flight.
   *
   * @example
   * const unsubscribe = fake.subscribe(() => setCount(fake.requests.length));
   */
  subscribe(listener: (request: RecordedRequest) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /**
   * Starts over with `options`: state, faults, recordings and counts are replaced, a hold is
   * released. Subscribers stay, so a Storybook counter survives switching stories.
   *
   * @example
   * beforeEach(() => fake.reset({ activities: { 'appointment_id=1': 'NotStarted' } }));
   */
  reset(options: FakeWebApiOptions = {}): void {
    const failureRate = options.failureRate ?? 0;
    if (!(failureRate >= 0 && failureRate <= 1)) {
      throw new RangeError(`failureRate must be 0..1, got ${failureRate}`);
    }
    const store = new Map<string, ActivityStatus>();
    for (const [identifier, status] of Object.entries(options.activities ?? {})) {
      parseActivityIdentifier(identifier);
      if (!isActivityStatus(status)) {
        throw new TypeError(`"${String(status)}" (for ${identifier}) is not an ActivityStatus`);
      }
      store.set(identifier, status);
    }
    this.#store = store;
    this.#threeStateAppointments = options.threeStateAppointments ?? false;
    this.#credentials = copyCredentials({ ...FAKE_CREDENTIALS, ...options.credentials });
    this.#latency = options.latencyMs ?? 0;
    this.#failureRate = failureRate;
    this.#random = options.random ?? Math.random;
    this.#faults.clear();
    this.#requests = [];
    this.#applied = new Map();
    this.#hold?.release();
  }

  async #process(
    request: Request,
    record: RecordedRequest,
    isToggle: boolean,
    fault: FakeFault | undefined,
    gate: Promise<void> | undefined,
  ): Promise<FakeAnswer | typeof DROPPED> {
    const { signal } = request;
    if (gate !== undefined && !(await waitUnlessAborted(gate, signal))) return DROPPED;
    if (!(await sleepUnlessAborted(this.#latencyMs() + (fault?.delayMs ?? 0), signal))) {
      return DROPPED;
    }
    if (!isToggle) {
      const path = new URL(request.url).pathname;
      return superOfficeError(404, 'SoNotFoundException', `No endpoint ${request.method} ${path}`);
    }
    if (fault?.drop === 'before-apply') return DROPPED;
    const injected = fault === undefined ? undefined : faultAnswer(fault);
    if (injected !== undefined) return injected;
    if (this.#failureRate > 0 && this.#random() < this.#failureRate) {
      return superOfficeError(
        500,
        'SoException',
        'Simulated server failure',
        'SuperOffice.WebApi (fake)',
      );
    }
    const checked = this.#check(request, record.body);
    if ('answer' in checked) return checked.answer;
    const status = this.#apply(checked);
    if (fault?.drop === 'after-apply') return DROPPED;
    return activityStatusAnswer(status, request.headers.get('accept'));
  }

  // The real server's order: authentication, then the body's media type, then its content.
  #check(request: Request, body: string): Rejection | Accepted {
    if (!isAuthenticated(request.headers, this.#credentials)) {
      // Never echo what was sent: test logs end up in CI output.
      const message = 'Authentication failed: missing, invalid or expired credentials';
      return { answer: superOfficeError(401, 'UnauthorizedAccessException', message) };
    }
    if (!isJsonContentType(request.headers.get('content-type'))) {
      const message = 'Unsupported Content-Type; send application/json';
      return { answer: superOfficeError(415, 'UnsupportedMediaTypeException', message) };
    }
    const identifier = activityIdentifierIn(body);
    if (identifier === undefined) {
      const message = 'The request body must be {"ActivityIdentifier": string}';
      return { answer: superOfficeError(400, 'ArgumentException', message) };
    }
    try {
      const { kind, id } = parseActivityIdentifier(identifier);
      return { identifier: `${kind}_id=${id}`, kind };
    } catch {
      const message = `Unsupported ActivityIdentifier; expected appointment_id, sale_id or document_id`;
      return { answer: superOfficeError(400, 'IllegalOperationException', message) };
    }
  }

  #apply({ identifier, kind }: Accepted): ActivityStatus {
    const current = this.#store.get(identifier);
    // The server answers NotStarted for an id it does not have, and creates nothing.
    if (current === undefined) return 'NotStarted';
    const next = nextActivityStatus(kind, current, this.#threeStateAppointments);
    this.#store.set(identifier, next);
    this.#applied.set(identifier, (this.#applied.get(identifier) ?? 0) + 1);
    return next;
  }

  #latencyMs(): number {
    const ms = typeof this.#latency === 'function' ? this.#latency() : this.#latency;
    return Number.isFinite(ms) && ms > 0 ? ms : 0;
  }

  #recordArrival(request: Request, body: string): RecordedRequest {
    const record: RecordedRequest = {
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body,
      activityIdentifier: activityIdentifierIn(body),
      response: 'pending',
    };
    this.#requests = [...this.#requests, record];
    this.#notify(record);
    return record;
  }

  #recordOutcome(pending: RecordedRequest, outcome: FakeAnswer | typeof DROPPED): void {
    const response = outcome === DROPPED ? DROPPED : { status: outcome.status, body: outcome.body };
    const finished: RecordedRequest = { ...pending, response };
    // A reset while the request was in flight has already forgotten it.
    if (this.#requests.includes(pending)) {
      this.#requests = this.#requests.map((request) => (request === pending ? finished : request));
    }
    this.#notify(finished);
  }

  #notify(record: RecordedRequest): void {
    for (const listener of this.#listeners) {
      try {
        listener(record);
      } catch (error) {
        // A broken listener must not turn into a failed request; surface it on its own.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}

function activityIdentifierIn(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    // ASP.NET binds JSON property names case-insensitively: the official client sends
    // `activityIdentifier`.
    const key = Object.keys(parsed).find((name) => name.toLowerCase() === 'activityidentifier');
    const identifier = key === undefined ? undefined : (parsed as Record<string, unknown>)[key];
    return typeof identifier === 'string' ? identifier : undefined;
  } catch {
    return undefined;
  }
}

// Callers' arrays are copied so a test that later mutates them does not change the fake.
function copyCredentials(credentials: FakeCredentials): FakeCredentials {
  return {
    ...credentials,
    bearerTokens: [...credentials.bearerTokens],
    tickets: [...credentials.tickets],
    basic: credentials.basic.map((user) => ({ ...user })),
    xsrfTokens: [...credentials.xsrfTokens],
  };
}
