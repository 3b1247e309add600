import { Profiler } from 'react';
import { ActivityCompleteCheckbox } from '../../../src/index.js';
import { countCheckboxRender, renderCounts } from '../renderCounts.js';
import type { DashboardRow } from './rows.js';

/**
 * The dashboard with this library: rows are plain, each checkbox keeps its own state.
 * `profiled` wraps each checkbox in a `<Profiler>` for the render counts; off, the rows hold
 * nothing the plain-input list does not (for memory and scale).
 */
export function OurList({ rows, profiled = false }: { rows: DashboardRow[]; profiled?: boolean }) {
  renderCounts.lists += 1;
  return (
    <ul>
      {rows.map((row) => (
        <OurRow key={row.activityIdentifier} row={row} profiled={profiled} />
      ))}
    </ul>
  );
}

function OurRow({ row, profiled }: { row: DashboardRow; profiled: boolean }) {
  renderCounts.rows += 1;
  const checkbox = (
    <ActivityCompleteCheckbox
      activityIdentifier={row.activityIdentifier}
      completed={row.completed}
    />
  );
  return (
    <li>
      <span>{row.title}</span>
      {profiled ? (
        <Profiler id={row.activityIdentifier} onRender={countCheckboxRender}>
          {checkbox}
        </Profiler>
      ) : (
        checkbox
      )}
    </li>
  );
}
