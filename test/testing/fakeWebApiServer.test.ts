import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebApi } from '../../src/testing/index.js';
import type { FakeWebApiServer } from '../../src/testing/node.js';
import { startFakeWebApiServer } from '../../src/testing/node.js';
import type { HeaderOverrides } from '../support/fakeRequests.js';
import { readInit, TOGGLE_PATH, toggleInit } from '../support/fakeRequests.js';

const SEED = {
  'appointment_id=1': 'NotStarted',
  'appointment_id=2': 'Completed',
  'document_id=3': 'NotStarted',
  'sale_id=4': 'Started',
  'sale_id=5': 'NotStarted',
} as const;

const fake = new FakeWebApi();
let server: FakeWebApiServer;

beforeAll(async () => {
  server = await startFakeWebApiServer(fake);
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  fake.reset({ activities: { ...SEED } });
});

function toggle(
  activityIdentifier: string,
  headers: HeaderOverrides = {},
  init: RequestInit = {},
): Promise<Response> {
  return fetch(`${server.url}${TOGGLE_PATH}`, toggleInit(activityIdentifier, headers, init));
}

async function statusAfterToggle(activityIdentifier: string): Promise<unknown> {
  const response = await toggle(activityIdentifier);
  expect(response.status).toBe(200);
  return response.json();
}

function basic(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

describe('startFakeWebApiServer', () => {
  it('listens on 127.0.0.1 and gives the client a base URL ending in /api', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).toBe(`${server.origin}/api`);
  });

  it('completes a not-started appointment and reopens it on the next toggle', async () => {
    const first = await toggle('appointment_id=1');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await first.text()).toBe('"Completed"');
    expect(fake.status('appointment_id=1')).toBe('Completed');

    expect(await statusAfterToggle('appointment_id=1')).toBe('NotStarted');
    expect(fake.status('appointment_id=1')).toBe('NotStarted');
    expect(fake.toggleCount('appointment_id=1')).toBe(2);
  });

  it('toggles documents between NotStarted and Completed', async () => {
    expect(await statusAfterToggle('document_id=3')).toBe('Completed');
    expect(await statusAfterToggle('document_id=3')).toBe('NotStarted');
  });

  it('toggles sales between Completed and Started, treating NotStarted as Started', async () => {
    expect(await statusAfterToggle('sale_id=4')).toBe('Completed');
    expect(await statusAfterToggle('sale_id=4')).toBe('Started');
    expect(await statusAfterToggle('sale_id=5')).toBe('Completed');
    expect(await statusAfterToggle('sale_id=5')).toBe('Started');
  });

  it('cycles appointments through Started when three-state checkboxes are on', async () => {
    fake.setThreeStateAppointments(true);
    expect(await statusAfterToggle('appointment_id=1')).toBe('Started');
    expect(await statusAfterToggle('appointment_id=1')).toBe('Completed');
    expect(await statusAfterToggle('appointment_id=1')).toBe('NotStarted');
  });

  it('answers NotStarted for an unknown id and creates nothing', async () => {
    expect(await statusAfterToggle('appointment_id=999')).toBe('NotStarted');
    expect(await statusAfterToggle('appointment_id=999')).toBe('NotStarted');
    expect(fake.status('appointment_id=999')).toBeUndefined();
    expect(fake.toggleCount()).toBe(0);
  });

  it('accepts and ignores $select', async () => {
    const response = await fetch(
      `${server.url}${TOGGLE_PATH}?$select=name,department`,
      toggleInit('appointment_id=1'),
    );
    expect(await response.json()).toBe('Completed');
  });

  describe('authentication', () => {
    it('answers 401 without credentials and toggles nothing', async () => {
      const response = await toggle('appointment_id=1', { Authorization: null });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({
        Error: true,
        ErrorType: 'UnauthorizedAccessException',
        ErrorSource: 'SuperOffice.WebApi',
      });
      expect(fake.status('appointment_id=1')).toBe('NotStarted');
    });

    it('answers 401 when the bearer token is wrong, without echoing it', async () => {
      const response = await toggle('appointment_id=1', { Authorization: 'Bearer s3cret-wrong' });
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain('s3cret-wrong');
      expect(fake.status('appointment_id=1')).toBe('NotStarted');
    });

    it('accepts a Basic password with non-ASCII characters, decoded as UTF-8', async () => {
      fake.reset({
        activities: { ...SEED },
        credentials: {
          basic: [
            { username: 'jöns', password: 'pässwörd' },
            { username: 'li', password: '密码' },
          ],
        },
      });
      const umlauts = await toggle('appointment_id=1', {
        Authorization: basic('jöns', 'pässwörd'),
      });
      expect(umlauts.status).toBe(200);
      const chinese = await toggle('appointment_id=1', { Authorization: basic('li', '密码') });
      expect(chinese.status).toBe(200);
      const wrong = await toggle('appointment_id=1', { Authorization: basic('li', '密碼') });
      expect(wrong.status).toBe(401);
    });

    it('accepts an X-XSRF-TOKEN header when there is no Authorization header', async () => {
      const response = await toggle('appointment_id=1', {
        Authorization: null,
        'X-XSRF-TOKEN': 'fake-xsrf-token',
      });
      expect(response.status).toBe(200);
      const wrong = await toggle('appointment_id=1', {
        Authorization: null,
        'X-XSRF-TOKEN': 'stale-token',
      });
      expect(wrong.status).toBe(401);
    });

    it('requires SO-AppToken with a ticket when an app token is configured', async () => {
      fake.reset({ activities: { ...SEED }, credentials: { appToken: 'app-secret' } });
      const without = await toggle('appointment_id=1', { Authorization: 'SOTicket fake-ticket' });
      expect(without.status).toBe(401);
      const withToken = await toggle('appointment_id=1', {
        Authorization: 'soticket fake-ticket',
        'SO-AppToken': 'app-secret',
      });
      expect(withToken.status).toBe(200);
    });
  });

  describe('request format', () => {
    it('answers in XML when Accept asks for it', async () => {
      const response = await toggle('appointment_id=1', { Accept: 'application/xml' });
      expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
      expect(await response.text()).toBe(
        '<string xmlns="http://schemas.microsoft.com/2003/10/Serialization/">Completed</string>',
      );
    });

    it('answers 415 for a body that is not JSON-typed', async () => {
      const response = await toggle('appointment_id=1', { 'Content-Type': 'text/plain' });
      expect(response.status).toBe(415);
      expect(fake.status('appointment_id=1')).toBe('NotStarted');
    });

    it('answers 400 ArgumentException for a body without ActivityIdentifier', async () => {
      const response = await fetch(`${server.url}${TOGGLE_PATH}`, {
        ...toggleInit('appointment_id=1'),
        body: JSON.stringify({ Id: 1 }),
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ ErrorType: 'ArgumentException' });
    });

    it('answers 400 IllegalOperationException for an identifier with an unknown key', async () => {
      const response = await toggle('todo_id=1');
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ ErrorType: 'IllegalOperationException' });
    });

    it('answers 404 for any other endpoint', async () => {
      const response = await fetch(`${server.url}/v1/Contact/1`, {
        headers: { Authorization: 'Bearer fake-bearer-token' },
      });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ Error: true });
    });
  });

  describe('faults', () => {
    it('answers an injected status with a JSON body and toggles nothing', async () => {
      fake.inject({ status: 500, body: { Error: true, ErrorType: 'SoException' } });
      const response = await toggle('appointment_id=1');
      expect(response.status).toBe(500);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(await response.json()).toEqual({ Error: true, ErrorType: 'SoException' });
      expect(fake.status('appointment_id=1')).toBe('NotStarted');
      expect(await statusAfterToggle('appointment_id=1')).toBe('Completed');
    });

    it('answers an injected gateway error with an HTML body', async () => {
      fake.inject({ status: 502, body: '<html><body>Bad Gateway</body></html>' });
      const response = await toggle('appointment_id=1');
      expect(response.status).toBe(502);
      expect(response.headers.get('content-type')).toBe('text/html');
      expect(await response.text()).toBe('<html><body>Bad Gateway</body></html>');
      expect(fake.status('appointment_id=1')).toBe('NotStarted');
    });

    it('delays the answer by an injected delay', async () => {
      fake.inject({ delayMs: 150 });
      const started = performance.now();
      expect(await statusAfterToggle('appointment_id=1')).toBe('Completed');
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    });

    it('drops the connection before applying: fetch rejects and nothing changes', async () => {
      fake.inject({ drop: 'before-apply' });
      await expect(toggle('appointment_id=1')).rejects.toThrow(TypeError);
      expect(fake.status('appointment_id=1')).toBe('NotStarted');
      expect(fake.requests[0]?.response).toBe('dropped');
    });

    it('drops the connection after applying: fetch rejects but the toggle happened', async () => {
      fake.inject({ drop: 'after-apply' }, { activityIdentifier: 'appointment_id=1' });
      await expect(toggle('appointment_id=1')).rejects.toThrow(TypeError);
      expect(fake.status('appointment_id=1')).toBe('Completed');
      expect(fake.toggleCount('appointment_id=1')).toBe(1);
    });

    it('records a request as dropped and leaves the state alone when the client aborts', async () => {
      fake.setLatency(5_000);
      const controller = new AbortController();
      const pending = toggle('appointment_id=1', {}, { signal: controller.signal });
      await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
      controller.abort();
      await expect(pending).rejects.toThrow();
      await vi.waitFor(() => expect(fake.requests[0]?.response).toBe('dropped'));
      expect(fake.status('appointment_id=1')).toBe('NotStarted');
    });
  });

  it('holds requests until released, then applies them in arrival order', async () => {
    const release = fake.hold();
    const first = toggle('appointment_id=1');
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
    const second = toggle('appointment_id=1');
    await vi.waitFor(() => expect(fake.requests).toHaveLength(2));

    expect(fake.requests.map((request) => request.response)).toEqual(['pending', 'pending']);
    expect(fake.status('appointment_id=1')).toBe('NotStarted');

    release();
    expect(await (await first).json()).toBe('Completed');
    expect(await (await second).json()).toBe('NotStarted');
  });

  it('records method, URL, lower-case headers, body and response of each request', async () => {
    await toggle('appointment_id=1', { 'SO-Language': 'en' });
    expect(fake.requests).toHaveLength(1);
    const [recorded] = fake.requests;
    expect(recorded).toMatchObject({
      method: 'POST',
      url: `${server.url}${TOGGLE_PATH}`,
      body: '{"ActivityIdentifier":"appointment_id=1"}',
      activityIdentifier: 'appointment_id=1',
      response: { status: 200, body: '"Completed"' },
    });
    expect(recorded?.headers).toMatchObject({
      authorization: 'Bearer fake-bearer-token',
      'content-type': 'application/json',
      'so-language': 'en',
    });
  });

  describe('entity reads', () => {
    function read(apiPath: string, headers: HeaderOverrides = {}): Promise<Response> {
      return fetch(`${server.url}${apiPath}`, readInit(headers));
    }

    it('answers each kind’s Completed status, a sale never NotStarted', async () => {
      expect(await (await read('/v1/Appointment/2')).json()).toMatchObject({
        AppointmentId: 2,
        Completed: 'Completed',
      });
      expect(await (await read('/v1/Document/3')).json()).toMatchObject({
        Completed: 'NotStarted',
      });
      expect(await (await read('/v1/Sale/5')).json()).toMatchObject({ Completed: 'Started' });
      expect(fake.readCount()).toBe(3);
      expect(fake.toggleCount()).toBe(0);
    });

    it('nulls the other fields for $select=Completed', async () => {
      const response = await read('/v1/Appointment/1?$select=Completed');
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await response.json()).toEqual({
        AppointmentId: null,
        Description: null,
        Completed: 'NotStarted',
      });
    });

    it('answers in XML when Accept asks for it', async () => {
      const response = await read('/v1/sale/4', { Accept: 'text/xml' });
      expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
      expect(await response.text()).toContain('<Completed>Started</Completed></SaleEntity>');
    });

    it('answers 404 for an unknown id and 401 without credentials', async () => {
      const missing = await read('/v1/Document/404');
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ ErrorType: 'SoNotFoundException' });
      const anonymous = await read('/v1/Document/3', { Authorization: null });
      expect(anonymous.status).toBe(401);
      expect(fake.readCount()).toBe(2);
    });

    it('shows a toggle applied twice and another user’s change', async () => {
      fake.inject({ appliedTwice: true });
      expect(await statusAfterToggle('appointment_id=1')).toBe('NotStarted');
      fake.changeBeforeNext('appointment_id=1', 'Completed', { on: 'read' });
      expect(await (await read('/v1/Appointment/1')).json()).toMatchObject({
        Completed: 'Completed',
      });
      expect(fake.toggleCount('appointment_id=1')).toBe(2);
    });

    it('drops an injected read: fetch rejects', async () => {
      fake.inject({ drop: 'before-apply' }, { on: 'read' });
      await expect(read('/v1/Appointment/1')).rejects.toThrow(TypeError);
      expect(fake.readsFor('appointment_id=1')[0]?.response).toBe('dropped');
    });

    it('lets a cross-origin browser client read Retry-After', async () => {
      fake.inject({ status: 503, retryAfter: 3 }, { on: 'read' });
      const response = await read('/v1/Appointment/1', { Origin: 'http://localhost:6006' });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('3');
      expect(response.headers.get('access-control-expose-headers')).toBe('Retry-After');
    });
  });

  describe('CORS', () => {
    it('answers a preflight with the requested origin and headers', async () => {
      const response = await fetch(`${server.url}${TOGGLE_PATH}`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'http://localhost:6006',
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'authorization,content-type',
        },
      });
      expect(response.status).toBe(204);
      expect(Object.fromEntries(response.headers)).toMatchObject({
        'access-control-allow-origin': 'http://localhost:6006',
        'access-control-allow-headers': 'authorization,content-type',
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-credentials': 'true',
        vary: 'Origin',
      });
      expect(fake.requests).toHaveLength(0);
    });

    it('allows the calling origin on actual responses', async () => {
      const response = await toggle('appointment_id=1', { Origin: 'http://localhost:6006' });
      expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:6006');
      expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    });
  });

  it('closes promptly even with idle keep-alive connections open', async () => {
    const other = await startFakeWebApiServer(fake);
    const response = await fetch(`${other.url}${TOGGLE_PATH}`, toggleInit('appointment_id=1'));
    await response.text();
    await other.close();
    await expect(
      fetch(`${other.url}${TOGGLE_PATH}`, toggleInit('appointment_id=1')),
    ).rejects.toThrow();
  });
});
