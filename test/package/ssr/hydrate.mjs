// Browser side: hydrates the server's HTML and records what React reports while doing so.
import { createElement } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { Dashboard } from './Dashboard.mjs';

window.recoverableErrors = [];
const props = JSON.parse(document.getElementById('props').textContent);
hydrateRoot(
  document.getElementById('root'),
  createElement(Dashboard, {
    ...props,
    onHydrated: () => {
      window.hydrated = true;
    },
  }),
  {
    onRecoverableError: (error) => {
      window.recoverableErrors.push(String(error?.message ?? error));
    },
  },
);
