export type { ActivityIdentifier, ActivityKind } from '../client/activityIdentifier.js';
export { activityIdentifier } from '../client/activityIdentifier.js';
export type { ActivityStatus } from '../client/activityStatus.js';
export type {
  FakeOutcome,
  FakeWebApiOptions,
  RecordedRequest,
  RecordedResponse,
} from './FakeWebApi.js';
export { FakeWebApi } from './FakeWebApi.js';
export type { FakeCredentials } from './fakeCredentials.js';
export { FAKE_CREDENTIALS } from './fakeCredentials.js';
export type { FakeFault } from './fakeFaults.js';
export type { FakeWebApiServer, FakeWebApiServerOptions } from './fakeWebApiServer.js';
export { startFakeWebApiServer } from './fakeWebApiServer.js';
export type { FakeWebApiHandlersOptions } from './mswHandlers.js';
export { createFakeWebApiHandlers } from './mswHandlers.js';
