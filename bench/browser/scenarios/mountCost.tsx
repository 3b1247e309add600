import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { ActivityCompleteCheckbox } from '../../../src/index.js';
import { BenchProviders } from '../BenchProviders.js';
import { AriaCheckbox } from '../checkboxes/AriaCheckbox.js';
import { GeneratedHookCheckbox } from '../checkboxes/GeneratedHookCheckbox.js';
import { PlainCheckbox } from '../checkboxes/PlainCheckbox.js';
import { RadixCheckbox } from '../checkboxes/RadixCheckbox.js';
import { dashboardRows } from '../lists/rows.js';
import { collectGarbage, nextFrame, nextTask } from '../waiting.js';
import { createWorld } from '../world.js';

export const MOUNT_KINDS = ['ours', 'plain', 'radix', 'aria', 'generatedHook'] as const;
export type MountKind = (typeof MOUNT_KINDS)[number];

export interface MountSample {
  /** `root.render` under `flushSync`: render, commit, layout and passive effects. */
  script: number;
  /** The same plus the style and layout the browser then needs (forced by reading offsetHeight). */
  total: number;
}

/**
 * Row 4: mounts `count` checkboxes of every kind, `warmups + runs` times in rotating order,
 * each time into a fresh root (and a fresh QueryClient where one is needed).
 */
export async function mountCost(
  count = 1000,
  warmups = 3,
  runs = 15,
): Promise<Record<MountKind, MountSample[]>> {
  const samples = Object.fromEntries(MOUNT_KINDS.map((kind) => [kind, []])) as unknown as Record<
    MountKind,
    MountSample[]
  >;
  for (let round = 0; round < warmups + runs; round++) {
    for (let offset = 0; offset < MOUNT_KINDS.length; offset++) {
      const kind = MOUNT_KINDS[(round + offset) % MOUNT_KINDS.length] as MountKind;
      const sample = await mountOnce(kind, count);
      if (round >= warmups) samples[kind].push(sample);
    }
  }
  return samples;
}

async function mountOnce(kind: MountKind, count: number): Promise<MountSample> {
  const rows = dashboardRows(count);
  const world = createWorld([], 0);
  const tree = checkboxes(kind, rows, world.queryClient, world.fakeFetch.fetch);
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  collectGarbage();
  await nextFrame();

  const start = performance.now();
  flushSync(() => root.render(tree));
  const rendered = performance.now();
  void container.offsetHeight;
  const laidOut = performance.now();

  root.unmount();
  container.remove();
  world.queryClient.clear();
  await nextTask();
  return { script: rendered - start, total: laidOut - start };
}

function checkboxes(
  kind: MountKind,
  rows: ReturnType<typeof dashboardRows>,
  queryClient: ReturnType<typeof createWorld>['queryClient'],
  fetch: typeof globalThis.fetch,
): ReactNode {
  const items = rows.map((row) => (
    <div key={row.activityIdentifier}>{checkbox(kind, row.activityIdentifier)}</div>
  ));
  if (kind !== 'ours' && kind !== 'generatedHook') return items;
  return (
    <BenchProviders queryClient={queryClient} fetch={fetch}>
      {items}
    </BenchProviders>
  );
}

function checkbox(kind: MountKind, activityIdentifier: string): ReactNode {
  switch (kind) {
    case 'ours':
      return <ActivityCompleteCheckbox activityIdentifier={activityIdentifier} completed={false} />;
    case 'plain':
      return <PlainCheckbox label="Completed" />;
    case 'radix':
      return <RadixCheckbox label="Completed" />;
    case 'aria':
      return <AriaCheckbox label="Completed" />;
    case 'generatedHook':
      return (
        <GeneratedHookCheckbox
          activityIdentifier={activityIdentifier}
          completed={false}
          label="Completed"
        />
      );
  }
}
