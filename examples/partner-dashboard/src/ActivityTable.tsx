import {
  ActivityCompleteCheckbox,
  activityIdentifier,
  useActivityStatus,
} from 'superoffice-activity-react';
import type { ArchiveActivity } from './archive';
import { formatDate, kindName, type LanguageCode } from './languages';

interface ActivityTableProps {
  rows: ArchiveActivity[];
  loading: boolean;
  language: LanguageCode;
  hideCompleted: boolean;
  selected: string | undefined;
  onSelect: (activityIdentifier: string) => void;
}

export function ActivityTable({ rows, loading, ...rowProps }: ActivityTableProps) {
  return (
    <table className="activities" aria-busy={loading}>
      <caption>Activities</caption>
      <thead>
        <tr>
          <th scope="col">Kind</th>
          <th scope="col">Title</th>
          <th scope="col">Date</th>
          <th scope="col">Done</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <ActivityRow key={`${row.kind}-${row.id}`} row={row} {...rowProps} />
        ))}
      </tbody>
    </table>
  );
}

interface ActivityRowProps extends Omit<ActivityTableProps, 'rows' | 'loading'> {
  row: ArchiveActivity;
}

function ActivityRow({ row, language, hideCompleted, selected, onSelect }: ActivityRowProps) {
  const id = activityIdentifier(row.kind, row.id);
  // The same shared state the checkboxes show, so the filter follows clicks made anywhere.
  const { completed, isPending } = useActivityStatus(id, { completed: row.completed });
  // A row stays while its toggle is unsettled, so a tick can be taken back before it leaves.
  if (hideCompleted && completed && !isPending) return null;

  const titleId = `title-${row.kind}-${row.id}`;
  const isSelected = selected === id;
  return (
    <tr data-activity={id} data-selected={isSelected || undefined}>
      <td>{kindName(row.kind)}</td>
      <td>
        <button
          type="button"
          id={titleId}
          className="title"
          aria-current={isSelected || undefined}
          onClick={() => onSelect(id)}
        >
          {row.title}
        </button>
      </td>
      <td>{formatDate(row.date, language)}</td>
      <td>
        <ActivityCompleteCheckbox
          activityIdentifier={id}
          completed={row.completed}
          aria-describedby={titleId}
        />
      </td>
    </tr>
  );
}
