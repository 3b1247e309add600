import { cleanup } from '@testing-library/react';
import { vi } from 'vitest';
import type { ActivityStatus, FakeWebApi } from '../../../src/testing/index.js';
import { memoryBrowser } from '../../support/memoryTabs.js';
import { FuzzTab, type Page, SITE_URLS } from './FuzzTab.js';
import { activityKey, type Journal } from './fuzzModel.js';
import {
  activityIdentifierOf,
  type FaultKind,
  initialStatusOf,
  readFault,
  type Sequence,
  statusesOf,
  toggleFault,
} from './fuzzSequence.js';
import { InProcessNetwork } from './inProcessNetwork.js';
import { checkHygiene } from './invariants.js';
import { scheme as schemeNamed } from './schemes.js';
import { TabsModel } from './tabsModel.js';
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
  /** Page loads, reloads, closes, resumed intents and the like, across the sequence's tabs. */
  tabs: TabsModel['counts'];
}

/** Everything the sequence printed to the console, to scan for secrets. */
export interface ConsoleCapture {
  lines: string[];
}

// Virtual time allowed for everything to settle after the last step (backoffs are seconds).
const SETTLE_LIMIT_MS = 120_000;

/**
 * Opens the sequence's tabs of one browser, plays its steps against `fakes` (one per site) and
 * checks the contract's invariants after every step and once everything has settled: in each
 * tab, and across tabs once a fresh tab has taken over what closed ones left.
 */
export async function runSequence(
  sequence: Sequence,
  fakes: readonly FakeWebApi[],
  console: ConsoleCapture,
): Promise<SequenceResult> {
  const scheme = schemeNamed(sequence.scheme);
  const identifiers = sequence.activities.map(activityIdentifierOf);
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

  const journal: Journal = { step: -1, violations: [], outcomes: [] };
  const violation = (message: string) =>
    journal.violations.push(`step ${journal.step}: ${message}`);
  const network = new InProcessNetwork(
    new Map(
      SITE_URLS.slice(0, sequence.sites).map((url, site) => [
        new URL(url).origin,
        { fake: fakeOf(site), site },
      ]),
    ),
    {
      onRequest: (exchange) => model.onRequest(exchange),
      onOutcome: (exchange) => model.onOutcome(exchange),
    },
  );
  const model = new TabsModel(journal, () => network.online);
  const all: FuzzTab[] = [];
  const browser = memoryBrowser({
    onLockTimeout: (id, name) => {
      model.counts.lockTimeouts += 1;
      const tab = all.find((open) => open.platform.locks.tab === id);
      const [site = '', activityIdentifier = ''] = name.split('/lane/')[1]?.split(' ') ?? [];
      const activity = tab?.activityOf(site, activityIdentifier);
      if (tab && activity) tab.model.lockTimedOut(activity);
    },
  });
  // Rule 7 at the server: never two toggles of one activity in flight, from any tab.
  const stopWatchingServers = fakes.map((fake, site) => {
    const open = new Map<string, number>();
    return fake.subscribe((request) => {
      if (request.endpoint !== 'toggle') return;
      const key = activityKey(site, request.activityIdentifier ?? '');
      const count = (open.get(key) ?? 0) + (request.response === 'pending' ? 1 : -1);
      open.set(key, count);
      if (count > 1) violation(`${key}: two toggles in flight at the server`);
    });
  });

  // Two tabs were open at once: from then on, views may show what another tab did.
  let together = false;
  const live = () => all.filter((tab) => tab.alive);
  const page: Page = {
    sequence,
    scheme,
    fakes,
    network,
    journal,
    tabs: model,
    otherTabs: () => together,
    queuedElsewhere: (tab, key) =>
      live().flatMap((other) => {
        const activity = other.model.activities.get(key);
        return other !== tab && activity && other.isPending(activity)
          ? [activity.intent as boolean]
          : [];
      }),
  };
  const slots: (FuzzTab | undefined)[] = Array.from({ length: sequence.tabs }, () => undefined);

  async function open(label: string): Promise<FuzzTab> {
    const tab = await FuzzTab.open(page, browser.tab(), label);
    all.push(tab);
    model.counts.tabs += 1;
    if (live().length > 1) together = true;
    await drain();
    return tab;
  }
  function close(tab: FuzzTab): void {
    model.closed(tab.networkTab);
    browser.close(tab.platform);
    tab.close();
  }

  const consoleAtStart = console.lines.length;
  const injected: FaultKind[] = [];
  const checkAll = () => {
    for (const tab of live()) tab.check();
  };

  async function play(): Promise<void> {
    for (let slot = 0; slot < slots.length; slot++) slots[slot] = await open(`tab ${slot + 1}`);
    checkAll();
    for (const [step, action] of sequence.actions.entries()) {
      journal.step = step;
      for (const tab of live()) tab.model.mountedThisStep.clear();
      const slot = 'tab' in action ? action.tab % slots.length : 0;
      const tab = slots[slot];
      const activity = 'activity' in action ? action.activity % identifiers.length : 0;
      const site = 'site' in action ? action.site % sequence.sites : 0;
      const id = identifiers[activity] as string;
      const kind = sequence.activities[activity]?.kind ?? 'appointment';
      switch (action.type) {
        case 'click':
          await tab?.click(action.widget);
          break;
        case 'wait':
          await advance(action.ms);
          break;
        case 'jump':
          for (let timer = 0; timer < action.timers; timer++) await nextTimer();
          break;
        case 'fault': {
          if (!sequence.withFaults) break;
          if (action.fault === 'changedBefore') {
            const statuses = statusesOf(kind);
            fakeOf(site).changeBeforeNext(
              id,
              statuses[action.times % statuses.length] as ActivityStatus,
            );
          } else {
            fakeOf(site).inject(toggleFault(action.fault, scheme.headers), {
              activityIdentifier: id,
              times: action.times,
            });
          }
          injected.push(action.fault);
          break;
        }
        case 'readFault':
          if (!sequence.withFaults) break;
          fakeOf(site).inject(readFault(action.fault), {
            activityIdentifier: id,
            times: action.times,
            on: 'read',
          });
          injected.push(action.fault);
          break;
        case 'otherUser': {
          const statuses = statusesOf(kind);
          fakeOf(site).setStatus(id, statuses[action.status % statuses.length] as ActivityStatus);
          for (const open of live()) {
            open.model.changedByAnotherUser(open.activityAt(site, activity));
          }
          model.changedByAnotherUser(activityKey(site, id));
          break;
        }
        case 'refetch':
          tab?.refetch(action.panel, action.activity);
          break;
        case 'toggleMount':
          tab?.toggleMount(action.widget, action.fresh);
          break;
        case 'clear':
          tab?.clear(action.queryClient);
          break;
        case 'reload':
          if (!tab) break;
          close(tab);
          model.counts.reloads += 1;
          slots[slot] = await open(`tab ${slot + 1}`);
          break;
        case 'close':
          if (!tab) break;
          close(tab);
          model.counts.closes += 1;
          slots[slot] = undefined;
          break;
        case 'open':
          if (tab) break;
          model.counts.reopens += 1;
          slots[slot] = await open(`tab ${slot + 1}`);
          break;
        case 'connection':
          if (network.online === action.online) break;
          if (!action.online) model.counts.offline += 1;
          network.online = action.online;
          browser.setOnline(action.online);
          break;
      }
      await drain();
      checkAll();
    }
  }

  function everythingSettled(): boolean {
    return (
      live().every((tab) => tab.settled()) &&
      network.inFlight === 0 &&
      fakes.every((fake) => fake.requests.every((request) => request.response !== 'pending'))
    );
  }

  async function settle(): Promise<void> {
    const settleFrom = Date.now();
    while (!everythingSettled()) {
      if (Date.now() - settleFrom > SETTLE_LIMIT_MS) {
        violation(`nothing settled within ${SETTLE_LIMIT_MS} ms of virtual time`);
        break;
      }
      // Nothing left to wait for: let what is queued run a quantum at a time.
      if (!(await nextTimer())) await advance(QUANTUM_MS);
      checkAll();
    }
    checkAll();
  }

  try {
    await play();
    journal.step = sequence.actions.length;
    for (const tab of live()) tab.model.mountedThisStep.clear();
    // The user comes back online, and everything open settles.
    network.online = true;
    browser.setOnline(true);
    await settle();
    // What closed tabs left is the next page load's to carry out (rule 13): one more tab opens.
    const orphaned = [...browser.storage.values()].some(
      (intent) => !live().some((tab) => tab.platform.locks.tab === intent.tab),
    );
    if (orphaned) {
      model.counts.recoveries += 1;
      await open('a fresh tab');
      await settle();
    }
    model.checkEnd(
      (key) => {
        const [site, id] = key.split(' ');
        return fakeOf(Number(site)).status(id ?? '');
      },
      live().map((tab) => tab.viewsByActivity()),
      [...browser.storage.values()].map((intent) => JSON.stringify(intent)),
    );

    const texts = [
      ...all.map((tab) => tab.text),
      ...console.lines.slice(consoleAtStart),
      ...all.flatMap((tab) =>
        tab.errors.flatMap((error) => [
          error.message,
          String(error),
          JSON.stringify(error),
          error.stack ?? '',
        ]),
      ),
    ];
    checkHygiene(texts, console.lines.slice(consoleAtStart), scheme, violation);
  } finally {
    for (const stop of stopWatchingServers) stop();
    for (const tab of live()) await tab.finish();
    // Not just unmount: Testing Library keeps every container (with React's listeners, and so
    // the whole sequence) until cleanup, which over 20,000 sequences is gigabytes.
    cleanup();
    await drain();
    // The next sequence is another browser: nothing of this one's closed tabs may still run there.
    vi.clearAllTimers();
  }

  return {
    sequence,
    violations: journal.violations,
    clicks: all.reduce((sum, tab) => sum + tab.clicks, 0),
    toggles: fakes.reduce(
      (sum, fake) => sum + fake.requests.filter((r) => r.endpoint === 'toggle').length,
      0,
    ),
    reads: fakes.reduce((sum, fake) => sum + fake.readCount(), 0),
    mountReadBacks: all.reduce(
      (sum, tab) =>
        sum + [...tab.model.activities.values()].reduce((s, a) => s + a.mountReadBacks, 0),
      0,
    ),
    runs: all.reduce((sum, tab) => sum + tab.runs, 0),
    outcomes: journal.outcomes,
    injected,
    tabs: model.counts,
  };
}
