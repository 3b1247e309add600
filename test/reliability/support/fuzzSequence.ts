import fc from 'fast-check';
import type { ActivityKind, ActivityStatus, FakeFault } from '../../../src/testing/index.js';
import type { WidgetKind } from './FuzzDashboard.js';
import { SCHEME_NAMES, type SchemeName } from './schemes.js';
import { QUANTUM_MS } from './virtualTime.js';

/** The provider's timeout in the fuzz; a `timeout` fault delays its request well past it. */
export const FUZZ_TIMEOUT_MS = 40;

/** What can go wrong with a toggle: definite refusals, unknown outcomes, and other users. */
export const TOGGLE_FAULTS = [
  'refused500',
  'refused403',
  'html500',
  'unauthorized',
  'echoCredentials',
  'gateway502',
  'html503',
  'gateway504',
  'badBody200',
  'dropBeforeApply',
  'dropAfterApply',
  'timeout',
  'appliedTwice',
  'changedBefore',
] as const;
export type ToggleFaultKind = (typeof TOGGLE_FAULTS)[number];

/** What can go wrong with a read: it never changes anything, it just tells nothing. */
export const READ_FAULTS = ['readDrop', 'read503RetryAfter', 'read500', 'readTimeout'] as const;
export type ReadFaultKind = (typeof READ_FAULTS)[number];

export type FaultKind = ToggleFaultKind | ReadFaultKind;

/**
 * What the user, the network, other users and the dashboard do, one step at a time. Indices are
 * taken modulo what the sequence has, so that each shrinks on its own.
 */
export type Action =
  | { type: 'click'; tab: number; widget: number }
  /** Virtual time moves on by `ms`, in quanta. */
  | { type: 'wait'; ms: number }
  /** The next `timers` timers fire (a backoff, the wait for an unknown toggle). */
  | { type: 'jump'; timers: number }
  | { type: 'fault'; site: number; activity: number; fault: ToggleFaultKind; times: number }
  | { type: 'readFault'; site: number; activity: number; fault: ReadFaultKind; times: number }
  /** Another user sets the activity on the server: every view of it is now stale. */
  | { type: 'otherUser'; site: number; activity: number; status: number }
  /** A panel refetches its data: its views report what the server has now. */
  | { type: 'refetch'; tab: number; panel: number; activity: number }
  /** A view unmounts, or mounts again: with its panel's data refetched first when `fresh`. */
  | { type: 'toggleMount'; tab: number; widget: number; fresh: boolean }
  /** The dashboard clears one QueryClient (a logout). */
  | { type: 'clear'; tab: number; queryClient: number }
  /** The tab reloads mid-flight: its page goes, a fresh one loads and resumes what it left. */
  | { type: 'reload'; tab: number }
  /** The tab is closed (its page goes); `open` loads it again later. */
  | { type: 'close'; tab: number }
  | { type: 'open'; tab: number }
  /** The browser goes offline, or back online. */
  | { type: 'connection'; online: boolean };

export interface ActivitySpec {
  kind: ActivityKind;
  /** Completed at the start, per site. */
  completed: [boolean, boolean];
}

/** One dashboard widget tree: its QueryClient and the site its provider talks to. */
export interface PanelSpec {
  queryClient: number;
  site: number;
}

export interface WidgetPlacement {
  panel: number;
  activity: number;
  kind: WidgetKind;
}

export interface Sequence {
  /** 1 or 2 tabs of one browser, each a page with the same dashboards over its own lanes. */
  tabs: number;
  activities: ActivitySpec[];
  /** 1 or 2 sites, with the same identifiers. */
  sites: number;
  /** 1 or 2 QueryClients on the page. */
  queryClients: number;
  panels: PanelSpec[];
  widgets: WidgetPlacement[];
  scheme: SchemeName;
  /** Whether `onUnauthorized` hands back working credentials. */
  renewOn401: boolean;
  /** Appointments pass through `Started` (the server preference). */
  threeState: boolean;
  /** Fault actions are skipped unless set, so that about half the runs are fault-free. */
  withFaults: boolean;
  /** Render the dashboard in StrictMode (effects mount, unmount and mount again). */
  strictMode: boolean;
  /** Per-request latencies in ms, used in turn (all below the timeout). */
  latencies: number[];
  actions: Action[];
}

const index = fc.nat({ max: 5 });
const tab = fc.nat({ max: 1 });
const quanta = (max: number) => fc.integer({ min: 0, max }).map((n) => n * QUANTUM_MS);

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ type: fc.constant('click'), tab, widget: index }) },
  { weight: 4, arbitrary: fc.record({ type: fc.constant('wait'), ms: quanta(7) }) },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant('jump'), timers: fc.integer({ min: 1, max: 4 }) }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('fault'),
      site: index,
      activity: index,
      fault: fc.constantFrom(...TOGGLE_FAULTS),
      times: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('readFault'),
      site: index,
      activity: index,
      fault: fc.constantFrom(...READ_FAULTS),
      times: fc.integer({ min: 1, max: 5 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('otherUser'),
      site: index,
      activity: index,
      status: fc.nat({ max: 2 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant('refetch'), tab, panel: index, activity: index }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('toggleMount'),
      tab,
      widget: index,
      fresh: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constant('clear'), tab, queryClient: fc.nat({ max: 1 }) }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('reload'), tab }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('close'), tab }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('open'), tab }) },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constant('connection'), online: fc.boolean() }),
  },
) as fc.Arbitrary<Action>;

/** Sequences in 1–2 tabs over 1–3 activities on 1–2 sites, shown by 1–6 widgets in 1–3 panels. */
export function sequences(maxActions: number): fc.Arbitrary<Sequence> {
  return fc.record({
    tabs: fc.integer({ min: 1, max: 2 }),
    activities: fc.array(
      fc.record({
        kind: fc.constantFrom<ActivityKind>('appointment', 'sale', 'document'),
        completed: fc.tuple(fc.boolean(), fc.boolean()),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    sites: fc.integer({ min: 1, max: 2 }),
    queryClients: fc.integer({ min: 1, max: 2 }),
    panels: fc.array(fc.record({ queryClient: fc.nat({ max: 1 }), site: fc.nat({ max: 1 }) }), {
      minLength: 1,
      maxLength: 3,
    }),
    widgets: fc.array(
      fc.record({
        panel: fc.nat({ max: 2 }),
        activity: fc.nat({ max: 2 }),
        kind: fc.constantFrom<WidgetKind>('checkbox', 'hooks'),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    scheme: fc.constantFrom(...SCHEME_NAMES),
    renewOn401: fc.boolean(),
    threeState: fc.boolean(),
    withFaults: fc.boolean(),
    strictMode: fc.boolean(),
    latencies: fc.array(quanta(6), { minLength: 1, maxLength: 4 }),
    actions: fc.array(action, { minLength: 1, maxLength: maxActions, size: 'max' }),
  });
}

export function activityIdentifierOf(spec: ActivitySpec, position: number): string {
  return `${spec.kind}_id=${position + 1}`;
}

export function initialStatusOf(spec: ActivitySpec, site: number): ActivityStatus {
  if (spec.completed[site]) return 'Completed';
  return spec.kind === 'sale' ? 'Started' : 'NotStarted';
}

/** The statuses another user can leave an activity of `kind` in. */
export function statusesOf(kind: ActivityKind): ActivityStatus[] {
  if (kind === 'sale') return ['Started', 'Completed'];
  if (kind === 'document') return ['NotStarted', 'Completed'];
  return ['NotStarted', 'Started', 'Completed'];
}

/** The fake's fault for a toggle fault; `echoedHeaders` are echoed back by `echoCredentials`. */
export function toggleFault(
  kind: Exclude<ToggleFaultKind, 'changedBefore'>,
  echoedHeaders: Record<string, string>,
): FakeFault {
  switch (kind) {
    case 'refused500':
      return webApiError(500, 'Database is read-only');
    case 'refused403':
      return { status: 403, body: webApiError(403, 'You may not update this activity').body };
    case 'html500':
      return { status: 500, body: '<html><body><h1>500 Internal Server Error</h1></body></html>' };
    case 'unauthorized':
      return { status: 401 };
    case 'echoCredentials':
      return webApiError(500, `Rejected request with headers ${JSON.stringify(echoedHeaders)}`);
    case 'gateway502':
      return { status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' };
    case 'html503':
      return { status: 503, body: '<html><body><h1>503 Service Unavailable</h1></body></html>' };
    case 'gateway504':
      return { status: 504, body: '<html><body><h1>504 Gateway Timeout</h1></body></html>' };
    case 'badBody200':
      return { status: 200, body: '"Compl', contentType: 'application/json; charset=utf-8' };
    case 'dropBeforeApply':
      return { drop: 'before-apply' };
    case 'dropAfterApply':
      return { drop: 'after-apply' };
    case 'timeout':
      return { delayMs: FUZZ_TIMEOUT_MS * 3 };
    case 'appliedTwice':
      return { appliedTwice: true };
  }
}

/** The fake's fault for a read fault. */
export function readFault(kind: ReadFaultKind): FakeFault {
  switch (kind) {
    case 'readDrop':
      return { drop: 'before-apply' };
    case 'read503RetryAfter':
      return { status: 503, retryAfter: 1, body: 'Service Unavailable' };
    case 'read500':
      return { status: 500, body: '<html><body><h1>500 Internal Server Error</h1></body></html>' };
    case 'readTimeout':
      return { delayMs: FUZZ_TIMEOUT_MS * 3 };
  }
}

function webApiError(status: number, message: string): { status: number; body: unknown } {
  return {
    status,
    body: { Error: true, ErrorType: 'SoException', ErrorMessage: message },
  };
}
