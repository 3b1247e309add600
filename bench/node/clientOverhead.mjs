// Row 7: sequential toggles over loopback to the Node fake server, four ways: this library's
// client, ky called as the client calls it (the difference is the library's own layer), raw
// fetch with the same headers and body (the difference to ky is ky's), and SuperOffice's own
// client (axios). Interleaved call by call, in a rotating order, so that drift hits all alike.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import ky from 'ky';
import { createSuperOfficeClient } from '../../dist/index.js';
import { FAKE_CREDENTIALS, FakeWebApi } from '../../dist/testing/index.js';
import { startFakeWebApiServer } from '../../dist/testing/node.js';

const require = createRequire(import.meta.url);
const ID = 'appointment_id=1';
const TOKEN = FAKE_CREDENTIALS.bearerTokens[0];

export async function measureClientOverhead({ calls = 1000, warmup = 100 } = {}) {
  const fake = new FakeWebApi({ activities: { [ID]: 'NotStarted' } });
  const server = await startFakeWebApiServer(fake);
  try {
    const variants = {
      ours: oursToggle(server.url),
      rawFetch: rawFetchToggle(server.url),
      ky: kyToggle(server.url),
      official: officialToggle(server.url),
    };
    const names = Object.keys(variants);
    const durations = Object.fromEntries(names.map((name) => [name, []]));
    for (let round = 0; round < warmup + calls; round++) {
      for (let offset = 0; offset < names.length; offset++) {
        const name = names[(round + offset) % names.length];
        const start = performance.now();
        const status = await variants[name]();
        const duration = performance.now() - start;
        if (status !== 'Completed' && status !== 'NotStarted')
          throw new Error(`${name}: ${status}`);
        if (round >= warmup) durations[name].push(duration);
      }
      // The fake logs every request; a long log would slow later calls down.
      if (round % 100 === 99) fake.reset({ activities: { [ID]: fake.status(ID) ?? 'NotStarted' } });
    }
    return { calls, durations };
  } finally {
    await server.close();
  }
}

function oursToggle(baseUrl) {
  const client = createSuperOfficeClient({ baseUrl, auth: { scheme: 'Bearer', token: TOKEN } });
  return () => client.toggleActivity(ID);
}

const HEADERS = {
  Authorization: `Bearer ${TOKEN}`,
  Accept: 'application/json',
  'Content-Type': 'application/json; charset=utf-8',
};
const BODY = JSON.stringify({ ActivityIdentifier: ID });

function rawFetchToggle(baseUrl) {
  const url = `${baseUrl}/v1/Agents/Appointment/ToggleActivity`;
  const init = { method: 'POST', headers: HEADERS, body: BODY, redirect: 'manual' };
  return async () => {
    const response = await fetch(url, init);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return JSON.parse(await response.text());
  };
}

// ky called the way src/client/createSuperOfficeClient.ts calls it: `ky.post` with its options.
function kyToggle(baseUrl) {
  return async () => {
    const response = await ky.post('Agents/Appointment/ToggleActivity', {
      prefix: `${baseUrl}/v1/`,
      timeout: 10_000,
      retry: 0,
      redirect: 'manual',
      headers: HEADERS,
      body: BODY,
    });
    return JSON.parse(await response.text());
  };
}

function officialToggle(baseUrl) {
  const { AppointmentAgent } = require('@superoffice/webapi');
  const agent = new AppointmentAgent(baseUrl, { headers: { Authorization: `Bearer ${TOKEN}` } });
  // The agent sends `activityIdentifier` (camelCase), which the real server's case-insensitive
  // binder accepts but the fake does not; its request form lets the PascalCase key ride along.
  const request = { activityIdentifier: ID, ActivityIdentifier: ID };
  return () => agent.toggleActivityAsync(request);
}
