import { describe, expect, it, vi } from 'vitest';
import {
  MAX_READS_PER_INTENT,
  MAX_TOGGLES_PER_INTENT,
  reachCompleted,
} from '../../src/client/reachCompleted.js';
import {
  ActivityChangedElsewhereError,
  type ActivityStatus,
  SuperOfficeApiError,
  SuperOfficeNetworkError,
} from '../../src/index.js';

const A1 = 'appointment_id=1';
const dropped = () => new SuperOfficeNetworkError('dropped', 'network');
const refused = () => new SuperOfficeApiError('Database is read-only', { status: 500 });
const gateway = () => new SuperOfficeApiError('Bad Gateway', { status: 502, outcomeUnknown: true });

type ToggleFault = () => Error | 'twice' | undefined;

/** A server in memory: a two-state flip table, and a script of what goes wrong. */
function server(
  start: ActivityStatus,
  script: { toggle?: ToggleFault[]; read?: (() => Error)[] } = {},
) {
  let status = start;
  const flip = () => {
    status = status === 'Completed' ? 'NotStarted' : 'Completed';
  };
  const io = {
    toggles: 0,
    reads: 0,
    get status() {
      return status;
    },
    set status(next: ActivityStatus) {
      status = next;
    },
    toggle: vi.fn(async (): Promise<ActivityStatus> => {
      io.toggles += 1;
      const fault = script.toggle?.shift()?.();
      if (fault === 'twice') flip();
      else if (fault) throw fault;
      flip();
      return status;
    }),
    read: vi.fn(async (): Promise<ActivityStatus> => {
      io.reads += 1;
      const fault = script.read?.shift()?.();
      if (fault) throw fault;
      return status;
    }),
  };
  return io;
}

const reach = (
  io: ReturnType<typeof server>,
  goal: Partial<Parameters<typeof reachCompleted>[0]>,
) =>
  reachCompleted({
    activityIdentifier: A1,
    wanted: () => true,
    toggle: io.toggle,
    read: io.read,
    ...goal,
  });

describe('reachCompleted', () => {
  it('sends nothing when the known status already matches the intent', async () => {
    const io = server('Completed');
    await expect(reach(io, { known: 'Completed' })).resolves.toBe('Completed');
    expect(io.toggles + io.reads).toBe(0);
  });

  it('reads first when nothing is known, and then toggles only if needed', async () => {
    const io = server('Completed');
    await expect(reach(io, {})).resolves.toBe('Completed');
    expect([io.reads, io.toggles]).toEqual([1, 0]);
  });

  it('corrects a stale basis with one more toggle (rule 4)', async () => {
    const io = server('Completed');
    await expect(reach(io, { known: 'NotStarted' })).resolves.toBe('Completed');
    expect(io.toggles).toBe(2);
    expect(io.status).toBe('Completed');
  });

  it('takes the first answer as final with converge: false', async () => {
    const io = server('Completed');
    await expect(reach(io, { known: 'NotStarted', converge: false })).resolves.toBe('NotStarted');
    expect(io.toggles).toBe(1);
  });

  it(`gives up after ${MAX_TOGGLES_PER_INTENT} toggles with ActivityChangedElsewhereError and the read status`, async () => {
    const io = server('NotStarted', { toggle: Array(4).fill(() => 'twice') });
    const error = await reach(io, { known: 'NotStarted' }).catch((failure) => failure);
    expect(error).toBeInstanceOf(ActivityChangedElsewhereError);
    expect(error.status).toBe('NotStarted');
    expect(io.toggles).toBe(MAX_TOGGLES_PER_INTENT);
    expect(io.reads).toBe(1);
  });

  it('reads back a dropped toggle that was applied, and sends nothing more (rule 5)', async () => {
    const io = server('NotStarted');
    io.toggle.mockImplementationOnce(async () => {
      io.toggles += 1;
      io.status = 'Completed';
      throw dropped();
    });
    const checking: boolean[] = [];
    const onChecking = (now: boolean) => checking.push(now);
    await expect(reach(io, { known: 'NotStarted', onChecking })).resolves.toBe('Completed');
    expect([io.toggles, io.reads]).toEqual([1, 1]);
    expect(checking).toEqual([true, false]);
  });

  it('waits until an unknown toggle can no longer land before it toggles again (rule 7)', async () => {
    const io = server('NotStarted', { toggle: [dropped] });
    const started = Date.now();
    await expect(reach(io, { known: 'NotStarted', mayStillApplyMs: 150 })).resolves.toBe(
      'Completed',
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect([io.toggles, io.reads]).toEqual([2, 2]);
  });

  it(`rejects with the unknown outcome after at most ${MAX_READS_PER_INTENT} reads that fail`, async () => {
    const io = server('NotStarted', { toggle: [gateway], read: Array(10).fill(dropped) });
    const error = await reach(io, { known: 'NotStarted' }).catch((failure) => failure);
    expect(error).toMatchObject({ status: 502, outcomeUnknown: true });
    expect(io.reads).toBeGreaterThanOrEqual(2);
    expect(io.reads).toBeLessThanOrEqual(MAX_READS_PER_INTENT);
    expect(io.toggles).toBe(1);
  });

  it('honours Retry-After between reads', async () => {
    const busy = () => new SuperOfficeApiError('busy', { status: 429, retryAfterMs: 120 });
    const io = server('NotStarted', { read: [busy] });
    const started = Date.now();
    await reach(io, {});
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    expect(io.reads).toBe(2);
  });

  it('rejects a definite refusal as it came, without another request (rule 6)', async () => {
    const io = server('NotStarted', { toggle: [refused] });
    await expect(reach(io, { known: 'NotStarted' })).rejects.toThrow('Database is read-only');
    expect(io.toggles + io.reads).toBe(1);
  });

  it('ends at once when a read says 404: the id does not exist', async () => {
    const notFound = () => new SuperOfficeApiError('not found', { status: 404 });
    const io = server('NotStarted', { read: [notFound, notFound] });
    await expect(reach(io, {})).rejects.toMatchObject({ status: 404 });
    expect(io.reads).toBe(1);
  });

  it('follows an intent that changes while a toggle is on its way', async () => {
    const io = server('NotStarted');
    let want = true;
    io.toggle.mockImplementationOnce(async () => {
      io.toggles += 1;
      want = false;
      io.status = 'Completed';
      return 'Completed';
    });
    await expect(reach(io, { wanted: () => want, known: 'NotStarted' })).resolves.toBe(
      'NotStarted',
    );
    expect(io.toggles).toBe(2);
  });

  it('stops waiting and reading when its signal aborts', async () => {
    const io = server('NotStarted', { toggle: [dropped] });
    const controller = new AbortController();
    const settled = reach(io, {
      known: 'NotStarted',
      mayStillApplyMs: 10_000,
      signal: controller.signal,
    });
    await vi.waitFor(() => expect(io.reads).toBe(1));
    const reason = new Error('stop');
    controller.abort(reason);
    // A typed error like an aborted request's, with the caller's reason as its cause.
    await expect(settled).rejects.toMatchObject({
      name: 'SuperOfficeNetworkError',
      reason: 'aborted',
      outcomeUnknown: true,
      cause: reason,
    });
    expect(io.toggles).toBe(1);
    expect(io.reads).toBe(1);
  });

  it('tries one read-back exactly 3 times when every read fails, then rejects unconfirmed', async () => {
    const io = server('NotStarted', { toggle: [dropped], read: Array(10).fill(dropped) });
    const error = await reach(io, { known: 'NotStarted' }).catch((failure) => failure);
    expect(io.reads).toBe(3);
    expect(error).toMatchObject({ outcomeUnknown: true });
  });

  it(`never reads more than ${MAX_READS_PER_INTENT} times for one intent`, async () => {
    // The first read-back finds nothing landed; the second (after the wait) fails throughout.
    const io = server('NotStarted', { toggle: [dropped] });
    let reads = 0;
    io.read.mockImplementation(async () => {
      reads += 1;
      if (reads > 1) throw dropped();
      return 'NotStarted';
    });
    await reach(io, { known: 'NotStarted', mayStillApplyMs: 1 }).catch(() => undefined);
    expect(reads).toBe(MAX_READS_PER_INTENT);
  });

  it('reads back an answer of Unknown instead of trusting it', async () => {
    const io = server('NotStarted');
    io.toggle.mockImplementationOnce(async () => {
      io.toggles += 1;
      io.status = 'Completed';
      return 'Unknown';
    });
    await expect(reach(io, { known: 'NotStarted' })).resolves.toBe('Completed');
    expect([io.toggles, io.reads]).toEqual([1, 1]);
  });

  it('hands every answer and read to onEvidence, in order', async () => {
    const evidence: string[] = [];
    const onEvidence = (status: string) => evidence.push(status);
    await reach(server('Completed'), { known: 'NotStarted', onEvidence });
    expect(evidence).toEqual(['NotStarted', 'Completed']);

    evidence.length = 0;
    const dropping = server('Completed', { toggle: [dropped] });
    await reach(dropping, { known: 'NotStarted', onEvidence });
    expect(evidence).toEqual(['Completed']); // the read, since the toggle had no answer
  });

  it('retries a read answered 500 or 429, but not one refused with 403', async () => {
    const failing = (status: number) => () => new SuperOfficeApiError('no', { status });
    const retried = server('NotStarted', { read: [failing(500), failing(429)] });
    await expect(reach(retried, {})).resolves.toBe('Completed');
    expect(retried.reads).toBe(3);

    const refused = server('NotStarted', { read: [failing(403)] });
    await expect(reach(refused, {})).rejects.toMatchObject({ outcomeUnknown: true });
    expect(refused.reads).toBe(1);
  });
});
