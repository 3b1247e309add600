import { afterEach } from 'vitest';
import { FAKE_CREDENTIALS, FakeWebApi, type FakeWebApiOptions } from '../../src/testing/index.js';
import { type FakeWebApiServer, startFakeWebApiServer } from '../../src/testing/node.js';

export const BEARER = {
  scheme: 'Bearer',
  token: FAKE_CREDENTIALS.bearerTokens[0] as string,
} as const;

const running: FakeWebApiServer[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

/** A fake WebAPI behind a real HTTP server on 127.0.0.1, closed after the test. */
export async function startFake(options: FakeWebApiOptions = {}) {
  const fake = new FakeWebApi(options);
  const server = await startFakeWebApiServer(fake);
  running.push(server);
  return { fake, server, baseUrl: server.url };
}
