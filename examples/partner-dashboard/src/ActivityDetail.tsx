import {
  ActivityCompleteCheckbox,
  activityIdentifier,
  useActivityStatus,
} from 'superoffice-activity-react';
import type { ArchiveActivity } from './archive';
import { formatDate, kindName, type LanguageCode } from './languages';

interface ActivityDetailProps {
  row: ArchiveActivity | undefined;
  language: LanguageCode;
}

export function ActivityDetail({ row, language }: ActivityDetailProps) {
  if (!row) {
    return (
      <section className="detail" aria-label="Selected activity">
        <p className="hint">Select an activity to see it here.</p>
      </section>
    );
  }
  const id = activityIdentifier(row.kind, row.id);
  return <SelectedActivity key={id} id={id} row={row} language={language} />;
}

interface SelectedActivityProps {
  id: string;
  row: ArchiveActivity;
  language: LanguageCode;
}

function SelectedActivity({ id, row, language }: SelectedActivityProps) {
  // A second view of the same activity: it and the row's checkbox share one state.
  const { status, isPending } = useActivityStatus(id, { completed: row.completed });
  return (
    <section className="detail" aria-labelledby="detail-title" data-detail={id}>
      <h2 id="detail-title">{row.title}</h2>
      <dl>
        <dt>Kind</dt>
        <dd>{kindName(row.kind)}</dd>
        <dt>Date</dt>
        <dd>{formatDate(row.date, language)}</dd>
        <dt>Status</dt>
        <dd data-status={status}>
          {status ?? 'Unknown'}
          {isPending ? ' (saving)' : ''}
        </dd>
      </dl>
      <ActivityCompleteCheckbox activityIdentifier={id} completed={row.completed} />
    </section>
  );
}
