import { describe, expect, it, vi } from 'vitest';
import type { FakeOutcome } from '../../src/testing/index.js';
import { FakeWebApi } from '../../src/testing/index.js';
import { readRequest, toggleRequest } from '../support/fakeRequests.js';

const A1 = 'appointment_id=1';

function seeded(): FakeWebApi {
  return new FakeWebApi({ activities: { [A1]: 'NotStarted', 'sale_id=4': 'Started' } });
}

async function answerOf(
  outcome: FakeOutcome,
): Promise<{ status: number; body: string; headers: Headers }> {
  if ('dropped' in outcome) throw new Error('expected a response, the connection was dropped');
  return { status: outcome.status, body: await outcome.text(), headers: outcome.headers };
}

async function toggle(fake: FakeWebApi, activityIdentifier = A1) {
  return answerOf(await fake.handle(toggleRequest(activityIdentifier)));
}

async function readStatus(fake: FakeWebApi, apiPath = '/v1/Appointment/1') {
  return answerOf(await fake.handle(readRequest(apiPath)));
}

describe('FakeWebApi faults for races and retries', () => {
  describe('appliedTwice (the browser’s silent resend)', () => {
    it('applies one toggle request twice and answers the status after the second', async () => {
      const fake = seeded();
      fake.inject({ appliedTwice: true });
      expect((await toggle(fake)).body).toBe('"NotStarted"');
      expect(fake.status(A1)).toBe('NotStarted');
      expect(fake.toggleCount(A1)).toBe(2);
      expect(fake.toggleRequestsFor(A1)).toHaveLength(1);
      expect((await toggle(fake)).body).toBe('"Completed"');
    });

    it('walks a three-state appointment two steps', async () => {
      const fake = seeded();
      fake.setThreeStateAppointments(true);
      fake.inject({ appliedTwice: true }, { activityIdentifier: A1 });
      expect((await toggle(fake)).body).toBe('"Completed"');
    });

    it('can drop the answer after both were applied', async () => {
      const fake = seeded();
      fake.inject({ appliedTwice: true, drop: 'after-apply' });
      expect(await fake.handle(toggleRequest(A1))).toEqual({ dropped: true });
      expect(fake.toggleCount(A1)).toBe(2);
    });

    it('is refused for reads, which apply nothing', () => {
      expect(() => seeded().inject({ appliedTwice: true }, { on: 'read' })).toThrow(TypeError);
    });
  });

  describe('changedBy (another user’s change between requests)', () => {
    it('lands just before the toggle, which then flips the other user’s status', async () => {
      const fake = seeded();
      fake.changeBeforeNext(A1, 'Completed');
      expect(fake.status(A1)).toBe('NotStarted');
      // The user, still seeing NotStarted, ticks: the server reopens what the colleague completed.
      expect((await toggle(fake)).body).toBe('"NotStarted"');
      expect(fake.toggleCount(A1)).toBe(1);
      expect((await toggle(fake)).body).toBe('"Completed"');
    });

    it('waits for the request’s turn: a held toggle sees the change only when processed', async () => {
      const fake = seeded();
      fake.inject({ changedBy: 'Completed', delayMs: 20 });
      const answer = fake.handle(toggleRequest(A1));
      await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
      expect(fake.status(A1)).toBe('NotStarted');
      expect((await answerOf(await answer)).body).toBe('"NotStarted"');
    });

    it('is kept for the activity it names', async () => {
      const fake = seeded();
      fake.changeBeforeNext('sale_id=4', 'Completed');
      await toggle(fake);
      expect(fake.status('sale_id=4')).toBe('Started');
      expect((await toggle(fake, 'sale_id=4')).body).toBe('"Started"');
    });

    it('lands even when the request itself is refused', async () => {
      const fake = seeded();
      fake.changeBeforeNext(A1, 'Completed');
      const refused = await answerOf(
        await fake.handle(toggleRequest(A1, { Authorization: 'Bearer wrong' })),
      );
      expect(refused.status).toBe(401);
      expect(fake.status(A1)).toBe('Completed');
    });

    it('can land before a read instead, which then shows it', async () => {
      const fake = seeded();
      fake.changeBeforeNext(A1, 'Completed', { on: 'read' });
      await toggle(fake);
      expect(fake.status(A1)).toBe('Completed');
      fake.setStatus(A1, 'NotStarted');
      expect(JSON.parse((await readStatus(fake)).body)).toMatchObject({ Completed: 'Completed' });
    });

    it('refuses a status the server does not have, and a malformed identifier', () => {
      const fake = seeded();
      expect(() => fake.inject({ changedBy: 'Done' as never })).toThrow(TypeError);
      expect(() => fake.changeBeforeNext('todo_id=1', 'Completed')).toThrow(/todo_id=1/);
    });
  });

  describe('read faults', () => {
    it('answer reads only, leaving toggles alone, and toggle faults leave reads alone', async () => {
      const fake = seeded();
      fake.inject({ status: 503 }, { on: 'read' });
      fake.inject({ status: 500 });
      expect((await toggle(fake)).status).toBe(500);
      expect((await readStatus(fake)).status).toBe(503);
      expect((await readStatus(fake)).status).toBe(200);
      expect((await toggle(fake)).status).toBe(200);
    });

    it('prefer a fault for the read activity and repeat `times` times', async () => {
      const fake = seeded();
      fake.inject({ status: 502, body: '<html>Bad Gateway</html>' }, { on: 'read' });
      fake.inject({ status: 504 }, { on: 'read', activityIdentifier: A1, times: 2 });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await readStatus(fake)).status);
      expect(statuses).toEqual([504, 504, 502, 200]);
    });

    it('drop a read unanswered, either way', async () => {
      const fake = seeded();
      fake.inject({ drop: 'before-apply' }, { on: 'read' });
      fake.inject({ drop: 'after-apply' }, { on: 'read' });
      expect(await fake.handle(readRequest('/v1/Appointment/1'))).toEqual({ dropped: true });
      expect(await fake.handle(readRequest('/v1/Appointment/1'))).toEqual({ dropped: true });
      expect(fake.readsFor(A1).map((read) => read.response)).toEqual(['dropped', 'dropped']);
      expect(fake.readCount(A1)).toBe(2);
    });

    it('delay a read by `delayMs`', async () => {
      vi.useFakeTimers();
      try {
        const fake = seeded();
        fake.inject({ delayMs: 500 }, { on: 'read' });
        let answered = false;
        const outcome = fake.handle(readRequest('/v1/Appointment/1')).then((result) => {
          answered = true;
          return result;
        });
        await vi.advanceTimersByTimeAsync(499);
        expect(answered).toBe(false);
        await vi.advanceTimersByTimeAsync(1);
        expect((await answerOf(await outcome)).status).toBe(200);
      } finally {
        vi.useRealTimers();
      }
    });

    it('are forgotten by clearFaults and reset', async () => {
      const fake = seeded();
      fake.inject({ status: 503 }, { on: 'read', times: Number.POSITIVE_INFINITY });
      fake.clearFaults();
      expect((await readStatus(fake)).status).toBe(200);
      fake.inject({ status: 503 }, { on: 'read' });
      fake.reset({ activities: { [A1]: 'NotStarted' } });
      expect((await readStatus(fake)).status).toBe(200);
    });
  });

  describe('Retry-After', () => {
    it('goes with an injected status, on reads and toggles', async () => {
      const fake = seeded();
      fake.inject({ status: 503, retryAfter: 2 }, { on: 'read' });
      fake.inject({ status: 429, retryAfter: 0 });
      const read = await readStatus(fake);
      expect(read.status).toBe(503);
      expect(read.headers.get('retry-after')).toBe('2');
      const toggled = await toggle(fake);
      expect(toggled.status).toBe(429);
      expect(toggled.headers.get('retry-after')).toBe('0');
      expect(fake.status(A1)).toBe('NotStarted');
    });

    it('is absent unless asked for', async () => {
      const fake = seeded();
      fake.inject({ status: 503 });
      expect((await toggle(fake)).headers.get('retry-after')).toBeNull();
    });

    it('is refused without a status or when not whole seconds', () => {
      const fake = seeded();
      expect(() => fake.inject({ retryAfter: 1 })).toThrow(TypeError);
      expect(() => fake.inject({ status: 503, retryAfter: 1.5 })).toThrow(RangeError);
      expect(() => fake.inject({ status: 503, retryAfter: -1 })).toThrow(RangeError);
    });
  });
});
