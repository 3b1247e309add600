import { Profiler } from 'react';
import { ActivityCompleteCheckbox } from '../../../src/index.js';
import { countCheckboxRender, renderCounts } from '../renderCounts.js';
import type { DashboardRow } from './rows.js';

/** The dashboard with this library: rows are plain, each checkbox keeps its own state. */
export function OurList({ rows }: { rows: DashboardRow[] }) {
  renderCounts.lists += 1;
  return (
    <ul>
      {rows.map((row) => (
        <OurRow key={row.activityIdentifier} row={row} />
      ))}
    </ul>
  );
}

function OurRow({ row }: { row: DashboardRow }) {
  renderCounts.rows += 1;
  return (
    <li>
      <span>{row.title}</span>
      <Profiler id={row.activityIdentifier} onRender={countCheckboxRender}>
        <ActivityCompleteCheckbox
          activityIdentifier={row.activityIdentifier}
          completed={row.completed}
        />
      </Profiler>
    </li>
  );
}
