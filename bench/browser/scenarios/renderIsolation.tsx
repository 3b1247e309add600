import { Profiler } from 'react';
import { BenchProviders } from '../BenchProviders.js';
import { NaiveList } from '../lists/NaiveList.js';
import { OurList } from '../lists/OurList.js';
import { dashboardRows } from '../lists/rows.js';
import { mount } from '../mount.js';
import { countCommit, renderCounts, resetRenderCounts } from '../renderCounts.js';
import { sleep } from '../waiting.js';
import { createWorld } from '../world.js';

export type ListVariant = 'ours' | 'naive' | 'naiveMemo';

export interface RenderIsolationResult {
  latencyMs: number;
  /** Commits that touched the list at all. */
  commits: number;
  /** Commits in which the clicked checkbox rendered. */
  clickedCommits: number;
  /** Commits of every other checkbox, added up, and how many different ones rendered. */
  otherCheckboxCommits: number;
  otherCheckboxes: number;
  listRenders: number;
  rowRenders: number;
  requests: number;
  clickedShows: string | null;
}

/**
 * Row 2: mounts `rows` dashboard rows, clicks one checkbox and counts everything React committed
 * from the click until the toggle settled, with the fake answering after `latencyMs`. Needs the
 * profiling build for `<Profiler>`.
 */
export async function renderIsolation(
  variant: ListVariant,
  latencyMs = 0,
  rows = 1000,
  clickIndex = 499,
): Promise<RenderIsolationResult> {
  const data = dashboardRows(rows);
  const clickedId = data[clickIndex]?.activityIdentifier ?? '';
  const world = createWorld(
    data.map((row) => row.activityIdentifier),
    latencyMs,
  );
  const list =
    variant === 'ours' ? (
      <OurList rows={data} profiled />
    ) : (
      <NaiveList rows={data} memoRows={variant === 'naiveMemo'} />
    );
  const mounted = mount(
    <BenchProviders queryClient={world.queryClient} fetch={world.fakeFetch.fetch}>
      <Profiler id="dashboard" onRender={countCommit}>
        {list}
      </Profiler>
    </BenchProviders>,
  );
  await world.settled();
  resetRenderCounts();

  const input =
    mounted.container.querySelectorAll<HTMLInputElement>('input[type=checkbox]')[clickIndex];
  if (!input) throw new Error(`No checkbox at index ${clickIndex}`);
  input.click();
  await world.settled();
  // A commit scheduled after the last answer (a refetch, a timer) still counts.
  await sleep(50);
  await world.settled();

  const others = [...renderCounts.checkboxCommits].filter(([id]) => id !== clickedId);
  const result: RenderIsolationResult = {
    latencyMs,
    commits: renderCounts.commits,
    clickedCommits: renderCounts.checkboxCommits.get(clickedId) ?? 0,
    otherCheckboxCommits: others.reduce((total, [, commits]) => total + commits, 0),
    otherCheckboxes: others.length,
    listRenders: renderCounts.lists,
    rowRenders: renderCounts.rows,
    requests: world.fake.requests.length,
    clickedShows: input.getAttribute('data-state'),
  };
  mounted.unmount();
  world.queryClient.clear();
  return result;
}
