import { PlainCheckbox } from '../checkboxes/PlainCheckbox.js';
import type { DashboardRow } from './rows.js';

/** The floor: the same dashboard with a native checkbox and `useState` per row, no network. */
export function PlainList({ rows }: { rows: DashboardRow[] }) {
  return (
    <ul>
      {rows.map((row) => (
        <li key={row.activityIdentifier}>
          <span>{row.title}</span>
          <PlainCheckbox label="Completed" />
        </li>
      ))}
    </ul>
  );
}
