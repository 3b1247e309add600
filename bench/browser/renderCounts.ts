import type { ProfilerOnRenderCallback } from 'react';

/** What re-rendered since the last reset; filled by `<Profiler>`s and counters in the lists. */
export const renderCounts = {
  commits: 0,
  lists: 0,
  rows: 0,
  checkboxRenders: 0,
  checkboxesRendered: new Set<string>(),
};

export function resetRenderCounts(): void {
  renderCounts.commits = 0;
  renderCounts.lists = 0;
  renderCounts.rows = 0;
  renderCounts.checkboxRenders = 0;
  renderCounts.checkboxesRendered.clear();
}

/** For the `<Profiler>` around the whole list: called once per commit that touched it. */
export const countCommit: ProfilerOnRenderCallback = () => {
  renderCounts.commits += 1;
};

/** For the `<Profiler id={activityIdentifier}>` around each checkbox. */
export const countCheckboxRender: ProfilerOnRenderCallback = (id) => {
  renderCounts.checkboxRenders += 1;
  renderCounts.checkboxesRendered.add(id);
};
