import type { ActivityKind } from '../client/activityIdentifier.js';
import { parseActivityIdentifier } from '../client/activityIdentifier.js';
import type { ActivityStatus } from '../client/activityStatus.js';
import { isActivityStatus } from '../client/activityStatus.js';
import type { FakeCredentials } from './fakeCredentials.js';
import { FAKE_CREDENTIALS, isAuthenticated } from './fakeCredentials.js';
import type { FakeFault, FaultTarget } from './fakeFaults.js';
import { FaultQueue, faultAnswer } from './fakeFaults.js';
import { nextActivityStatus } from './nextActivityStatus.js';
import type { FakeAnswer } from './superOfficeAnswers.js';
import {
  activityEntityAnswer,
  activityStatusAnswer,
  isJsonContentType,
  superOfficeError,
  toResponse,
} from './superOfficeAnswers.js';
import { sleepUnlessAborted, waitUnlessAborted } from './waiting.js';
import type { WebApiRoute } from './webApiRoutes.js';
import { apiPathOf, routeOf } from './webApiRoutes.js';

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
  /** `'toggle'` for `ToggleActivity`, `'read'` for an entity read, `'other'` for anything else. */
  endpoint: 'toggle' | 'read' | 'other';
  /**
   * A toggle's: the body's `ActivityIdentifier` as sent, valid or not. A read's: the identifier
   * its URL names (`GET …/v1/Sale/7` → `'sale_id=7'`). Otherwise `undefined`.
   */
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

/**
 * Options for {@link FakeWebApi.inject}.
 *
 * @example
 * fake.inject({ status: 503, retryAfter: 1 }, { on: 'read', activityIdentifier: 'sale_id=7' });
 */
export interface InjectOptions {
  /** Only requests about this activity; by default any. */
  activityIdentifier?: string;
  /** How many matching requests get the fault: 1 by default, `Infinity` until cleared. */
  times?: number;
  /** Toggles (the default) or entity reads. */
  on?: FaultTarget;
}

type Rejection = { answer: FakeAnswer };
type Accepted = { identifier: string; kind: ActivityKind };
type ReadRoute = Extract<WebApiRoute, { endpoint: 'read' }>;

const DROPPED = 'dropped';

/**
 * An in-memory model of SuperOffice's `POST /api/v1/Agents/Appointment/ToggleActivity` and of
 * the entity reads `GET /api/v1/Appointment/{id}` (`Sale`, `Document`) that tell an activity's
 * status: it authenticates, validates and toggles like the real server, records every request,
 * and can be told to be slow, fail, drop connections, apply a toggle twice or let another user
 * change an activity. It speaks Fetch `Request`/`Response`, so the same model serves MSW
 * ({@link createFakeWebApiHandlers}) and a real HTTP server ({@link startFakeWebApiServer}).
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
  #faults: Record<FaultTarget, FaultQueue> = {
    toggle: new FaultQueue('toggle'),
    read: new FaultQueue('read'),
  };
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
    const apiPath = apiPathOf(new URL(request.url).pathname);
    const route = apiPath === undefined ? undefined : routeOf(request.method, apiPath);
    const record = this.#recordArrival(request, body ?? '', route);
    // Claimed on arrival, so "the next request" means the next one sent, even while held.
    const fault =
      route === undefined
        ? undefined
        : this.#faults[route.endpoint].take(record.activityIdentifier);
    const outcome =
      body === undefined ? DROPPED : await this.#process(request, record, route, fault, gate);
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
   * Queues a fault for the next matching toggle request(s), or read requests with
   * `on: 'read'`: `times` defaults to 1, `Infinity` keeps it until {@link clearFaults}. A fault
   * for a request's activity wins over a global one; one request takes at most one fault.
   *
   * @example
   * fake.inject({ status: 401 });
   * fake.inject({ drop: 'after-apply' }, { activityIdentifier: 'sale_id=7', times: 2 });
   * fake.inject({ status: 503, retryAfter: 2 }, { on: 'read', times: 3 });
   */
  inject(fault: FakeFault, options: InjectOptions = {}): void {
    this.#faults[options.on ?? 'toggle'].add(fault, options.activityIdentifier, options.times ?? 1);
  }

  /**
   * Another user sets the activity to `status` just before the next request about it (a toggle
   * unless `on: 'read'`) is processed: the stale-view case. A fault like any other (it takes that
   * request's turn), so {@link clearFaults} forgets it.
   *
   * @example
   * fake.changeBeforeNext('appointment_id=1', 'Completed');
   * // the client, still showing NotStarted, toggles: the server flips Completed → NotStarted
   */
  changeBeforeNext(
    activityIdentifier: string,
    status: ActivityStatus,
    options: { on?: FaultTarget } = {},
  ): void {
    parseActivityIdentifier(activityIdentifier);
    this.inject({ changedBy: status }, { activityIdentifier, on: options.on ?? 'toggle' });
  }

  /**
   * Forgets every queued fault, for toggles and reads.
   *
   * @example
   * fake.clearFaults();
   */
  clearFaults(): void {
    this.#faults.toggle.clear();
    this.#faults.read.clear();
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
   * The requests about this activity, toggles and reads, in arrival order.
   *
   * @example
   * expect(fake.requestsFor('appointment_id=1')).toHaveLength(2);
   */
  requestsFor(activityIdentifier: string): RecordedRequest[] {
    return this.#requests.filter((request) => request.activityIdentifier === activityIdentifier);
  }

  /**
   * The toggle requests whose body named this activity, applied or not (an `appliedTwice` fault
   * still counts once: the client sent one).
   *
   * @example
   * expect(fake.toggleRequestsFor('appointment_id=1')).toHaveLength(1);
   */
  toggleRequestsFor(activityIdentifier: string): RecordedRequest[] {
    return this.#requestsTo('toggle', activityIdentifier);
  }

  /**
   * The entity reads of this activity, whatever they were answered.
   *
   * @example
   * expect(fake.readsFor('sale_id=7').map((read) => read.response)).toMatchObject([{ status: 200 }]);
   */
  readsFor(activityIdentifier: string): RecordedRequest[] {
    return this.#requestsTo('read', activityIdentifier);
  }

  /**
   * How many entity reads arrived, for one activity or in total, whatever they were answered.
   *
   * @example
   * expect(fake.readCount('appointment_id=1')).toBeLessThanOrEqual(4);
   */
  readCount(activityIdentifier?: string): number {
    return this.#requestsTo('read', activityIdentifier).length;
  }

  /**
   * How many toggles were actually applied, for one activity or in total. A request dropped after
   * applying counts, one applied twice counts twice; a rejected or unknown one does not.
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
    this.clearFaults();
    this.#requests = [];
    this.#applied = new Map();
    this.#hold?.release();
  }

  async #process(
    request: Request,
    record: RecordedRequest,
    route: WebApiRoute | undefined,
    fault: FakeFault | undefined,
    gate: Promise<void> | undefined,
  ): Promise<FakeAnswer | typeof DROPPED> {
    const { signal } = request;
    if (gate !== undefined && !(await waitUnlessAborted(gate, signal))) return DROPPED;
    if (!(await sleepUnlessAborted(this.#latencyMs() + (fault?.delayMs ?? 0), signal))) {
      return DROPPED;
    }
    if (route === undefined) {
      const path = new URL(request.url).pathname;
      return superOfficeError(404, 'SoNotFoundException', `No endpoint ${request.method} ${path}`);
    }
    if (fault?.changedBy !== undefined) this.#changeByAnotherUser(record, fault.changedBy);
    if (fault?.drop === 'before-apply') return DROPPED;
    const injected = fault === undefined ? undefined : faultAnswer(fault);
    if (injected !== undefined) return injected;
    if (route.endpoint === 'read') {
      return fault?.drop === undefined ? this.#read(request, route) : DROPPED;
    }
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
    const once = this.#apply(checked);
    // The browser's silent resend: the second toggle's answer is the one the client reads.
    const status = fault?.appliedTwice ? this.#apply(checked) : once;
    if (fault?.drop === 'after-apply') return DROPPED;
    return activityStatusAnswer(status, request.headers.get('accept'));
  }

  #read(request: Request, { kind, id, activityIdentifier }: ReadRoute): FakeAnswer {
    const unauthorized = this.#unauthorized(request);
    if (unauthorized !== undefined) return unauthorized;
    const stored = this.#store.get(activityIdentifier);
    if (stored === undefined) {
      const name = `${kind[0]?.toUpperCase()}${kind.slice(1)}`;
      return superOfficeError(404, 'SoNotFoundException', `${name} id ${id} not found`);
    }
    // "NotStarted is treated as Started" for sales, so a read never shows it.
    const status = kind === 'sale' && stored === 'NotStarted' ? 'Started' : stored;
    const select = new URL(request.url).searchParams.get('$select');
    return activityEntityAnswer(
      { kind, id, status },
      {
        select: select?.split(',').map((field) => field.trim()),
        accept: request.headers.get('accept'),
      },
    );
  }

  // Only a request that names a valid activity can be raced by another user.
  #changeByAnotherUser(record: RecordedRequest, status: ActivityStatus): void {
    try {
      const { kind, id } = parseActivityIdentifier(record.activityIdentifier);
      this.#store.set(`${kind}_id=${id}`, status);
    } catch {
      // Nothing to change for a malformed identifier; the request is refused as usual.
    }
  }

  #unauthorized(request: Request): FakeAnswer | undefined {
    if (isAuthenticated(request.headers, this.#credentials)) return undefined;
    // Never echo what was sent: test logs end up in CI output.
    const message = 'Authentication failed: missing, invalid or expired credentials';
    return superOfficeError(401, 'UnauthorizedAccessException', message);
  }

  // The real server's order: authentication, then the body's media type, then its content.
  #check(request: Request, body: string): Rejection | Accepted {
    const unauthorized = this.#unauthorized(request);
    if (unauthorized !== undefined) return { answer: unauthorized };
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

  #requestsTo(endpoint: WebApiRoute['endpoint'], activityIdentifier?: string): RecordedRequest[] {
    return this.#requests.filter(
      (request) =>
        request.endpoint === endpoint &&
        (activityIdentifier === undefined || request.activityIdentifier === activityIdentifier),
    );
  }

  #recordArrival(request: Request, body: string, route: WebApiRoute | undefined): RecordedRequest {
    const record: RecordedRequest = {
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body,
      endpoint: route?.endpoint ?? 'other',
      activityIdentifier:
        route?.endpoint === 'read' ? route.activityIdentifier : activityIdentifierIn(body),
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
