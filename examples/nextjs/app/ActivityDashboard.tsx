'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { ActivityCompleteCheckbox, SuperOfficeProvider } from 'superoffice-activity-react';
import type { ActivityRow } from './activities';

/** The signed-in user's access token, from this app's own route (app/api/superoffice-token). */
async function getAccessToken(): Promise<string> {
  const response = await fetch('/api/superoffice-token', { cache: 'no-store' });
  if (!response.ok) throw new Error(`Could not get a SuperOffice token (${response.status})`);
  return response.text();
}

export function ActivityDashboard({ baseUrl, rows }: { baseUrl: string; rows: ActivityRow[] }) {
  // One QueryClient per request on the server, one per page in the browser.
  const [queryClient] = useState(() => new QueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      <SuperOfficeProvider
        baseUrl={baseUrl}
        auth={{ scheme: 'Bearer', token: getAccessToken }}
        language="en"
      >
        <ul>
          {rows.map((row) => (
            <li key={row.activityIdentifier} data-activity={row.activityIdentifier}>
              <ActivityCompleteCheckbox
                activityIdentifier={row.activityIdentifier}
                status={row.status}
                label={row.title}
              />
            </li>
          ))}
        </ul>
      </SuperOfficeProvider>
    </QueryClientProvider>
  );
}
