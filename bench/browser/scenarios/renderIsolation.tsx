import { Profiler } from 'react';
import { BenchProviders } from '../BenchProviders.js';
import { NaiveList } from '../lists/NaiveList.js';
import { OurList } from '../lists/OurList.js';
import { dashboardRows } from '../lists/rows.js';
import { mount } from '../mount.js';
import { countCommit, renderCounts, resetRenderCounts } from '../renderCounts.js';
import { createWorld } from '../world.js';

export type ListVariant = 'ours' | 'naive' | 'naiveMemo';

export interface RenderIsolationResult {
  commits: number;
  listRenders: number;
  rowRenders: number;
  checkboxRenders: number;
  /** How many different checkboxes rendered at least once. */
  checkboxesRendered: number;
  requests: number;
  clickedShows: string | null;
}

/**
 * Row 2: mounts `rows` dashboard rows, clicks one checkbox and counts everything React rendered
 * from the click until the toggle settled. Needs the profiling build for `<Profiler>`.
 */
export async function renderIsolation(
  variant: ListVariant,
  rows = 1000,
  clickIndex = 499,
): Promise<RenderIsolationResult> {
  const data = dashboardRows(rows);
  const world = createWorld(
    data.map((row) => row.activityIdentifier),
    0,
  );
  const list =
    variant === 'ours' ? (
      <OurList rows={data} />
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

  const result: RenderIsolationResult = {
    commits: renderCounts.commits,
    listRenders: renderCounts.lists,
    rowRenders: renderCounts.rows,
    checkboxRenders: renderCounts.checkboxRenders,
    checkboxesRendered: renderCounts.checkboxesRendered.size,
    requests: world.fake.requests.length,
    clickedShows: input.getAttribute('data-state'),
  };
  mounted.unmount();
  world.queryClient.clear();
  return result;
}
