import { useState } from 'react';
import {
  ActivityCompleteCheckbox,
  type ActivityStatus,
  isCompleted,
  useSetActivityCompleted,
} from '../../src/index.js';

/** A row of the list: what the dashboard shows, and what SuperOffice actually has. */
export interface SelectionRow {
  activityIdentifier: string;
  title: string;
  shown: ActivityStatus;
  server: ActivityStatus;
}

/** Done, open, and stale rows (completed in SuperOffice by someone else, shown open here). */
export const SELECTION: SelectionRow[] = [
  {
    activityIdentifier: 'appointment_id=101',
    title: 'Call Anna Berg (done)',
    shown: 'Completed',
    server: 'Completed',
  },
  {
    activityIdentifier: 'sale_id=102',
    title: 'Nordic Foods: 40 licences (open)',
    shown: 'Started',
    server: 'Started',
  },
  {
    activityIdentifier: 'document_id=103',
    title: 'Offer letter to Kvist & Co (open)',
    shown: 'NotStarted',
    server: 'NotStarted',
  },
  {
    activityIdentifier: 'appointment_id=104',
    title: 'Quarterly review with Lumen AS (stale)',
    shown: 'NotStarted',
    server: 'Completed',
  },
  {
    activityIdentifier: 'sale_id=105',
    title: 'Upsell: Fjord Shipping mobile (stale)',
    shown: 'Started',
    server: 'Completed',
  },
];

/**
 * A list with a "Complete selected" toolbar, the way a dashboard uses `useSetActivityCompleted`:
 * one `mutate` per selected row, through the same lanes as the rows' checkboxes.
 */
export function CompleteSelectedList() {
  const [selected, setSelected] = useState(
    () => new Set(SELECTION.map((row) => row.activityIdentifier)),
  );
  const [done, setDone] = useState<number>();
  const setCompleted = useSetActivityCompleted();

  const completeSelected = async () => {
    setDone(undefined);
    const results = await Promise.allSettled(
      [...selected].map((activityIdentifier) =>
        setCompleted.mutateAsync({ activityIdentifier, completed: true }),
      ),
    );
    setDone(
      results.filter((result) => result.status === 'fulfilled' && isCompleted(result.value)).length,
    );
  };

  const choose = (activityIdentifier: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(activityIdentifier);
      else next.delete(activityIdentifier);
      return next;
    });

  return (
    <div style={{ display: 'grid', gap: 12, maxWidth: 620 }}>
      <div
        role="toolbar"
        aria-label="Selected activities"
        style={{ display: 'flex', gap: 12, alignItems: 'center' }}
      >
        <button type="button" onClick={completeSelected} disabled={selected.size === 0}>
          Complete selected ({selected.size})
        </button>
        <output data-testid="complete-selected-result">
          {done === undefined ? '' : `${done} of ${selected.size} completed`}
        </output>
      </div>
      <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 8 }}>
        {SELECTION.map((row) => (
          <li
            key={row.activityIdentifier}
            style={{ display: 'flex', gap: 12, alignItems: 'center' }}
          >
            <input
              type="checkbox"
              aria-label={`Select ${row.title}`}
              checked={selected.has(row.activityIdentifier)}
              onChange={(event) => choose(row.activityIdentifier, event.target.checked)}
            />
            <ActivityCompleteCheckbox
              activityIdentifier={row.activityIdentifier}
              status={row.shown}
              label={row.title}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
