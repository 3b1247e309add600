import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { memo, Profiler, useCallback, useId } from 'react';
import { postAgentsAppointmentToggleActivity } from '../generatedClient.js';
import { countCheckboxRender, renderCounts } from '../renderCounts.js';
import type { DashboardRow } from './rows.js';

const ROWS_KEY = ['bench', 'dashboardRows'] as const;

/**
 * The naive baseline: the whole list is one query, and a click patches it with `setQueryData`
 * (optimistically, then with the server's answer), as TanStack's optimistic-update guide does.
 * `memoRows` adds the usual fix: `React.memo` rows and a stable callback.
 */
export function NaiveList({ rows, memoRows }: { rows: DashboardRow[]; memoRows: boolean }) {
  renderCounts.lists += 1;
  const queryClient = useQueryClient();
  const { data } = useQuery({
    queryKey: ROWS_KEY,
    queryFn: () => rows,
    initialData: rows,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const setCompleted = useCallback(
    (activityIdentifier: string, completed: boolean) =>
      queryClient.setQueryData<DashboardRow[]>(ROWS_KEY, (current) =>
        current?.map((row) =>
          row.activityIdentifier === activityIdentifier ? { ...row, completed } : row,
        ),
      ),
    [queryClient],
  );
  const { mutate } = useMutation({
    mutationFn: (row: DashboardRow) => postAgentsAppointmentToggleActivity(row.activityIdentifier),
    onMutate: (row) => setCompleted(row.activityIdentifier, !row.completed),
    onSuccess: (status, row) => setCompleted(row.activityIdentifier, status === 'Completed'),
    onError: (_error, row) => setCompleted(row.activityIdentifier, row.completed),
  });
  const Row = memoRows ? MemoNaiveRow : NaiveRow;
  return (
    <ul>
      {data.map((row) => (
        <Row key={row.activityIdentifier} row={row} onToggle={mutate} />
      ))}
    </ul>
  );
}

function NaiveRow({ row, onToggle }: { row: DashboardRow; onToggle: (row: DashboardRow) => void }) {
  renderCounts.rows += 1;
  return (
    <li>
      <span>{row.title}</span>
      <Profiler id={row.activityIdentifier} onRender={countCheckboxRender}>
        <NaiveCheckbox checked={row.completed} onChange={() => onToggle(row)} />
      </Profiler>
    </li>
  );
}

const MemoNaiveRow = memo(NaiveRow);

function NaiveCheckbox({ checked, onChange }: { checked: boolean; onChange: () => void }) {
  const id = useId();
  return (
    <span>
      <input
        type="checkbox"
        id={id}
        checked={checked}
        data-state={checked ? 'checked' : 'unchecked'}
        onChange={onChange}
      />
      <label htmlFor={id}>Completed</label>
    </span>
  );
}
