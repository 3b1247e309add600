import { BenchProviders } from '../BenchProviders.js';
import { OurList } from '../lists/OurList.js';
import { PlainList } from '../lists/PlainList.js';
import { dashboardRows } from '../lists/rows.js';
import { type Mounted, mount } from '../mount.js';
import { type BenchWorld, createWorld } from '../world.js';

// Row 5 runs in steps so that the runner can collect garbage and read the heap over CDP between
// them: mount, toggle in batches, unmount.

let current: { mounted: Mounted; world: BenchWorld; ids: string[] } | undefined;

export async function memoryMount(kind: 'ours' | 'plain', count = 1000): Promise<void> {
  if (current) throw new Error('Something is mounted already');
  const rows = dashboardRows(count);
  const world = createWorld(
    rows.map((row) => row.activityIdentifier),
    0,
  );
  const ui =
    kind === 'ours' ? (
      <BenchProviders queryClient={world.queryClient} fetch={world.fakeFetch.fetch}>
        <OurList rows={rows} />
      </BenchProviders>
    ) : (
      <PlainList rows={rows} />
    );
  current = { mounted: mount(ui), world, ids: rows.map((row) => row.activityIdentifier) };
  await world.settled();
}

export async function memoryUnmount(): Promise<void> {
  current?.mounted.unmount();
  current?.world.queryClient.clear();
  current = undefined;
}

export interface ToggleBatchResult {
  requests: number;
  /** Checkboxes not showing what the server now holds (should be 0). */
  mismatches: number;
  /** Mutations react-query still keeps. */
  mutationsCached: number;
  /** Time spent in the 1,000 clicks, and from the last click until every toggle settled. */
  clickMs: number;
  settleMs: number;
}

/** Clicks every mounted checkbox once (all concurrently) and waits until every toggle settled. */
export async function memoryToggleBatch(): Promise<ToggleBatchResult> {
  if (!current) throw new Error('Nothing mounted');
  const { mounted, world, ids } = current;
  const inputs = [...mounted.container.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
  const start = performance.now();
  for (const input of inputs) input.click();
  const clicked = performance.now();
  await world.settled();
  const settled = performance.now();

  const statuses = Object.fromEntries(ids.map((id) => [id, world.fake.status(id) ?? 'Unknown']));
  const mismatches = inputs.filter(
    (input, index) => input.checked !== (statuses[ids[index] ?? ''] === 'Completed'),
  ).length;
  const requests = world.fake.requests.length;
  // The fake records every request; start its log over so that only the library's heap grows.
  world.fake.reset({ activities: statuses });
  return {
    requests,
    mismatches,
    mutationsCached: world.queryClient.getMutationCache().getAll().length,
    clickMs: clicked - start,
    settleMs: settled - clicked,
  };
}
