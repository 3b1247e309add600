// `superoffice-activity-react/testing/node`: the fake over real HTTP, in Node only.
export type { FakeWebApiServer, FakeWebApiServerOptions } from './fakeWebApiServer.js';
export { startFakeWebApiServer } from './fakeWebApiServer.js';
