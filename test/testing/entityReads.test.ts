import { describe, expect, it } from 'vitest';
import type { FakeOutcome } from '../../src/testing/index.js';
import { FakeWebApi } from '../../src/testing/index.js';
import { readRequest, toggleRequest } from '../support/fakeRequests.js';

function seeded(): FakeWebApi {
  return new FakeWebApi({
    activities: {
      'appointment_id=1': 'Completed',
      'sale_id=4': 'NotStarted',
      'sale_id=5': 'Completed',
      'document_id=3': 'NotStarted',
    },
  });
}

async function answerOf(
  outcome: FakeOutcome,
): Promise<{ status: number; body: string; headers: Headers }> {
  if ('dropped' in outcome) throw new Error('expected a response, the connection was dropped');
  return { status: outcome.status, body: await outcome.text(), headers: outcome.headers };
}

async function read(fake: FakeWebApi, apiPath: string, headers = {}): Promise<unknown> {
  const { status, body } = await answerOf(await fake.handle(readRequest(apiPath, headers)));
  expect(status).toBe(200);
  return JSON.parse(body);
}

describe('FakeWebApi entity reads', () => {
  it('answers each kind’s entity with its Completed status and a few fields', async () => {
    const fake = seeded();
    expect(await read(fake, '/v1/Appointment/1')).toEqual({
      AppointmentId: 1,
      Description: 'Fake appointment 1',
      Completed: 'Completed',
    });
    expect(await read(fake, '/v1/Sale/5')).toEqual({
      SaleId: 5,
      Heading: 'Fake sale 5',
      Completed: 'Completed',
    });
    expect(await read(fake, '/v1/Document/3')).toEqual({
      DocumentId: 3,
      Header: 'Fake document 3',
      Completed: 'NotStarted',
    });
  });

  it('never shows a sale as NotStarted: the server treats it as Started', async () => {
    expect(await read(seeded(), '/v1/Sale/4')).toMatchObject({ Completed: 'Started' });
  });

  it('nulls every field a $select leaves out, matching names case-insensitively', async () => {
    const fake = seeded();
    expect(await read(fake, '/v1/Appointment/1?$select=Completed')).toEqual({
      AppointmentId: null,
      Description: null,
      Completed: 'Completed',
    });
    expect(await read(fake, '/v1/Sale/5?$select=saleid,%20completed')).toEqual({
      SaleId: 5,
      Heading: null,
      Completed: 'Completed',
    });
  });

  it('matches the path case-insensitively, as the WebAPI does', async () => {
    expect(await read(seeded(), '/V1/appointment/1/')).toMatchObject({ Completed: 'Completed' });
  });

  it('answers in XML when Accept prefers it, with nulls as i:nil', async () => {
    const fake = seeded();
    const { body, headers } = await answerOf(
      await fake.handle(
        readRequest('/v1/Document/3?$select=Completed', { Accept: 'application/xml' }),
      ),
    );
    expect(headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(body).toBe(
      '<DocumentEntity xmlns:i="http://www.w3.org/2001/XMLSchema-instance" ' +
        'xmlns="http://schemas.datacontract.org/2004/07/SuperOffice.CRM.Services">' +
        '<DocumentId i:nil="true"/><Header i:nil="true"/><Completed>NotStarted</Completed>' +
        '</DocumentEntity>',
    );
  });

  it('answers 404 SoNotFoundException for an id the server does not have', async () => {
    const fake = seeded();
    const { status, body } = await answerOf(await fake.handle(readRequest('/v1/Appointment/99')));
    expect(status).toBe(404);
    expect(JSON.parse(body)).toEqual({
      Error: true,
      ErrorType: 'SoNotFoundException',
      ErrorMessage: 'Appointment id 99 not found',
      ErrorSource: 'SuperOffice.WebApi',
    });
    expect(fake.status('appointment_id=99')).toBeUndefined();
  });

  it('answers 401 without credentials, before saying whether the id exists', async () => {
    const fake = seeded();
    for (const path of ['/v1/Appointment/1', '/v1/Appointment/99']) {
      const { status, body } = await answerOf(
        await fake.handle(readRequest(path, { Authorization: null })),
      );
      expect(status).toBe(401);
      expect(JSON.parse(body)).toMatchObject({ ErrorType: 'UnauthorizedAccessException' });
    }
  });

  it('accepts the X-XSRF-TOKEN of a browser session, like the toggle', async () => {
    const fake = seeded();
    const headers = { Authorization: null, 'X-XSRF-TOKEN': 'fake-xsrf-token' };
    expect(await read(fake, '/v1/Sale/5', headers)).toMatchObject({ Completed: 'Completed' });
  });

  it('answers 404 for a read with another method or a non-numeric id', async () => {
    const fake = seeded();
    const post = readRequest('/v1/Appointment/1', {}, { method: 'POST', body: '{}' });
    expect((await answerOf(await fake.handle(post))).status).toBe(404);
    expect((await answerOf(await fake.handle(readRequest('/v1/Appointment/x')))).status).toBe(404);
    expect(fake.readCount()).toBe(0);
    expect(fake.requests.map((request) => request.endpoint)).toEqual(['other', 'other']);
  });

  it('changes nothing, however often it is repeated', async () => {
    const fake = seeded();
    for (let i = 0; i < 3; i++) await read(fake, '/v1/Appointment/1');
    expect(fake.status('appointment_id=1')).toBe('Completed');
    expect(fake.toggleCount()).toBe(0);
  });

  describe('recording', () => {
    it('records reads apart from toggles, by the identifier the URL names', async () => {
      const fake = seeded();
      await fake.handle(toggleRequest('appointment_id=1'));
      await read(fake, '/v1/Appointment/1');
      await read(fake, '/v1/appointment/001');
      await read(fake, '/v1/Sale/5');

      expect(
        fake.requests.map((request) => [request.endpoint, request.activityIdentifier]),
      ).toEqual([
        ['toggle', 'appointment_id=1'],
        ['read', 'appointment_id=1'],
        ['read', 'appointment_id=1'],
        ['read', 'sale_id=5'],
      ]);
      expect(fake.toggleRequestsFor('appointment_id=1')).toHaveLength(1);
      expect(fake.readsFor('appointment_id=1')).toHaveLength(2);
      expect(fake.requestsFor('appointment_id=1')).toHaveLength(3);
      expect(fake.readCount('appointment_id=1')).toBe(2);
      expect(fake.readCount('document_id=3')).toBe(0);
      expect(fake.readCount()).toBe(3);
      expect(fake.toggleCount()).toBe(1);
    });

    it('counts reads whatever they were answered', async () => {
      const fake = seeded();
      await fake.handle(readRequest('/v1/Sale/99'));
      await fake.handle(readRequest('/v1/Sale/5', { Authorization: null }));
      expect(fake.readsFor('sale_id=99')[0]?.response).toMatchObject({ status: 404 });
      expect(fake.readCount()).toBe(2);
    });

    it('forgets reads on reset', async () => {
      const fake = seeded();
      await read(fake, '/v1/Sale/5');
      fake.reset();
      expect(fake.readCount()).toBe(0);
    });
  });
});
