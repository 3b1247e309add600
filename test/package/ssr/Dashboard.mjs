// The same tree on the server (renderToString) and in the browser (hydrateRoot). Plain
// createElement, so that Node runs it as is; copied next to the packed library to import it.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement as h, useEffect, useState } from 'react';
import {
  ActivityCompleteCheckbox,
  SuperOfficeProvider,
  useActivityStatus,
} from 'superoffice-activity-react';

/** `onHydrated` is called by the browser's first effect; the server never calls it. */
export function Dashboard({ baseUrl, token, language, rows, onHydrated }) {
  const [queryClient] = useState(() => new QueryClient());
  useEffect(() => {
    onHydrated?.();
  }, [onHydrated]);
  return h(
    QueryClientProvider,
    { client: queryClient },
    h(
      SuperOfficeProvider,
      { baseUrl, auth: { scheme: 'Bearer', token }, language },
      h(
        'ul',
        null,
        rows.map((row) => h(Row, { key: row.activityIdentifier, row })),
      ),
    ),
  );
}

function Row({ row }) {
  const { status } = useActivityStatus(row.activityIdentifier, { status: row.status });
  return h(
    'li',
    { 'data-activity': row.activityIdentifier },
    h('span', null, `${row.title}: ${status}`),
    h(ActivityCompleteCheckbox, { activityIdentifier: row.activityIdentifier, status: row.status }),
  );
}
