import { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, type RenderResult, render } from '@testing-library/react';
import { statusFor } from '../../../src/client/activityStatus.js';
import type { Platform } from '../../../src/core/browser/platform.js';
import {
  type ActivityStatus,
  activityStatusQueryKey,
  isCompleted,
  type SuperOfficeError,
  siteOf,
} from '../../../src/index.js';
import type { FakeWebApi } from '../../../src/testing/index.js';
import {
  errorKindOf,
  FuzzDashboard,
  type PanelView,
  readWidget,
  type WidgetView,
} from './FuzzDashboard.js';
import { ActivityModel, activityKey, FuzzModel, type Journal } from './fuzzModel.js';
import {
  activityIdentifierOf,
  FUZZ_TIMEOUT_MS,
  initialStatusOf,
  type Sequence,
} from './fuzzSequence.js';
import type { InProcessNetwork, NetworkTab } from './inProcessNetwork.js';
import { checkRunEnd, checkViews } from './invariants.js';
import type { Scheme } from './schemes.js';
import { loadTabLibrary, type TabLibrary, unloadTabLibrary } from './tabLibrary.js';
import type { TabsModel } from './tabsModel.js';
import { drain } from './virtualTime.js';

/** Two sites with the same identifiers: each is its own activity (rule 2). */
export const SITE_URLS = ['https://crm.fuzz.test/api', 'https://crm-b.fuzz.test/api'] as const;

/** What every tab of one sequence shares: the sequence, the servers, the network, the findings. */
export interface Page {
  sequence: Sequence;
  scheme: Scheme;
  fakes: readonly FakeWebApi[];
  network: InProcessNetwork;
  journal: Journal;
  tabs: TabsModel;
  /** Another tab is, or was, open beside this one: views may show what other tabs did. */
  otherTabs(): boolean;
  /** The intents other open tabs' own runs of the activity are carrying out. */
  queuedElsewhere(tab: FuzzTab, key: string): boolean[];
}

interface Widget {
  key: string;
  panel: number;
  activity: ActivityModel;
  kind: 'checkbox' | 'hooks';
  mounted: boolean;
  /** The value this view last reported (rule 8), while mounted. */
  reported: ActivityStatus | undefined;
  reportedAt: number;
}

interface Panel {
  key: string;
  queryClient: QueryClient;
  site: number;
  provider: PanelView['provider'];
}

/**
 * One page load of one tab: its own copy of the library (so its own lanes), QueryClients and
 * dashboards, over the browser facilities every tab shares. It plays the user's steps on its
 * views and checks them; `close()` is the page going away mid-flight.
 */
export class FuzzTab {
  readonly label: string;
  readonly platform: Platform;
  readonly model: FuzzModel;
  readonly networkTab: NetworkTab;
  readonly errors: SuperOfficeError[] = [];
  alive = true;
  clicks = 0;
  /** Runs of a lane judged at their end. */
  runs = 0;
  #library!: TabLibrary;
  #view!: RenderResult;
  readonly #page: Page;
  readonly #panels: Panel[];
  readonly #queryClients: QueryClient[];
  /** What each panel's data says, per identifier: the props of its views. */
  readonly #known: Record<string, ActivityStatus>[];
  readonly #widgets: Widget[];
  readonly #bySite = new Map<string, number>();
  #reports = 0;
  #text = '';

  private constructor(page: Page, platform: Platform, label: string) {
    const { sequence, scheme, fakes } = page;
    this.#page = page;
    this.platform = platform;
    this.label = label;
    const siteCount = sequence.sites;
    const identifiers = sequence.activities.map(activityIdentifierOf);
    this.model = new FuzzModel(
      sequence.renewOn401,
      (activity) => this.isPending(activity),
      (activity) => fakes[activity.site]?.status(activity.activityIdentifier),
      page.journal,
      sequence.tabs > 1 || label !== 'tab 1' ? `${label}: ` : '',
    );
    for (let site = 0; site < siteCount; site++) {
      const siteName = siteOf(SITE_URLS[site] as string);
      this.#bySite.set(siteName, site);
      for (const [a, spec] of sequence.activities.entries()) {
        const id = identifiers[a] as string;
        this.model.add(new ActivityModel(site, siteName, id, spec.kind));
      }
    }
    this.networkTab = { observer: this.model, alive: () => this.alive };
    const fetch = page.network.fetchFor(this.networkTab);
    this.#queryClients = Array.from({ length: sequence.queryClients }, () => new QueryClient());
    this.#panels = sequence.panels.map((spec, p) => ({
      key: `p${p}`,
      queryClient: this.#queryClients[spec.queryClient % this.#queryClients.length] as QueryClient,
      site: spec.site % siteCount,
      provider: {
        baseUrl: SITE_URLS[spec.site % siteCount] as string,
        auth: scheme.auth,
        appToken: scheme.appToken,
        timeout: FUZZ_TIMEOUT_MS,
        fetch,
        onUnauthorized: () => (sequence.renewOn401 ? scheme.auth : undefined),
      },
    }));
    // A page loads its dashboards' data fresh: what the server has now.
    this.#known = this.#panels.map((panel) =>
      Object.fromEntries(
        sequence.activities.map((spec, a) => {
          const id = identifiers[a] as string;
          return [id, fakes[panel.site]?.status(id) ?? initialStatusOf(spec, panel.site)];
        }),
      ),
    ) as Record<string, ActivityStatus>[];
    // Render order: panel by panel, each panel's views in sequence order.
    this.#widgets = sequence.widgets
      .map((spec, w) => {
        const panel = spec.panel % this.#panels.length;
        const activity = this.activityAt((this.#panels[panel] as Panel).site, spec.activity);
        return {
          key: `w${w}`,
          panel,
          activity,
          kind: spec.kind,
          mounted: true,
          reported: undefined,
          reportedAt: 0,
        };
      })
      .sort((a, b) => a.panel - b.panel);
  }

  /** Loads the tab's page: its library copy, its dashboards, and what it resumes (rule 13). */
  static async open(page: Page, platform: Platform, label: string): Promise<FuzzTab> {
    const tab = new FuzzTab(page, platform, label);
    tab.#library = await loadTabLibrary(platform, {
      onWant: (site, id, completed, resumed) => {
        const activity = tab.activityOf(site, id);
        if (!resumed || !activity) return;
        tab.model.resumed(activity, completed, !tab.isPending(activity));
        // Judged when it settles, even if it settles before the next check (as a click's run).
        activity.wasPending = true;
        page.tabs.resumed();
      },
      onSettled: (site, id, error) => {
        const activity = tab.activityOf(site, id);
        if (!activity) return;
        activity.lastRunError = error && errorKindOf(error);
        page.tabs.settled(activity.key, error !== undefined);
      },
    });
    for (const widget of tab.#widgets) tab.model.mountedThisStep.add(widget.activity.key);
    tab.#reportsFor(new Set(tab.#widgets));
    const container = document.body.appendChild(document.createElement('div'));
    tab.#view = render(tab.#dashboard(), { container });
    return tab;
  }

  activityAt(site: number, a: number): ActivityModel {
    const { sequence } = this.#page;
    const id = activityIdentifierOf(
      sequence.activities[a % sequence.activities.length] as Sequence['activities'][number],
      a % sequence.activities.length,
    );
    return this.model.activities.get(activityKey(site % sequence.sites, id)) as ActivityModel;
  }

  activityOf(siteName: string, activityIdentifier: string): ActivityModel | undefined {
    const site = this.#bySite.get(siteName);
    return site === undefined
      ? undefined
      : this.model.activities.get(activityKey(site, activityIdentifier));
  }

  /** This tab's own run of the activity is unsettled (not what it shows of other tabs). */
  isPending(activity: ActivityModel): boolean {
    return this.#library.ownRun(activity.siteName, activity.activityIdentifier);
  }

  #serverStatus(activity: ActivityModel): ActivityStatus | undefined {
    return this.#page.fakes[activity.site]?.status(activity.activityIdentifier);
  }

  #dashboard() {
    const panels: PanelView[] = this.#panels.map((panel, p) => ({
      key: panel.key,
      queryClient: panel.queryClient,
      provider: panel.provider,
      widgets: this.#widgets
        .filter((widget) => widget.panel === p)
        .map((widget) => ({
          key: widget.key,
          activityKey: widget.activity.key,
          activityIdentifier: widget.activity.activityIdentifier,
          kind: widget.kind,
          mounted: widget.mounted,
          known: this.#propOf(widget),
        })),
    }));
    return (
      <FuzzDashboard
        lib={this.#library.lib}
        panels={panels}
        onError={(error) => this.errors.push(error)}
        strict={this.#page.sequence.strictMode}
      />
    );
  }

  #propOf(widget: Widget): ActivityStatus {
    return this.#known[widget.panel]?.[widget.activity.activityIdentifier] as ActivityStatus;
  }

  /** The value a view reports: a checkbox knows only completed or not. */
  #reportedBy(widget: Widget): ActivityStatus {
    return widget.kind === 'hooks'
      ? this.#propOf(widget)
      : statusFor(isCompleted(this.#propOf(widget)), widget.activity.kind);
  }

  /** Rule 8 in the model, in the order React runs the views' layout effects. */
  #reportsFor(mounting: ReadonlySet<Widget>): void {
    const report = (widget: Widget, value: ActivityStatus) => {
      widget.reported = value;
      widget.reportedAt = ++this.#reports;
      this.model.reported(widget.activity, value);
    };
    for (const widget of this.#widgets) {
      if (!widget.mounted) continue;
      const value = this.#reportedBy(widget);
      if (mounting.has(widget) || value !== widget.reported) report(widget, value);
    }
    // StrictMode mounts new views' effects a second time, after the commit's other effects.
    if (this.#page.sequence.strictMode) {
      for (const widget of mounting) report(widget, this.#reportedBy(widget));
    }
  }

  #rerender(mounting: ReadonlySet<Widget> = new Set()): void {
    for (const widget of mounting) this.model.mountedThisStep.add(widget.activity.key);
    this.#reportsFor(mounting);
    this.#view.rerender(this.#dashboard());
  }

  // One DOM query per check: jsdom's attribute selectors are the fuzz's hottest path.
  viewsByActivity(): Map<string, WidgetView[]> {
    const views = new Map<string, WidgetView[]>();
    for (const element of this.#view.container.querySelectorAll('[data-activity]')) {
      const key = element.getAttribute('data-activity') ?? '';
      views.set(key, [...(views.get(key) ?? []), readWidget(element)]);
    }
    return views;
  }

  #mountedOf(activity: ActivityModel): Widget[] {
    return this.#widgets.filter((widget) => widget.mounted && widget.activity === activity);
  }

  /** Checked after every step: the views of each activity, and each run that just ended. */
  check(): void {
    const rendered = this.viewsByActivity();
    const report = (message: string) => this.model.violation(message);
    const otherTabs = this.#page.otherTabs();
    for (const activity of this.model.activities.values()) {
      const pending = this.isPending(activity);
      const server = this.#serverStatus(activity);
      const views = rendered.get(activity.key) ?? [];
      if (activity.wasPending && !pending) {
        this.runs += 1;
        // With other tabs, the views may already show another tab's word: judge the run's own.
        const shown = otherTabs ? activity.lastRunError : views[0] ? views[0].error : 'unseen';
        const lastIntent = otherTabs ? this.#page.tabs.lastIntent(activity.key) : undefined;
        checkRunEnd(activity, server, shown, report, otherTabs, lastIntent);
      }
      activity.wasPending = pending;
      const mounted = this.#mountedOf(activity);
      if (!pending && mounted.length === 0) {
        // Nothing unsettled and no view: the lane is gone, and its error with it.
        activity.expectedError = undefined;
        activity.lastWord = undefined;
      }
      const clients = new Set(mounted.map((widget) => this.#panels[widget.panel]?.queryClient));
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
          otherTabs,
        },
        report,
      );
    }
  }

  /** Nothing of this tab is unsettled, open or shown busy. */
  settled(): boolean {
    for (const activity of this.model.activities.values()) {
      if (this.isPending(activity) || activity.open > 0) return false;
    }
    for (const views of this.viewsByActivity().values()) {
      if (views.some((view) => view.busy)) return false;
    }
    return true;
  }

  async click(index: number): Promise<void> {
    const widget = this.#widgets[index % this.#widgets.length] as Widget;
    if (!widget.mounted) return;
    const { activity } = widget;
    const element = this.#view.container.querySelector(`[data-widget="${widget.key}"]`);
    if (!element) {
      this.model.violation(`${widget.key} is mounted but not rendered`);
      return;
    }
    const intent = !readWidget(element).completed;
    this.model.clicked(activity, intent, !this.isPending(activity));
    this.#page.tabs.clicked(activity.key, intent, this.#page.queuedElsewhere(this, activity.key));
    // Rule 1: the first thing the activity shows after a click is the click's intent.
    const lane = this.#library.lanes.lane(activity.siteName, activity.activityIdentifier);
    let firstShown: ActivityStatus | undefined;
    let noticed = false;
    const stop = lane.subscribe(() => {
      if (noticed) return;
      noticed = true;
      firstShown = lane.state.status;
    });
    fireEvent.click(element);
    this.clicks += 1;
    await drain();
    stop();
    activity.wasPending = true;
    if (!noticed || isCompleted(firstShown) !== intent) {
      this.model.violation(`${widget.key}: the click first showed ${String(firstShown)}`);
    }
  }

  /** A panel refetches its data: its views report what the server has now. */
  refetch(panelIndex: number, a: number): void {
    const p = panelIndex % this.#panels.length;
    const activity = this.activityAt((this.#panels[p] as Panel).site, a);
    (this.#known[p] as Record<string, ActivityStatus>)[activity.activityIdentifier] =
      this.#serverStatus(activity) as ActivityStatus;
    this.#rerender();
  }

  toggleMount(index: number, fresh: boolean): void {
    const widget = this.#widgets[index % this.#widgets.length] as Widget;
    if (widget.mounted) {
      widget.mounted = false;
      widget.reported = undefined;
      this.#rerender();
      return;
    }
    const known = this.#known[widget.panel] as Record<string, ActivityStatus>;
    if (fresh)
      known[widget.activity.activityIdentifier] = this.#serverStatus(
        widget.activity,
      ) as ActivityStatus;
    else this.#page.tabs.staleReport(widget.activity.key);
    widget.mounted = true;
    this.#rerender(new Set([widget]));
  }

  /** The dashboard clears one QueryClient (a logout): views fall back to their reports. */
  clear(index: number): void {
    const client = this.#queryClients[index % this.#queryClients.length];
    for (const activity of this.model.activities.values()) {
      const mounted = this.#mountedOf(activity);
      if (!mounted.some((widget) => this.#panels[widget.panel]?.queryClient === client)) continue;
      const newest = mounted.reduce((a, b) => (b.reportedAt > a.reportedAt ? b : a));
      this.model.cleared(activity, newest.reported);
      this.#page.tabs.staleReport(activity.key);
    }
    act(() => client?.clear());
  }

  /** What the tab shows as text, for the secrets check (kept when it closes). */
  get text(): string {
    return this.alive ? (this.#view.container.textContent ?? '') : this.#text;
  }

  /** The page goes away, whatever it has in flight: no cleanup of its own runs, as in a browser. */
  close(): void {
    this.#text = this.text;
    this.alive = false;
    this.#view.unmount();
    this.#view.container.remove();
    for (const client of this.#queryClients) {
      // A gone page runs no timers: its clicks' mutations, pending for ever, would otherwise
      // check every 250 ms, in every later sequence.
      for (const mutation of client.getMutationCache().getAll()) mutation.destroy();
      client.clear();
    }
    unloadTabLibrary(this.#library);
  }

  /** The end of the sequence for an open tab: unmounted and cleared, it must keep no lane. */
  async finish(): Promise<void> {
    this.#text = this.text;
    this.#view.unmount();
    for (const client of this.#queryClients) client.clear();
    await drain();
    const { size } = this.#library.lanes;
    // Rule 9 leaves nothing behind: once settled and unmounted, no lane is kept.
    if (size !== 0) this.model.violation(`${size} lanes kept after cleanup`);
    this.alive = false;
    unloadTabLibrary(this.#library);
  }
}
