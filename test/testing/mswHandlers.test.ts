import { getResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeWebApi } from '../../src/testing/index.js';
import { createFakeWebApiHandlers } from '../../src/testing/msw.js';
import { readInit, TOGGLE_PATH, toggleInit } from '../support/fakeRequests.js';

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

  describe('entity reads', () => {
    it('reads each kind through fetch, case-insensitively, without changing anything', async () => {
      fake.reset({ activities: { 'appointment_id=1': 'Completed', 'sale_id=2': 'NotStarted' } });
      const appointment = await fetch(`${API}/v1/appointment/1?$select=Completed`, readInit());
      expect(await appointment.json()).toEqual({
        AppointmentId: null,
        Description: null,
        Completed: 'Completed',
      });
      const sale = await fetch(`${API}/v1/Sale/2`, readInit());
      expect(await sale.json()).toMatchObject({ SaleId: 2, Completed: 'Started' });
      expect(fake.readCount()).toBe(2);
      expect(fake.toggleCount()).toBe(0);
      expect(fake.status('appointment_id=1')).toBe('Completed');
    });

    it('passes the model’s 404 and 401 through', async () => {
      const missing = await fetch(`${API}/v1/Document/9`, readInit());
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ ErrorType: 'SoNotFoundException' });
      const anonymous = await fetch(`${API}/v1/Appointment/1`, readInit({ Authorization: null }));
      expect(anonymous.status).toBe(401);
    });

    it('answers in XML when Accept asks for it', async () => {
      const response = await fetch(
        `${API}/v1/Appointment/1`,
        readInit({ Accept: 'application/xml' }),
      );
      expect(await response.text()).toMatch(
        /^<AppointmentEntity .*<Completed>NotStarted<\/Completed>/,
      );
    });

    it('turns a dropped read into a rejected fetch and keeps Retry-After on a fault', async () => {
      fake.inject({ drop: 'before-apply' }, { on: 'read' });
      fake.inject({ status: 503, retryAfter: 5 }, { on: 'read' });
      await expect(fetch(`${API}/v1/Appointment/1`, readInit())).rejects.toThrow(TypeError);
      const unavailable = await fetch(`${API}/v1/Appointment/1`, readInit());
      expect(unavailable.status).toBe(503);
      expect(unavailable.headers.get('retry-after')).toBe('5');
    });

    it('answers the resend and another user’s change through fetch', async () => {
      fake.inject({ appliedTwice: true });
      const resent = await fetch(`${API}${TOGGLE_PATH}`, toggleInit('appointment_id=1'));
      expect(await resent.json()).toBe('NotStarted');
      fake.changeBeforeNext('appointment_id=1', 'Completed');
      const stale = await fetch(`${API}${TOGGLE_PATH}`, toggleInit('appointment_id=1'));
      expect(await stale.json()).toBe('NotStarted');
      expect(fake.toggleCount('appointment_id=1')).toBe(3);
      expect(fake.toggleRequestsFor('appointment_id=1')).toHaveLength(2);
    });

    it('answers reads only under the given base URL when one is set', async () => {
      const handlers = createFakeWebApiHandlers(fake, { baseUrl: 'https://crm.test/Cust1/api' });
      const request = (url: string) => new Request(url, readInit());
      const matched = await getResponse(
        handlers,
        request('https://crm.test/cust1/API/v1/Appointment/1'),
      );
      expect(await matched?.json()).toMatchObject({ Completed: 'NotStarted' });
      expect(
        await getResponse(handlers, request('https://crm.test/Cust2/api/v1/Appointment/1')),
      ).toBe(undefined);
      expect(await getResponse(handlers, request('https://crm.test/Cust1/api/v1/Contact/1'))).toBe(
        undefined,
      );
      expect(fake.readCount()).toBe(1);
    });

    it('leaves other GETs to the next handler', async () => {
      const handlers = createFakeWebApiHandlers(fake);
      const other = new Request(`${API}/v1/Appointment/1/Links`, readInit());
      expect(await getResponse(handlers, other)).toBe(undefined);
      expect(fake.requests).toHaveLength(0);
    });
  });
});
