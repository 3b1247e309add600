import { describe, expect, it } from 'vitest';
import {
  createSuperOfficeClient,
  InvalidActivityIdentifierError,
  SuperOfficeApiError,
  siteOf,
} from '../../src/index.js';
import { BEARER, startFake } from '../support/fakeServer.js';

describe('createSuperOfficeClient().getActivityStatus', () => {
  it.each([
    ['appointment_id=1', 'Started', '/api/v1/Appointment/1'],
    ['sale_id=2', 'Completed', '/api/v1/Sale/2'],
    ['document_id=3', 'NotStarted', '/api/v1/Document/3'],
  ] as const)('reads %s as %s with GET %s?$select=Completed', async (id, status, path) => {
    const { fake, baseUrl } = await startFake({ activities: { [id]: status } });
    const client = createSuperOfficeClient({ baseUrl, auth: BEARER, language: 'nb' });

    await expect(client.getActivityStatus(id)).resolves.toBe(status);

    const [request] = fake.requests;
    expect(request?.method).toBe('GET');
    const url = new URL(request?.url ?? '');
    expect(url.pathname).toBe(path);
    expect(url.searchParams.get('$select')).toBe('Completed');
    expect(request?.headers.authorization).toBe(`Bearer ${BEARER.token}`);
    expect(request?.headers['so-language']).toBe('nb');
    expect(request?.headers['content-type']).toBeUndefined();
    expect(fake.toggleCount()).toBe(0);
  });

  it('reads XML when asked for it', async () => {
    const { baseUrl } = await startFake({ activities: { 'sale_id=2': 'Completed' } });
    const client = createSuperOfficeClient({ baseUrl, auth: BEARER, accept: 'xml' });
    await expect(client.getActivityStatus('sale_id=2')).resolves.toBe('Completed');
  });

  it('rejects an id the server does not know with a 404 SuperOfficeApiError', async () => {
    const { baseUrl } = await startFake({ activities: {} });
    const client = createSuperOfficeClient({ baseUrl, auth: BEARER });
    const error = await client.getActivityStatus('appointment_id=99').catch((failure) => failure);
    expect(error).toBeInstanceOf(SuperOfficeApiError);
    expect(error).toMatchObject({ status: 404, outcomeUnknown: false });
  });

  it('rejects a bad identifier before anything is sent', async () => {
    const { fake, baseUrl } = await startFake();
    const client = createSuperOfficeClient({ baseUrl, auth: BEARER });
    await expect(client.getActivityStatus('todo_id=1')).rejects.toBeInstanceOf(
      InvalidActivityIdentifierError,
    );
    expect(fake.requests).toHaveLength(0);
  });
});

describe('createSuperOfficeClient().setActivityCompleted', () => {
  it('is idempotent: called twice, it sends at most one toggle', async () => {
    const { fake, baseUrl } = await startFake({ activities: { 'appointment_id=1': 'NotStarted' } });
    const client = createSuperOfficeClient({ baseUrl, auth: BEARER });

    await expect(client.setActivityCompleted('appointment_id=1', true)).resolves.toBe('Completed');
    await expect(client.setActivityCompleted('appointment_id=1', true)).resolves.toBe('Completed');

    expect(fake.toggleRequestsFor('appointment_id=1')).toHaveLength(1);
    expect(fake.status('appointment_id=1')).toBe('Completed');
  });

  it('ends a three-state appointment Completed, and a sale unticked at Started', async () => {
    const { fake, baseUrl } = await startFake({
      activities: { 'appointment_id=1': 'NotStarted', 'sale_id=2': 'Completed' },
      threeStateAppointments: true,
    });
    const client = createSuperOfficeClient({ baseUrl, auth: BEARER });

    await expect(client.setActivityCompleted('appointment_id=1', true)).resolves.toBe('Completed');
    await expect(client.setActivityCompleted('sale_id=2', false)).resolves.toBe('Started');
    expect(fake.toggleRequestsFor('appointment_id=1')).toHaveLength(2);
  });

  it('recovers from a dropped toggle by reading, never by a blind resend', async () => {
    const { fake, baseUrl } = await startFake({ activities: { 'document_id=3': 'NotStarted' } });
    fake.inject({ drop: 'after-apply' });
    const client = createSuperOfficeClient({ baseUrl, auth: BEARER });

    await expect(client.setActivityCompleted('document_id=3', true)).resolves.toBe('Completed');
    expect(fake.toggleRequestsFor('document_id=3')).toHaveLength(1);
    expect(fake.status('document_id=3')).toBe('Completed');
  });
});

describe('siteOf', () => {
  it('names one site for every spelling of a base URL', () => {
    const site = 'https://online.superoffice.com/Cust1/api';
    for (const spelling of [site, `${site}/`, `${site}/v1`, `${site}/V1/`]) {
      expect(siteOf(spelling)).toBe(site);
    }
    expect(siteOf('https://online.superoffice.com/Cust2/api')).not.toBe(site);
  });
});
