// The partner's page: dashboards, each its own QueryClientProvider and SuperOfficeProvider, with
// a checkbox per row. The test drives it through `window.e2e` (what to show, a baseUrl switch, a
// logout) and reads back what the partner's callbacks and `fetch` saw.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement as h, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { ActivityCompleteCheckbox, SuperOfficeProvider } from 'superoffice-activity-react';

const queryClients = new Map();
const listeners = new Set();
let token = '';
let dashboards = [];

function queryClientFor(key) {
  let client = queryClients.get(key);
  if (!client) {
    client = new QueryClient();
    queryClients.set(key, client);
  }
  return client;
}

function show(next) {
  dashboards = next;
  for (const listener of listeners) listener();
}

const e2e = {
  /** `{ dashboard, activityIdentifier, completed, status }` or `{ …, error: { name, outcomeUnknown } }`. */
  events: [],
  /** Every request the library asked `fetch` for (Chromium may send more on the wire). */
  fetches: [],
  /** `dashboards`: `[{ name, baseUrl, client?, rows: [{ activityIdentifier, completed?, status? }] }]`. */
  mount(config) {
    token = config.token;
    show(config.dashboards);
  },
  setBaseUrl(name, baseUrl) {
    show(
      dashboards.map((dashboard) =>
        dashboard.name === name ? { ...dashboard, baseUrl } : dashboard,
      ),
    );
  },
  /** What a dashboard calls on logout. */
  clear(client) {
    queryClientFor(client).clear();
  },
};
window.e2e = e2e;

function countingFetch(input, init) {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
  e2e.fetches.push({ method, url });
  return fetch(input, init);
}

function Dashboard({ name, baseUrl, client, rows }) {
  return h(
    QueryClientProvider,
    { client: queryClientFor(client ?? name) },
    h(
      SuperOfficeProvider,
      { baseUrl, auth: { scheme: 'Bearer', token }, fetch: countingFetch },
      h(
        'section',
        { 'data-dashboard': name },
        rows.map((row) =>
          h(
            'div',
            { key: row.activityIdentifier, 'data-row': row.activityIdentifier },
            h(ActivityCompleteCheckbox, {
              activityIdentifier: row.activityIdentifier,
              completed: row.completed,
              status: row.status,
              onCompletedChange: (completed, status) =>
                e2e.events.push({
                  dashboard: name,
                  activityIdentifier: row.activityIdentifier,
                  completed,
                  status,
                }),
              onError: (error) =>
                e2e.events.push({
                  dashboard: name,
                  activityIdentifier: row.activityIdentifier,
                  error: { name: error.name, outcomeUnknown: error.outcomeUnknown },
                }),
            }),
          ),
        ),
      ),
    ),
  );
}

function Page() {
  const shown = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => dashboards,
  );
  return shown.map((dashboard) => h(Dashboard, { key: dashboard.name, ...dashboard }));
}

createRoot(document.getElementById('root')).render(h(Page));
