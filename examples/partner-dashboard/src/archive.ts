import { useQuery } from '@tanstack/react-query';
import type { ActivityKind } from 'superoffice-activity-react';

/** One row of the dashboard's activity list, shaped like a SuperOffice archive row. */
export interface ArchiveActivity {
  kind: ActivityKind;
  id: number;
  title: string;
  /** ISO date, e.g. `2026-12-01`. */
  date: string;
  completed: boolean;
}

// A real dashboard reads its archive from the WebAPI; the example's fake backend serves it here.
const ARCHIVE_URL = '/demo-archive/activities';

/** The rows, refetched whenever the window regains focus (react-query's default). */
export function useArchiveActivities() {
  return useQuery({
    queryKey: ['archive', 'activities'],
    queryFn: async ({ signal }): Promise<ArchiveActivity[]> => {
      const response = await fetch(ARCHIVE_URL, { signal });
      if (!response.ok) throw new Error(`The archive answered ${response.status}`);
      return response.json();
    },
  });
}
