import fc from 'fast-check';
import type { ActivityKind, ActivityStatus, FakeFault } from '../../../src/testing/index.js';
import type { WidgetKind } from './FuzzDashboard.js';
import { SCHEME_NAMES, type SchemeName } from './schemes.js';
import { QUANTUM_MS } from './virtualTime.js';

/** The provider's timeout in the fuzz; a `timeout` fault delays its request well past it. */
export const FUZZ_TIMEOUT_MS = 40;

export type FaultKind =
  | 'error500'
  | 'html503'
  | 'gateway502'
  | 'unauthorized'
  | 'dropBeforeApply'
  | 'dropAfterApply'
  | 'timeout'
  | 'echoCredentials';

export const FAULT_KINDS: readonly FaultKind[] = [
  'error500',
  'html503',
  'gateway502',
  'unauthorized',
  'dropBeforeApply',
  'dropAfterApply',
  'timeout',
  'echoCredentials',
];

/**
 * What the user, the network and the dashboard do, one step at a time. Activity and widget
 * numbers are taken modulo what the sequence has, so that each shrinks on its own.
 */
export type Action =
  | { type: 'click'; activity: number; widget: number }
  | { type: 'wait'; ms: number }
  | { type: 'fault'; activity: number; fault: FaultKind }
  | { type: 'refetch'; activity: number }
  | { type: 'toggleMount'; activity: number; widget: number };

export interface ActivitySpec {
  kind: ActivityKind;
  completed: boolean;
  widgets: WidgetKind[];
}

export interface Sequence {
  activities: ActivitySpec[];
  scheme: SchemeName;
  /** Whether `onUnauthorized` hands back working credentials. */
  renewOn401: boolean;
  /** Fault actions are skipped unless set, so that about half the runs are fault-free. */
  withFaults: boolean;
  /** Render the dashboard in StrictMode (effects mount, unmount and mount again). */
  strictMode: boolean;
  /** Per-request latencies in ms, used in turn. */
  latencies: number[];
  actions: Action[];
}

const index = fc.nat({ max: 2 });
const quanta = (max: number) => fc.integer({ min: 0, max }).map((n) => n * QUANTUM_MS);

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({ type: fc.constant('click'), activity: index, widget: index }),
  },
  { weight: 4, arbitrary: fc.record({ type: fc.constant('wait'), ms: quanta(7) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('fault'),
      activity: index,
      fault: fc.constantFrom(...FAULT_KINDS),
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('refetch'), activity: index }) },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constant('toggleMount'), activity: index, widget: index }),
  },
) as fc.Arbitrary<Action>;

/** Sequences of user, network and dashboard steps over 1–3 activities shown by 1–3 widgets each. */
export function sequences(maxActions: number): fc.Arbitrary<Sequence> {
  return fc.record({
    activities: fc.array(
      fc.record({
        kind: fc.constantFrom<ActivityKind>('appointment', 'sale', 'document'),
        completed: fc.boolean(),
        widgets: fc.array(fc.constantFrom<WidgetKind>('checkbox', 'hooks'), {
          minLength: 1,
          maxLength: 3,
        }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    scheme: fc.constantFrom(...SCHEME_NAMES),
    renewOn401: fc.boolean(),
    withFaults: fc.boolean(),
    strictMode: fc.boolean(),
    latencies: fc.array(quanta(6), { minLength: 1, maxLength: 4 }),
    actions: fc.array(action, { minLength: 1, maxLength: maxActions, size: 'max' }),
  });
}

export function activityIdentifierOf(spec: ActivitySpec, position: number): string {
  return `${spec.kind}_id=${position + 1}`;
}

export function initialStatusOf(spec: ActivitySpec): ActivityStatus {
  if (spec.completed) return 'Completed';
  return spec.kind === 'sale' ? 'Started' : 'NotStarted';
}

/** The fake's fault for each kind; `secrets` are echoed back by `echoCredentials`. */
export function faultFor(kind: FaultKind, echoedHeaders: Record<string, string>): FakeFault {
  switch (kind) {
    case 'error500':
      return {
        status: 500,
        body: { Error: true, ErrorType: 'SoException', ErrorMessage: 'Database is read-only' },
      };
    case 'html503':
      return { status: 503, body: '<html><body><h1>503 Service Unavailable</h1></body></html>' };
    case 'gateway502':
      return { status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' };
    case 'unauthorized':
      return { status: 401 };
    case 'dropBeforeApply':
      return { drop: 'before-apply' };
    case 'dropAfterApply':
      return { drop: 'after-apply' };
    case 'timeout':
      return { delayMs: FUZZ_TIMEOUT_MS * 3 };
    case 'echoCredentials':
      return {
        status: 500,
        body: {
          Error: true,
          ErrorType: 'SoException',
          ErrorMessage: `Rejected request with headers ${JSON.stringify(echoedHeaders)}`,
        },
      };
  }
}
