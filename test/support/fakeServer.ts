import { onTestFinished } from 'vitest';
import { FAKE_CREDENTIALS, FakeWebApi, type FakeWebApiOptions } from '../../src/testing/index.js';
import { type FakeWebApiServer, startFakeWebApiServer } from '../../src/testing/node.js';

export const BEARER = {
  scheme: 'Bearer',
  token: FAKE_CREDENTIALS.bearerTokens[0] as string,
} as const;

/**
 * A fake WebAPI behind a real HTTP server on 127.0.0.1, closed when the calling test finishes
 * (so call it inside a test, not in `beforeAll` or at module level).
 *
 * @example
 * const { fake, baseUrl } = await startFake({ activities: { 'appointment_id=1': 'NotStarted' } });
 */
export async function startFake(options: FakeWebApiOptions = {}): Promise<{
  fake: FakeWebApi;
  server: FakeWebApiServer;
  baseUrl: string;
}> {
  const fake = new FakeWebApi(options);
  const server = await startFakeWebApiServer(fake);
  onTestFinished(() => server.close());
  return { fake, server, baseUrl: server.url };
}
