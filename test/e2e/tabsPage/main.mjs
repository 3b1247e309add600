// One tab of the partner's page: one QueryClientProvider and SuperOfficeProvider (with the
// provider props the test passes: syncTabs, persist, timeout) and a checkbox per row. Several
// such tabs open in one browser context share Web Locks, BroadcastChannel and localStorage.
// The test mounts it through `window.e2e` and reads back what the library wrote to storage.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { ActivityCompleteCheckbox, SuperOfficeProvider } from 'superoffice-activity-react';

const root = createRoot(document.getElementById('root'));
// Which document sent a request (a reload is a new one): the fake records it as a header.
const tab = crypto.randomUUID();
function fetchFromThisTab(input, init) {
  const request = new Request(input, init);
  request.headers.set('x-e2e-tab', tab);
  return fetch(request);
}

// Every key written to localStorage by this tab, in order, to tell `persist={false}` held.
const storageWrites = [];
const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function recordedSetItem(key, value) {
  if (this === globalThis.localStorage) storageWrites.push(key);
  return setItem.call(this, key, value);
};

window.e2e = {
  tab,
  storageWrites,
  /** `{ token, baseUrl, provider: { syncTabs?, persist?, timeout? }, rows: [{ activityIdentifier, completed }] }`. */
  mount({ token, baseUrl, provider = {}, rows }) {
    root.render(
      h(
        QueryClientProvider,
        { client: new QueryClient() },
        h(
          SuperOfficeProvider,
          { baseUrl, auth: { scheme: 'Bearer', token }, fetch: fetchFromThisTab, ...provider },
          rows.map((row) =>
            h(
              'div',
              { key: row.activityIdentifier, 'data-row': row.activityIdentifier },
              h(ActivityCompleteCheckbox, {
                activityIdentifier: row.activityIdentifier,
                completed: row.completed,
              }),
            ),
          ),
        ),
      ),
    );
  },
  /** What the library keeps in localStorage under `prefix`: `[{ key, value }]`. */
  stored(prefix = 'superoffice-activity-react/') {
    return Object.keys(localStorage)
      .filter((key) => key.startsWith(prefix))
      .map((key) => ({ key, value: localStorage.getItem(key) }));
  },
};
