import type { ProfilerOnRenderCallback } from 'react';

/** What re-rendered since the last reset; filled by `<Profiler>`s and counters in the lists. */
export const renderCounts = {
  commits: 0,
  lists: 0,
  rows: 0,
  /** Commits per checkbox (activity identifier) that rendered at least once. */
  checkboxCommits: new Map<string, number>(),
};

export function resetRenderCounts(): void {
  renderCounts.commits = 0;
  renderCounts.lists = 0;
  renderCounts.rows = 0;
  renderCounts.checkboxCommits.clear();
}

/** For the `<Profiler>` around the whole list: called once per commit that touched it. */
export const countCommit: ProfilerOnRenderCallback = () => {
  renderCounts.commits += 1;
};

/** For the `<Profiler id={activityIdentifier}>` around each checkbox: once per commit it rendered in. */
export const countCheckboxRender: ProfilerOnRenderCallback = (id) => {
  renderCounts.checkboxCommits.set(id, (renderCounts.checkboxCommits.get(id) ?? 0) + 1);
};
