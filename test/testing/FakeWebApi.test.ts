import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FakeOutcome, RecordedRequest } from '../../src/testing/index.js';
import { FakeWebApi } from '../../src/testing/index.js';
import { toggleRequest } from '../support/fakeRequests.js';

function seeded(): FakeWebApi {
  return new FakeWebApi({
    activities: { 'appointment_id=1': 'NotStarted', 'appointment_id=2': 'Unknown' },
  });
}

async function answerOf(outcome: FakeOutcome): Promise<{ status: number; body: string }> {
  if ('dropped' in outcome) throw new Error('expected a response, the connection was dropped');
  return { status: outcome.status, body: await outcome.text() };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('FakeWebApi', () => {
  it('completes an Unknown activity on toggle', async () => {
    const fake = seeded();
    expect(await answerOf(await fake.handle(toggleRequest('appointment_id=2')))).toEqual({
      status: 200,
      body: '"Completed"',
    });
  });

  it('binds the body property case-insensitively, as ASP.NET does for the official client', async () => {
    const fake = seeded();
    const request = new Request('https://x.test/api/v1/Agents/Appointment/ToggleActivity', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer fake-bearer-token' },
      body: JSON.stringify({ activityIdentifier: 'appointment_id=1' }),
    });
    expect((await answerOf(await fake.handle(request))).body).toBe('"Completed"');
    expect(fake.status('appointment_id=1')).toBe('Completed');
  });

  it('answers 404 for a GET on the toggle path, before checking credentials', async () => {
    const fake = seeded();
    const outcome = await fake.handle(
      new Request('https://fake.test/api/v1/Agents/Appointment/ToggleActivity'),
    );
    const { status, body } = await answerOf(outcome);
    expect(status).toBe(404);
    expect(JSON.parse(body)).toMatchObject({ Error: true, ErrorSource: 'SuperOffice.WebApi' });
  });

  it('answers JSON when Accept prefers JSON over XML', async () => {
    const fake = seeded();
    const outcome = await fake.handle(
      toggleRequest('appointment_id=1', { Accept: 'application/xml;q=0.5, application/json' }),
    );
    expect((await answerOf(outcome)).body).toBe('"Completed"');
  });

  it('rejects malformed JSON with 400 ArgumentException', async () => {
    const fake = seeded();
    const outcome = await fake.handle(
      toggleRequest('appointment_id=1', {}, { body: '{"ActivityIdentifier":' }),
    );
    const { status, body } = await answerOf(outcome);
    expect(status).toBe(400);
    expect(JSON.parse(body)).toMatchObject({ ErrorType: 'ArgumentException' });
  });

  it('rejects an identifier with a non-numeric id as an illegal operation', async () => {
    const fake = seeded();
    const { status, body } = await answerOf(await fake.handle(toggleRequest('appointment_id=x')));
    expect(status).toBe(400);
    expect(JSON.parse(body)).toMatchObject({ ErrorType: 'IllegalOperationException' });
  });

  it('refuses to seed or set a malformed identifier or status', () => {
    expect(() => new FakeWebApi({ activities: { 'todo_id=1': 'Completed' } })).toThrow(/todo_id=1/);
    const fake = seeded();
    expect(() => fake.setStatus('appointment_id=1', 'Done' as never)).toThrow(TypeError);
  });

  it('lets another user change an activity between toggles', async () => {
    const fake = seeded();
    fake.setStatus('appointment_id=1', 'Completed');
    expect((await answerOf(await fake.handle(toggleRequest('appointment_id=1')))).body).toBe(
      '"NotStarted"',
    );
  });

  describe('faults', () => {
    it('prefers a fault for the request’s activity over a global one', async () => {
      const fake = seeded();
      fake.inject({ status: 503 });
      fake.inject({ status: 409 }, { activityIdentifier: 'appointment_id=1' });
      expect((await answerOf(await fake.handle(toggleRequest('appointment_id=1')))).status).toBe(
        409,
      );
      expect((await answerOf(await fake.handle(toggleRequest('appointment_id=1')))).status).toBe(
        503,
      );
      expect((await answerOf(await fake.handle(toggleRequest('appointment_id=1')))).status).toBe(
        200,
      );
    });

    it('repeats a fault `times` times, or until cleared when Infinity', async () => {
      const fake = seeded();
      fake.inject({ status: 500 }, { times: 2 });
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        statuses.push(
          (await answerOf(await fake.handle(toggleRequest('appointment_id=1')))).status,
        );
      }
      expect(statuses).toEqual([500, 500, 200]);

      fake.inject({ status: 504 }, { times: Number.POSITIVE_INFINITY });
      for (let i = 0; i < 5; i++) {
        expect((await answerOf(await fake.handle(toggleRequest('appointment_id=1')))).status).toBe(
          504,
        );
      }
      fake.clearFaults();
      expect((await answerOf(await fake.handle(toggleRequest('appointment_id=1')))).status).toBe(
        200,
      );
    });

    it('answers an injected 401 with a SuperOffice error body and toggles nothing', async () => {
      const fake = seeded();
      fake.inject({ status: 401 });
      const { status, body } = await answerOf(await fake.handle(toggleRequest('appointment_id=1')));
      expect(status).toBe(401);
      expect(JSON.parse(body)).toMatchObject({ Error: true, ErrorType: 'SoException' });
      expect(fake.status('appointment_id=1')).toBe('NotStarted');
      expect(fake.toggleCount()).toBe(0);
    });

    it('rejects faults it could never answer', () => {
      const fake = seeded();
      expect(() => fake.inject({ status: 99 })).toThrow(RangeError);
      expect(() => fake.inject({ status: 500 }, { times: 0 })).toThrow(RangeError);
    });

    it('fails the configured share of requests with a simulated 500', async () => {
      const draws = [0.1, 0.9];
      const fake = new FakeWebApi({
        activities: { 'appointment_id=1': 'NotStarted' },
        failureRate: 0.5,
        random: () => draws.shift() ?? 0,
      });
      const failed = await answerOf(await fake.handle(toggleRequest('appointment_id=1')));
      expect(failed.status).toBe(500);
      expect(JSON.parse(failed.body)).toEqual({
        Error: true,
        ErrorType: 'SoException',
        ErrorMessage: 'Simulated server failure',
        ErrorSource: 'SuperOffice.WebApi (fake)',
      });
      expect(fake.status('appointment_id=1')).toBe('NotStarted');
      expect((await answerOf(await fake.handle(toggleRequest('appointment_id=1')))).status).toBe(
        200,
      );
    });
  });

  it('waits the configured latency before answering', async () => {
    vi.useFakeTimers();
    const fake = seeded();
    fake.setLatency(() => 300);
    let settled = false;
    const outcome = fake.handle(toggleRequest('appointment_id=1')).then((result) => {
      settled = true;
      return result;
    });
    await vi.advanceTimersByTimeAsync(299);
    expect(settled).toBe(false);
    expect(fake.status('appointment_id=1')).toBe('NotStarted');
    await vi.advanceTimersByTimeAsync(1);
    expect((await answerOf(await outcome)).body).toBe('"Completed"');
  });

  it('drops a held request whose client aborts, and never applies it', async () => {
    const fake = seeded();
    const release = fake.hold();
    const controller = new AbortController();
    const outcome = fake.handle(
      toggleRequest('appointment_id=1', {}, { signal: controller.signal }),
    );
    await vi.waitFor(() => expect(fake.requests[0]?.response).toBe('pending'));
    controller.abort();
    expect(await outcome).toEqual({ dropped: true });
    release();
    expect(fake.status('appointment_id=1')).toBe('NotStarted');
    expect(fake.requests[0]?.response).toBe('dropped');
  });

  it('notifies subscribers when a request arrives and when it has finished, until they unsubscribe', async () => {
    const fake = seeded();
    const seen: RecordedRequest['response'][] = [];
    const unsubscribe = fake.subscribe((request) => seen.push(request.response));
    const release = fake.hold();
    const answered = fake.handle(toggleRequest('appointment_id=1'));
    await vi.waitFor(() => expect(seen).toEqual(['pending']));
    release();
    await answered;
    expect(seen).toEqual(['pending', { status: 200, body: '"Completed"' }]);
    unsubscribe();
    await fake.handle(toggleRequest('appointment_id=1'));
    expect(seen).toHaveLength(2);
  });

  it('replaces the requests array on every change, so it can back useSyncExternalStore', async () => {
    const fake = seeded();
    const before = fake.requests;
    await fake.handle(toggleRequest('appointment_id=1'));
    expect(fake.requests).not.toBe(before);
    expect(before).toHaveLength(0);
    expect(fake.requestsFor('appointment_id=1')).toHaveLength(1);
    expect(fake.requestsFor('appointment_id=2')).toHaveLength(0);
  });

  it('forgets state, faults and recordings on reset but keeps subscribers', async () => {
    const fake = seeded();
    const seen: RecordedRequest[] = [];
    fake.subscribe((request) => seen.push(request));
    await fake.handle(toggleRequest('appointment_id=1'));
    fake.inject({ status: 500 });

    fake.reset({ activities: { 'sale_id=9': 'Started' } });
    expect(fake.requests).toHaveLength(0);
    expect(fake.toggleCount()).toBe(0);
    expect(fake.status('appointment_id=1')).toBeUndefined();
    expect((await answerOf(await fake.handle(toggleRequest('sale_id=9')))).body).toBe(
      '"Completed"',
    );
    expect(seen).toHaveLength(4);
  });

  it('releases held requests on reset instead of leaving them hanging', async () => {
    const fake = seeded();
    fake.hold();
    const outcome = fake.handle(toggleRequest('appointment_id=1'));
    fake.reset();
    expect((await answerOf(await outcome)).status).toBe(200);
  });
});
