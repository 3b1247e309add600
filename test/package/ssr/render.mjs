// Server side: the dashboard as HTML, with the React the consumer folder links.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { Dashboard } from './Dashboard.mjs';

export function renderDashboard(props) {
  return renderToString(createElement(Dashboard, props));
}
