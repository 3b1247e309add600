import { QueryClient } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { statusFor } from '../../../src/client/activityStatus.js';
import { activityLanes } from '../../../src/core/activityLanes.js';
import {
  type ActivityStatus,
  activityStatusQueryKey,
  isCompleted,
  type SuperOfficeError,
  siteOf,
} from '../../../src/index.js';
import type { FakeWebApi } from '../../../src/testing/index.js';
import {
  FuzzDashboard,
  type PanelView,
  readWidget,
  type WidgetSpec,
  type WidgetView,
} from './FuzzDashboard.js';
import { ActivityModel, activityKey, FuzzModel } from './fuzzModel.js';
import {
  activityIdentifierOf,
  type FaultKind,
  FUZZ_TIMEOUT_MS,
  initialStatusOf,
  readFault,
  type Sequence,
  statusesOf,
  toggleFault,
} from './fuzzSequence.js';
import { InProcessNetwork } from './inProcessNetwork.js';
import { checkHygiene, checkRunEnd, checkViews } from './invariants.js';
import { scheme as schemeNamed } from './schemes.js';
import { advance, drain, nextTimer, QUANTUM_MS } from './virtualTime.js';

export interface SequenceResult {
  sequence: Sequence;
  violations: string[];
  clicks: number;
  /** Toggle requests that reached a server (a renewed 401's resend included). */
  toggles: number;
  /** Read requests that reached a server. */
  reads: number;
  /** Of those, reads of a mounting view that disagreed with what the library confirmed. */
  mountReadBacks: number;
  /** Runs of a lane whose end was judged against the wire. */
  runs: number;
  outcomes: string[];
  /** Faults queued on the fakes (a fault whose activity sends nothing more stays unmet). */
  injected: FaultKind[];
}

/** Everything the sequence printed to the console, to scan for secrets. */
export interface ConsoleCapture {
  lines: string[];
}

/** Two sites with the same identifiers: each is its own activity (rule 2). */
export const SITE_URLS = ['https://crm.fuzz.test/api', 'https://crm-b.fuzz.test/api'] as const;
// Virtual time allowed for everything to settle after the last step (backoffs are seconds).
const SETTLE_LIMIT_MS = 120_000;

interface Widget extends WidgetSpec {
  panel: number;
  activity: ActivityModel;
  /** The value this view last reported (rule 8), while mounted. */
  reported: ActivityStatus | undefined;
  reportedAt: number;
}

/**
 * Renders a page of dashboards for `sequence`, plays its steps against `fakes` (one per site)
 * and checks the contract's invariants after every step and once everything has settled.
 */
export async function runSequence(
  sequence: Sequence,
  fakes: readonly FakeWebApi[],
  console: ConsoleCapture,
): Promise<SequenceResult> {
  const scheme = schemeNamed(sequence.scheme);
  const identifiers = sequence.activities.map(activityIdentifierOf);
  const siteCount = sequence.sites;
  let latencyTurn = 0;
  const latencyMs = () => sequence.latencies[latencyTurn++ % sequence.latencies.length] ?? 0;
  for (const [site, fake] of fakes.entries()) {
    fake.reset({
      activities: Object.fromEntries(
        sequence.activities.map((spec, a) => [identifiers[a], initialStatusOf(spec, site)]),
      ),
      credentials: scheme.credentials,
      latencyMs,
      threeStateAppointments: sequence.threeState,
    });
  }
  const fakeOf = (site: number) => fakes[site] as FakeWebApi;
  // A fresh page: nothing remembered from the previous sequence.
  activityLanes.forgetEvidence();

  const isPending = (activity: ActivityModel) =>
    activityLanes.stateOf(activity.siteName, activity.activityIdentifier).pending;
  const serverStatus = (activity: ActivityModel) =>
    fakeOf(activity.site).status(activity.activityIdentifier);
  const model = new FuzzModel(sequence.renewOn401, isPending, serverStatus);
  for (let site = 0; site < siteCount; site++) {
    for (const [a, spec] of sequence.activities.entries()) {
      const id = identifiers[a] as string;
      model.add(new ActivityModel(site, siteOf(SITE_URLS[site] as string), id, spec.kind));
    }
  }
  const activityAt = (site: number, a: number) =>
    model.activities.get(
      activityKey(site % siteCount, identifiers[a % identifiers.length] as string),
    ) as ActivityModel;

  const network = new InProcessNetwork(
    new Map(
      SITE_URLS.slice(0, siteCount).map((url, site) => [
        new URL(url).origin,
        { fake: fakeOf(site), site },
      ]),
    ),
    model,
  );
  // Rule 7 at the server: never two toggles of one activity in flight.
  const stopWatchingServers = fakes.map((fake, site) => {
    const open = new Map<string, number>();
    return fake.subscribe((request) => {
      if (request.endpoint !== 'toggle') return;
      const key = activityKey(site, request.activityIdentifier ?? '');
      const count = (open.get(key) ?? 0) + (request.response === 'pending' ? 1 : -1);
      open.set(key, count);
      if (count > 1) model.violation(`${key}: two toggles in flight at the server`);
    });
  });

  const queryClients = Array.from({ length: sequence.queryClients }, () => new QueryClient());
  const errors: SuperOfficeError[] = [];
  const panels = sequence.panels.map((spec, p) => ({
    key: `p${p}`,
    queryClient: queryClients[spec.queryClient % queryClients.length] as QueryClient,
    site: spec.site % siteCount,
    provider: {
      baseUrl: SITE_URLS[spec.site % siteCount] as string,
      auth: scheme.auth,
      appToken: scheme.appToken,
      timeout: FUZZ_TIMEOUT_MS,
      fetch: network.fetch,
      onUnauthorized: () => (sequence.renewOn401 ? scheme.auth : undefined),
    },
  }));
  // What each panel's data says, per identifier: the props of its views.
  const known = panels.map((panel) =>
    Object.fromEntries(
      sequence.activities.map((spec, a) => [identifiers[a], initialStatusOf(spec, panel.site)]),
    ),
  ) as Record<string, ActivityStatus>[];
  // Render order: panel by panel, each panel's views in sequence order.
  const widgets: Widget[] = sequence.widgets
    .map((spec, w) => {
      const panel = spec.panel % panels.length;
      const activity = activityAt((panels[panel] as { site: number }).site, spec.activity);
      return {
        key: `w${w}`,
        panel,
        activity,
        activityKey: activity.key,
        activityIdentifier: activity.activityIdentifier,
        kind: spec.kind,
        mounted: true,
        known: 'Unknown' as ActivityStatus,
        reported: undefined,
        reportedAt: 0,
      };
    })
    .sort((a, b) => a.panel - b.panel);
  let reports = 0;

  const consoleAtStart = console.lines.length;
  const panelViews = (): PanelView[] =>
    panels.map((panel, p) => ({
      key: panel.key,
      queryClient: panel.queryClient,
      provider: panel.provider,
      widgets: widgets
        .filter((widget) => widget.panel === p)
        .map((widget) => ({ ...widget, known: propOf(widget) })),
    }));
  const dashboard = () => (
    <FuzzDashboard
      panels={panelViews()}
      onError={(error) => errors.push(error)}
      strict={sequence.strictMode}
    />
  );
  const propOf = (widget: Widget) =>
    known[widget.panel]?.[widget.activityIdentifier] as ActivityStatus;
  /** The value a view reports: a checkbox knows only completed or not. */
  const reportedBy = (widget: Widget): ActivityStatus =>
    widget.kind === 'hooks'
      ? propOf(widget)
      : statusFor(isCompleted(propOf(widget)), widget.activity.kind);

  /** Rule 8 in the model, in the order React runs the views' layout effects. */
  function reportsFor(mounting: ReadonlySet<Widget>): void {
    const report = (widget: Widget, value: ActivityStatus) => {
      widget.reported = value;
      widget.reportedAt = ++reports;
      model.reported(widget.activity, value);
    };
    for (const widget of widgets) {
      if (!widget.mounted) continue;
      const value = reportedBy(widget);
      if (mounting.has(widget) || value !== widget.reported) report(widget, value);
    }
    // StrictMode mounts new views' effects a second time, after the commit's other effects.
    if (sequence.strictMode) for (const widget of mounting) report(widget, reportedBy(widget));
  }

  model.step = -1;
  for (const widget of widgets) model.mountedThisStep.add(widget.activity.key);
  reportsFor(new Set(widgets));
  const view = render(dashboard());

  function rerender(mounting: ReadonlySet<Widget> = new Set()): void {
    for (const widget of mounting) model.mountedThisStep.add(widget.activity.key);
    reportsFor(mounting);
    view.rerender(dashboard());
  }

  // One DOM query per check: jsdom's attribute selectors are the fuzz's hottest path.
  function viewsByActivity(): Map<string, WidgetView[]> {
    const views = new Map<string, WidgetView[]>();
    for (const element of view.container.querySelectorAll('[data-activity]')) {
      const key = element.getAttribute('data-activity') ?? '';
      views.set(key, [...(views.get(key) ?? []), readWidget(element)]);
    }
    return views;
  }

  const mountedOf = (activity: ActivityModel) =>
    widgets.filter((widget) => widget.mounted && widget.activity === activity);

  let runs = 0;
  function check(): void {
    const rendered = viewsByActivity();
    const report = (message: string) => model.violation(message);
    for (const activity of model.activities.values()) {
      const pending = isPending(activity);
      const server = serverStatus(activity);
      const views = rendered.get(activity.key) ?? [];
      if (activity.wasPending && !pending) {
        runs += 1;
        checkRunEnd(activity, server, views[0] ? views[0].error : 'unseen', report);
      }
      activity.wasPending = pending;
      const mounted = mountedOf(activity);
      if (!pending && mounted.length === 0) {
        // Nothing unsettled and no view: the lane is gone, and its error with it.
        activity.expectedError = undefined;
        activity.lastWord = undefined;
      }
      const clients = new Set(mounted.map((widget) => panels[widget.panel]?.queryClient));
      checkViews(
        activity,
        {
          views,
          mountedViews: mounted.length,
          cached: [...clients].map((client) =>
            client?.getQueryData<ActivityStatus>(
              activityStatusQueryKey(activity.activityIdentifier, activity.siteName),
            ),
          ),
          pending,
          server,
        },
        report,
      );
    }
  }

  let clicks = 0;
  const injected: FaultKind[] = [];

  async function click(widget: Widget): Promise<void> {
    const { activity } = widget;
    const element = view.container.querySelector(`[data-widget="${widget.key}"]`);
    if (!element) {
      model.violation(`${widget.key} is mounted but not rendered`);
      return;
    }
    const intent = !readWidget(element).completed;
    model.clicked(activity, intent, !isPending(activity));
    // Rule 1: the first thing the activity shows after a click is the click's intent.
    const lane = activityLanes.lane(activity.siteName, activity.activityIdentifier);
    let firstShown: ActivityStatus | undefined;
    let noticed = false;
    const stop = lane.subscribe(() => {
      if (noticed) return;
      noticed = true;
      firstShown = lane.state.status;
    });
    fireEvent.click(element);
    clicks += 1;
    await drain();
    stop();
    activity.wasPending = true;
    if (!noticed || isCompleted(firstShown) !== intent) {
      model.violation(`${widget.key}: the click first showed ${String(firstShown)}`);
    }
  }

  async function play(): Promise<void> {
    await drain();
    model.mountedThisStep.clear();
    check();
    for (const [step, action] of sequence.actions.entries()) {
      model.step = step;
      model.mountedThisStep.clear();
      switch (action.type) {
        case 'click': {
          const widget = widgets[action.widget % widgets.length] as Widget;
          if (widget.mounted) await click(widget);
          break;
        }
        case 'wait':
          await advance(action.ms);
          break;
        case 'jump':
          for (let timer = 0; timer < action.timers; timer++) await nextTimer();
          break;
        case 'fault': {
          if (!sequence.withFaults) break;
          const activity = activityAt(action.site, action.activity);
          const fake = fakeOf(activity.site);
          if (action.fault === 'changedBefore') {
            const statuses = statusesOf(activity.kind);
            const status = statuses[action.times % statuses.length] as ActivityStatus;
            fake.changeBeforeNext(activity.activityIdentifier, status);
          } else {
            fake.inject(toggleFault(action.fault, scheme.headers), {
              activityIdentifier: activity.activityIdentifier,
              times: action.times,
            });
          }
          injected.push(action.fault);
          break;
        }
        case 'readFault': {
          if (!sequence.withFaults) break;
          const activity = activityAt(action.site, action.activity);
          fakeOf(activity.site).inject(readFault(action.fault), {
            activityIdentifier: activity.activityIdentifier,
            times: action.times,
            on: 'read',
          });
          injected.push(action.fault);
          break;
        }
        case 'otherUser': {
          const activity = activityAt(action.site, action.activity);
          const statuses = statusesOf(activity.kind);
          const status = statuses[action.status % statuses.length] as ActivityStatus;
          fakeOf(activity.site).setStatus(activity.activityIdentifier, status);
          model.changedByAnotherUser(activity);
          break;
        }
        case 'refetch': {
          const p = action.panel % panels.length;
          const panel = panels[p] as { site: number };
          const activity = activityAt(panel.site, action.activity);
          (known[p] as Record<string, ActivityStatus>)[activity.activityIdentifier] = serverStatus(
            activity,
          ) as ActivityStatus;
          rerender();
          break;
        }
        case 'toggleMount': {
          const widget = widgets[action.widget % widgets.length] as Widget;
          if (widget.mounted) {
            widget.mounted = false;
            widget.reported = undefined;
            rerender();
            break;
          }
          if (action.fresh) {
            (known[widget.panel] as Record<string, ActivityStatus>)[widget.activityIdentifier] =
              serverStatus(widget.activity) as ActivityStatus;
          }
          widget.mounted = true;
          rerender(new Set([widget]));
          break;
        }
        case 'clear': {
          const client = queryClients[action.queryClient % queryClients.length];
          for (const activity of model.activities.values()) {
            const mounted = mountedOf(activity);
            if (!mounted.some((widget) => panels[widget.panel]?.queryClient === client)) continue;
            const newest = mounted.reduce((a, b) => (b.reportedAt > a.reportedAt ? b : a));
            model.cleared(activity, newest.reported);
          }
          act(() => client?.clear());
          break;
        }
      }
      await drain();
      check();
    }
  }

  function everythingSettled(): boolean {
    return (
      [...model.activities.values()].every(
        (activity) => !isPending(activity) && activity.open === 0,
      ) &&
      network.inFlight === 0 &&
      fakes.every((fake) => fake.requests.every((request) => request.response !== 'pending'))
    );
  }

  try {
    await play();
    model.step = sequence.actions.length;
    model.mountedThisStep.clear();
    const settleFrom = Date.now();

    while (!everythingSettled()) {
      if (Date.now() - settleFrom > SETTLE_LIMIT_MS) {
        model.violation(`nothing settled within ${SETTLE_LIMIT_MS} ms of virtual time`);
        break;
      }
      // Nothing left to wait for: let what is queued run a quantum at a time.
      if (!(await nextTimer())) await advance(QUANTUM_MS);
      check();
    }
    check();

    const report = (message: string) => model.violation(message);
    const texts = [
      view.container.textContent ?? '',
      ...console.lines.slice(consoleAtStart),
      ...errors.flatMap((error) => [
        error.message,
        String(error),
        JSON.stringify(error),
        error.stack ?? '',
      ]),
    ];
    checkHygiene(texts, console.lines.slice(consoleAtStart), scheme, report);
  } finally {
    for (const stop of stopWatchingServers) stop();
    // Not just unmount: Testing Library keeps every container (with React's listeners, and so
    // the whole sequence) until cleanup, which over 20,000 sequences is gigabytes.
    cleanup();
    for (const client of queryClients) client.clear();
    await drain();
  }
  // Rule 9 leaves nothing behind: once settled and unmounted, no lane is kept.
  if (activityLanes.size !== 0) model.violation(`${activityLanes.size} lanes kept after cleanup`);
  activityLanes.forgetEvidence();

  return {
    sequence,
    violations: model.violations,
    clicks,
    toggles: fakes.reduce(
      (sum, fake) => sum + fake.requests.filter((r) => r.endpoint === 'toggle').length,
      0,
    ),
    reads: fakes.reduce((sum, fake) => sum + fake.readCount(), 0),
    mountReadBacks: [...model.activities.values()].reduce((sum, a) => sum + a.mountReadBacks, 0),
    runs,
    outcomes: model.outcomes,
    injected,
  };
}
