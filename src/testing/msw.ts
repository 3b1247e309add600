// `superoffice-activity-react/testing/msw`: MSW handlers over the fake, for `setupServer`
// (msw/node) or `setupWorker` (msw/browser). Needs the optional peer `msw@^3`.
export type { FakeWebApiHandlersOptions } from './mswHandlers.js';
export { createFakeWebApiHandlers } from './mswHandlers.js';
