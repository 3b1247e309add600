import { QueryClient } from '@tanstack/react-query';
import { cleanup, fireEvent, render } from '@testing-library/react';
import { activityToggles } from '../../../src/core/toggleRules.js';
import {
  type ActivityStatus,
  activityStatusQueryKey,
  isCompleted,
  type SuperOfficeError,
} from '../../../src/index.js';
import type { FakeWebApi } from '../../../src/testing/index.js';
import { FuzzDashboard, readWidget, type WidgetSpec, type WidgetView } from './FuzzDashboard.js';
import {
  activityIdentifierOf,
  type FaultKind,
  FUZZ_TIMEOUT_MS,
  faultFor,
  initialStatusOf,
  type Sequence,
} from './fuzzSequence.js';
import { InProcessNetwork } from './inProcessNetwork.js';
import { checkEnd, checkHygiene, checkViews } from './invariants.js';
import { scheme as schemeNamed } from './schemes.js';
import { ActivityModel, type OutcomeKind, ToggleModel } from './toggleModel.js';
import { advance, drain, QUANTUM_MS } from './virtualTime.js';

export interface SequenceResult {
  violations: string[];
  clicks: number;
  requests: number;
  outcomes: OutcomeKind[];
  /** Faults queued on the fake (a fault whose activity sends nothing more stays unmet). */
  injected: FaultKind[];
  /** Activities whose final server state was checked against the user's last intent. */
  intentsChecked: number;
  /** Requests sent by each burst of clicks on one activity. */
  burstSizes: number[];
}

/** Everything the sequence printed to the console, to scan for secrets and warnings. */
export interface ConsoleCapture {
  lines: string[];
  warnings: string[];
}

const BASE_URL = 'https://crm.fuzz.test/api';
// Virtual time allowed for everything to settle after the last step.
const SETTLE_LIMIT_MS = 5_000;

/**
 * Renders a dashboard for `sequence`, plays its steps against `fake` and checks the toggle's
 * invariants after every step and once everything has settled.
 */
export async function runSequence(
  sequence: Sequence,
  fake: FakeWebApi,
  console: ConsoleCapture,
): Promise<SequenceResult> {
  const scheme = schemeNamed(sequence.scheme);
  const identifiers = sequence.activities.map(activityIdentifierOf);
  const initial = Object.fromEntries(
    sequence.activities.map((spec, position) => [identifiers[position], initialStatusOf(spec)]),
  ) as Record<string, ActivityStatus>;
  let latencyTurn = 0;
  fake.reset({
    activities: initial,
    credentials: scheme.credentials,
    latencyMs: () => sequence.latencies[latencyTurn++ % sequence.latencies.length] ?? 0,
  });

  const model = new ToggleModel(sequence.renewOn401);
  for (const identifier of identifiers) {
    model.add(new ActivityModel(identifier, initial[identifier] as ActivityStatus));
  }
  const widgets: WidgetSpec[] = sequence.activities.flatMap((spec, a) =>
    spec.widgets.map((kind, w) => ({
      key: `a${a}w${w}`,
      activityIdentifier: identifiers[a] as string,
      kind,
      mounted: true,
    })),
  );
  for (const widget of widgets) activityModel(widget.activityIdentifier).mountedWidgets += 1;

  const network = new InProcessNetwork(fake, model);
  const queryClient = new QueryClient();
  // Read only to know whether a toggle is unsettled; every expectation comes from the model.
  const toggles = activityToggles(queryClient);
  const errors: SuperOfficeError[] = [];
  const provider = {
    baseUrl: BASE_URL,
    auth: scheme.auth,
    appToken: scheme.appToken,
    timeout: FUZZ_TIMEOUT_MS,
    fetch: network.fetch,
    onUnauthorized: () => (sequence.renewOn401 ? scheme.auth : undefined),
  };
  const consoleAtStart = { lines: console.lines.length, warnings: console.warnings.length };
  const dashboard = () => (
    <FuzzDashboard
      queryClient={queryClient}
      provider={provider}
      widgets={widgets.map((widget) => ({ ...widget }))}
      known={Object.fromEntries(
        [...model.activities.values()].map((activity) => [
          activity.activityIdentifier,
          activity.known,
        ]),
      )}
      onError={(error) => errors.push(error)}
      strict={sequence.strictMode}
    />
  );
  const view = render(dashboard());
  let clicks = 0;
  const injected: FaultKind[] = [];
  let watching: string | undefined;
  let firstShown: ActivityStatus | undefined;
  const stopWatching = queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.query.queryKey[2] !== watching) return;
    firstShown ??= event.query.state.data as ActivityStatus;
  });

  function activityModel(identifier: string): ActivityModel {
    return model.activities.get(identifier) as ActivityModel;
  }

  // One DOM query per check: jsdom's attribute selectors are the fuzz's hottest path.
  function viewsByActivity(): Map<string, WidgetView[]> {
    const views = new Map<string, WidgetView[]>(identifiers.map((id) => [id, []]));
    for (const element of view.container.querySelectorAll('[data-activity]')) {
      views.get(element.getAttribute('data-activity') ?? '')?.push(readWidget(element));
    }
    return views;
  }

  function isSettled(identifier: string): boolean {
    return !toggles.isUnsettled(identifier) && activityModel(identifier).flight === undefined;
  }

  function check(): void {
    const rendered = viewsByActivity();
    const report = (message: string) => model.violation(message);
    for (const activity of model.activities.values()) {
      const id = activity.activityIdentifier;
      const settled = isSettled(id);
      // A settled activity whose views are all gone has forgotten its error with its state.
      if (settled && activity.mountedWidgets === 0) activity.errorExpected = false;
      const seen = {
        views: rendered.get(id) ?? [],
        cached: queryClient.getQueryData<ActivityStatus>(activityStatusQueryKey(id)),
        unsettled: toggles.isUnsettled(id),
        settled,
        server: fake.status(id),
      };
      checkViews(activity, seen, report);
    }
  }

  function rerender(): void {
    view.rerender(dashboard());
  }

  async function play(): Promise<void> {
    await drain();
    check();
    for (const [step, action] of sequence.actions.entries()) {
      model.step = step;
      const a = action.type === 'wait' ? 0 : action.activity % identifiers.length;
      const id = identifiers[a] as string;
      const activity = activityModel(id);
      const ofActivity = widgets.filter((widget) => widget.activityIdentifier === id);
      const widget =
        action.type === 'click' || action.type === 'toggleMount'
          ? ofActivity[action.widget % ofActivity.length]
          : undefined;
      switch (action.type) {
        case 'click': {
          if (!widget?.mounted) break;
          const element = view.container.querySelector(`[data-widget="${widget.key}"]`);
          if (!element) {
            model.violation(`${widget.key} is mounted but not rendered`);
            break;
          }
          const intent = !readWidget(element).completed;
          model.clicked(activity, widget.key, !toggles.isUnsettled(id));
          firstShown = undefined;
          watching = id;
          fireEvent.click(element);
          clicks += 1;
          await drain();
          watching = undefined;
          // Rule 1: the first thing every view shows after a click is the click's intent.
          if (firstShown === undefined || isCompleted(firstShown) !== intent) {
            model.violation(`${widget.key}: the click first showed ${String(firstShown)}`);
          }
          activity.lastIntent = intent;
          break;
        }
        case 'wait':
          await advance(action.ms);
          break;
        case 'fault':
          if (sequence.withFaults) {
            fake.inject(faultFor(action.fault, scheme.headers), { activityIdentifier: id });
            injected.push(action.fault);
          }
          break;
        case 'refetch': {
          model.refetched(activity, fake.status(id) as ActivityStatus);
          rerender();
          break;
        }
        case 'toggleMount': {
          if (!widget) break;
          if (widget.mounted) {
            if (toggles.isUnsettled(id) && activity.lastClickWidget === widget.key) {
              activity.lastIntentMayBeDropped = true;
            }
            activity.mountedWidgets -= 1;
            activity.orphaned = activity.mountedWidgets === 0;
          } else {
            activity.mountedWidgets += 1;
            activity.orphaned = false;
          }
          widget.mounted = !widget.mounted;
          rerender();
          break;
        }
      }
      await drain();
      check();
    }
  }

  function everythingSettled(): boolean {
    return (
      identifiers.every(isSettled) &&
      network.inFlight === 0 &&
      fake.requests.every((request) => request.response !== 'pending')
    );
  }

  let intentsChecked = 0;
  try {
    await play();
    model.step = sequence.actions.length;
    for (let waited = 0; !everythingSettled(); waited += QUANTUM_MS) {
      if (waited > SETTLE_LIMIT_MS) {
        model.violation(`nothing settled within ${SETTLE_LIMIT_MS} ms of virtual time`);
        break;
      }
      await advance(QUANTUM_MS);
    }
    check();

    const report = (message: string) => model.violation(message);
    for (const activity of model.activities.values()) {
      const server = fake.status(activity.activityIdentifier);
      if (checkEnd(activity, server, report)) intentsChecked += 1;
    }
    const texts = [
      view.container.textContent ?? '',
      ...console.lines.slice(consoleAtStart.lines),
      ...errors.flatMap((error) => [
        error.message,
        String(error),
        JSON.stringify(error),
        error.stack ?? '',
      ]),
    ];
    checkHygiene(texts, console.warnings.slice(consoleAtStart.warnings), scheme, report);
  } finally {
    stopWatching();
    // Not just unmount: Testing Library keeps every container (with React's listeners, and so
    // the whole sequence) until cleanup, which over 20,000 sequences is gigabytes.
    cleanup();
    queryClient.clear();
    await drain();
  }

  return {
    violations: model.violations,
    clicks,
    requests: fake.requests.length,
    outcomes: model.outcomes,
    injected,
    intentsChecked,
    burstSizes: [...model.activities.values()].flatMap((activity) =>
      activity.bursts.map((burst) => burst.sends),
    ),
  };
}
