import { getResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeWebApi } from '../../src/testing/index.js';
import { createFakeWebApiHandlers } from '../../src/testing/msw.js';
import { TOGGLE_PATH, toggleInit } from './toggleRequest.js';

const API = 'https://example.test/api';

const fake = new FakeWebApi();
const server = setupServer(...createFakeWebApiHandlers(fake));

beforeAll(() => {
  server.listen({ onUnhandledFrame: 'error' });
});

afterAll(() => {
  server.close();
});

beforeEach(() => {
  fake.reset({ activities: { 'appointment_id=1': 'NotStarted' } });
});

describe('createFakeWebApiHandlers', () => {
  it('toggles an activity through fetch', async () => {
    const response = await fetch(`${API}${TOGGLE_PATH}`, toggleInit('appointment_id=1'));
    expect(response.status).toBe(200);
    expect(await response.json()).toBe('Completed');
    expect(fake.status('appointment_id=1')).toBe('Completed');
    expect(fake.requests[0]?.url).toBe(`${API}${TOGGLE_PATH}`);
  });

  it('matches the path case-insensitively, as the WebAPI does', async () => {
    const response = await fetch(
      `${API}/v1/agents/appointment/toggleactivity`,
      toggleInit('appointment_id=1'),
    );
    expect(await response.json()).toBe('Completed');
  });

  it('passes the model’s 401 through', async () => {
    const response = await fetch(
      `${API}${TOGGLE_PATH}`,
      toggleInit('appointment_id=1', { Authorization: 'Bearer wrong' }),
    );
    expect(response.status).toBe(401);
    expect(fake.status('appointment_id=1')).toBe('NotStarted');
  });

  it('turns a dropped connection into a rejected fetch', async () => {
    fake.inject({ drop: 'after-apply' });
    await expect(fetch(`${API}${TOGGLE_PATH}`, toggleInit('appointment_id=1'))).rejects.toThrow(
      TypeError,
    );
    expect(fake.status('appointment_id=1')).toBe('Completed');
    expect(fake.requests[0]?.response).toBe('dropped');
  });

  it('answers only under the given base URL when one is set', async () => {
    const handlers = createFakeWebApiHandlers(fake, { baseUrl: 'https://crm.test/Cust1/api/' });
    const request = (url: string) => new Request(url, toggleInit('appointment_id=1'));

    const matched = await getResponse(
      handlers,
      request(`https://crm.test/Cust1/api${TOGGLE_PATH}`),
    );
    expect(await matched?.json()).toBe('Completed');
    expect(await getResponse(handlers, request(`https://crm.test/Cust2/api${TOGGLE_PATH}`))).toBe(
      undefined,
    );
    expect(await getResponse(handlers, request(`https://other.test/Cust1/api${TOGGLE_PATH}`))).toBe(
      undefined,
    );
    expect(fake.toggleCount()).toBe(1);
  });
});
