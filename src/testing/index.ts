// `superoffice-activity-react/testing`: the in-memory fake WebAPI and a `fetch` over it. Runs
// anywhere (browser, jsdom, Node) and imports neither msw nor `node:*`; the MSW handlers are in
// `./testing/msw`, the HTTP server in `./testing/node`.
export type { ActivityIdentifier, ActivityKind } from '../client/activityIdentifier.js';
export { activityIdentifier } from '../client/activityIdentifier.js';
export type { ActivityStatus } from '../client/activityStatus.js';
export { createFakeFetch } from './createFakeFetch.js';
export type {
  FakeOutcome,
  FakeWebApiOptions,
  InjectOptions,
  RecordedRequest,
  RecordedResponse,
} from './FakeWebApi.js';
export { FakeWebApi } from './FakeWebApi.js';
export type { FakeCredentials } from './fakeCredentials.js';
export { FAKE_CREDENTIALS } from './fakeCredentials.js';
export type { FakeFault, FaultTarget } from './fakeFaults.js';
