import type { ActivityStatus } from 'superoffice-activity-react';
import rows from './activities.json';

/** A row as the page gets it from the archive (here: a fixed list the fake WebAPI is seeded with). */
export interface ActivityRow {
  activityIdentifier: string;
  title: string;
  status: ActivityStatus;
}

// JSON types `status` as a plain string; the file holds ActivityStatus values only.
export const ACTIVITIES = rows as ActivityRow[];
