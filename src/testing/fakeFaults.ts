import type { ActivityStatus } from '../client/activityStatus.js';
import { isActivityStatus } from '../client/activityStatus.js';
import type { FakeAnswer } from './superOfficeAnswers.js';
import { superOfficeError } from './superOfficeAnswers.js';

/**
 * Something to go wrong with a request, for {@link FakeWebApi.inject}. Steps happen in this
 * order: wait `delayMs`, then `changedBy` (another user's change lands), then
 * `drop: 'before-apply'`, then answer `status` (nothing is applied), then the normal checks and
 * the toggle (twice with `appliedTwice`), then `drop: 'after-apply'` (the toggle *was* applied).
 * A read changes nothing, so either `drop` drops it unanswered.
 *
 * @example
 * fake.inject({ status: 502, body: '<html>Bad Gateway</html>' });
 * fake.inject({ drop: 'after-apply' }, { activityIdentifier: 'appointment_id=1' });
 * fake.inject({ status: 503, retryAfter: 2 }, { on: 'read' });
 * fake.inject({ appliedTwice: true }); // the browser resent the POST by itself
 */
export interface FakeFault {
  /** Extra wait before anything else happens, on top of the fake's latency. */
  delayMs?: number;
  /** Answer this status (200–599) instead of toggling. */
  status?: number;
  /** The body for `status`: a string is sent as-is, anything else as JSON. Defaults to a SuperOffice error. */
  body?: unknown;
  /** The `Content-Type` for `body`; defaults to `application/json` for JSON and `text/html` for strings. */
  contentType?: string;
  /** With `status`: a `Retry-After` header, in seconds. */
  retryAfter?: number;
  /** Drop the connection without an answer, before or after the toggle is applied. */
  drop?: 'before-apply' | 'after-apply';
  /**
   * Toggles only: the toggle is applied twice and the answer is the status after the second, as
   * when Chromium silently resends a POST whose kept-alive connection dropped.
   */
  appliedTwice?: boolean;
  /** Another user sets the activity to this status just before the request is processed. */
  changedBy?: ActivityStatus;
}

/**
 * Which requests a fault is for: toggles (the default) or entity reads.
 *
 * @example
 * fake.inject({ drop: 'before-apply' }, { on: 'read', times: 3 });
 */
export type FaultTarget = 'toggle' | 'read';

interface QueuedFault {
  fault: FakeFault;
  activityIdentifier: string | undefined;
  remaining: number;
}

/**
 * Faults waiting for one kind of request. A fault for the request's activity wins over a global
 * one; among equals, the first injected goes first.
 *
 * @example
 * const faults = new FaultQueue('toggle');
 * faults.add({ status: 500 }, undefined, 1);
 * faults.take('appointment_id=1'); // { status: 500 }
 */
export class FaultQueue {
  #queue: QueuedFault[] = [];
  readonly #target: FaultTarget;

  constructor(target: FaultTarget) {
    this.#target = target;
  }

  add(fault: FakeFault, activityIdentifier: string | undefined, times: number): void {
    assertValidFault(fault, times, this.#target);
    this.#queue.push({ fault: { ...fault }, activityIdentifier, remaining: times });
  }

  take(activityIdentifier: string | undefined): FakeFault | undefined {
    const queued =
      (activityIdentifier === undefined
        ? undefined
        : this.#queue.find((entry) => entry.activityIdentifier === activityIdentifier)) ??
      this.#queue.find((entry) => entry.activityIdentifier === undefined);
    if (queued === undefined) return undefined;
    queued.remaining -= 1;
    if (queued.remaining <= 0) this.#queue.splice(this.#queue.indexOf(queued), 1);
    return queued.fault;
  }

  clear(): void {
    this.#queue = [];
  }
}

/**
 * The answer a fault's `status` calls for, or `undefined` when the fault sets no status.
 *
 * @example
 * faultAnswer({ status: 503, body: 'Service Unavailable' });
 * // { status: 503, body: 'Service Unavailable', contentType: 'text/html' }
 */
export function faultAnswer(fault: FakeFault): FakeAnswer | undefined {
  const answer = faultBody(fault);
  if (answer === undefined || fault.retryAfter === undefined) return answer;
  return { ...answer, headers: { 'Retry-After': String(fault.retryAfter) } };
}

function faultBody({ status, body, contentType }: FakeFault): FakeAnswer | undefined {
  if (status === undefined) return undefined;
  if (body === undefined) {
    const message = `Injected fault: HTTP ${status}`;
    return superOfficeError(status, 'SoException', message, 'SuperOffice.WebApi (fake)');
  }
  if (typeof body === 'string') {
    return { status, body, contentType: contentType ?? 'text/html' };
  }
  return {
    status,
    body: JSON.stringify(body) ?? '',
    contentType: contentType ?? 'application/json; charset=utf-8',
  };
}

// Fail at `inject` time, in the test that made the mistake, not later inside a request.
function assertValidFault(fault: FakeFault, times: number, target: FaultTarget): void {
  if (!(times === Number.POSITIVE_INFINITY || (Number.isInteger(times) && times >= 1))) {
    throw new RangeError(`times must be a positive integer or Infinity, got ${times}`);
  }
  if (fault.status !== undefined) {
    if (!Number.isInteger(fault.status) || fault.status < 200 || fault.status > 599) {
      throw new RangeError(`status must be an integer from 200 to 599, got ${fault.status}`);
    }
  }
  if (fault.delayMs !== undefined && !(fault.delayMs >= 0)) {
    throw new RangeError(`delayMs must be zero or more, got ${fault.delayMs}`);
  }
  if (fault.retryAfter !== undefined) {
    if (fault.status === undefined) throw new TypeError('retryAfter needs a status to go with');
    if (!Number.isInteger(fault.retryAfter) || fault.retryAfter < 0) {
      throw new RangeError(`retryAfter must be whole seconds, got ${fault.retryAfter}`);
    }
  }
  if (fault.appliedTwice && target === 'read') {
    throw new TypeError('appliedTwice is a toggle fault; a read applies nothing');
  }
  if (fault.changedBy !== undefined && !isActivityStatus(fault.changedBy)) {
    throw new TypeError(`changedBy: "${String(fault.changedBy)}" is not an ActivityStatus`);
  }
}
