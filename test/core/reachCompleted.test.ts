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

describe('reachCompleted, at the edges', () => {
  it('reads at once after an unknown outcome, then backs off 250 ms and 750 ms between tries', async () => {
    vi.useFakeTimers();
    try {
      const io = server('NotStarted', { toggle: [dropped], read: [dropped, dropped, dropped] });
      const settled = reach(io, { known: 'NotStarted' }).catch((failure) => failure);
      await vi.advanceTimersByTimeAsync(0);
      expect(io.reads).toBe(1);
      await vi.advanceTimersByTimeAsync(249);
      expect(io.reads).toBe(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(io.reads).toBe(2);
      await vi.advanceTimersByTimeAsync(749);
      expect(io.reads).toBe(2);
      await vi.advanceTimersByTimeAsync(1);
      expect(io.reads).toBe(3);
      expect(await settled).toMatchObject({ message: 'dropped', outcomeUnknown: true });
    } finally {
      vi.useRealTimers();
    }
  });

  it('waits what Retry-After asks instead of the backoff, at most 10 s', async () => {
    vi.useFakeTimers();
    try {
      const busy = (retryAfterMs: number) => () =>
        new SuperOfficeApiError('busy', { status: 503, retryAfterMs });
      const io = server('NotStarted', { read: [busy(2_000), busy(60_000)] });
      const settled = reach(io, {});
      await vi.advanceTimersByTimeAsync(1_999);
      expect(io.reads).toBe(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(io.reads).toBe(2);
      await vi.advanceTimersByTimeAsync(9_999);
      expect(io.reads).toBe(2);
      await vi.advanceTimersByTimeAsync(1);
      await expect(settled).resolves.toBe('Completed');
      expect(io.reads).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('retries a read answered 200 without a status, or 408', async () => {
    const odd = (status: number) => () => new SuperOfficeApiError('odd', { status });
    const io = server('NotStarted', { read: [odd(200), odd(408)] });
    await expect(reach(io, {})).resolves.toBe('Completed');
    expect(io.reads).toBe(3);
  });

  it('does not retry a read that failed with something other than a SuperOfficeError, and says why', async () => {
    const io = server('NotStarted');
    io.read.mockImplementation(async () => {
      io.reads += 1;
      throw new TypeError('read is broken');
    });
    const error = await reach(io, {}).catch((failure) => failure);
    expect(io.reads).toBe(1);
    expect(error).toMatchObject({
      name: 'SuperOfficeError',
      message: 'The status of appointment_id=1 could not be read. read is broken',
      outcomeUnknown: true,
    });
  });

  it('reads again when a read answers Unknown', async () => {
    const io = server('Completed');
    io.read.mockImplementationOnce(async () => {
      io.reads += 1;
      return 'Unknown';
    });
    await expect(reach(io, {})).resolves.toBe('Completed');
    expect([io.reads, io.toggles]).toEqual([2, 0]);
  });

  it('hands no evidence on for an answer of Unknown', async () => {
    const evidence: unknown[] = [];
    const io = server('NotStarted');
    io.toggle.mockImplementationOnce(async () => {
      io.toggles += 1;
      io.status = 'Completed';
      return 'Unknown';
    });
    await reach(io, { known: 'NotStarted', onEvidence: (status) => evidence.push(status) });
    expect(evidence).toEqual(['Completed']);
  });

  it('says it is checking while it reads back and while it waits for an unknown toggle, and not after', async () => {
    const checking: boolean[] = [];
    const io = server('NotStarted', { toggle: [dropped] });
    io.read.mockImplementationOnce(async () => {
      io.reads += 1;
      return 'NotStarted'; // not landed (yet): wait, read again, then toggle
    });
    await expect(
      reach(io, {
        known: 'NotStarted',
        mayStillApplyMs: 20,
        onChecking: (now) => checking.push(now),
      }),
    ).resolves.toBe('Completed');
    expect(checking).toEqual([true, false, true, false, true, false]);
    expect([io.toggles, io.reads]).toEqual([2, 2]);
  });

  it('sends no toggle when the connection went during the read before it: waits, then reads again (found by the fuzz)', async () => {
    const io = server('NotStarted');
    let online = true;
    const { promise: whenOnline, resolve: backOnline } = Promise.withResolvers<void>();
    const beforeRequest = async () => {
      if (online) return false;
      await whenOnline;
      return true;
    };
    const read = io.read.getMockImplementation() as () => Promise<ActivityStatus>;
    io.read.mockImplementationOnce(async () => {
      online = false; // the read is answered, but the browser is offline by then
      return read();
    });
    const reached = reach(io, { beforeRequest });
    await vi.waitFor(() => expect(io.reads).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(io.toggles).toBe(0);

    online = true;
    backOnline();
    await expect(reached).resolves.toBe('Completed');
    expect([io.reads, io.toggles]).toEqual([2, 1]);
  });

  it('reads what is now after waiting for the connection, whatever was known', async () => {
    const io = server('Completed');
    let waits = 1;
    const beforeRequest = async () => waits-- > 0;
    await expect(reach(io, { known: 'NotStarted', beforeRequest })).resolves.toBe('Completed');
    expect([io.reads, io.toggles]).toEqual([1, 0]);

    // Known to be there already, but changed while offline: read, and toggled back.
    io.status = 'NotStarted';
    waits = 1;
    await expect(reach(io, { known: 'Completed', beforeRequest })).resolves.toBe('Completed');
    expect([io.reads, io.toggles]).toEqual([2, 1]);
  });

  it(`counts reads across read-backs: never a ${MAX_READS_PER_INTENT + 1}th, even when nothing was known`, async () => {
    const io = server('NotStarted', { toggle: [dropped] });
    let reads = 0;
    io.read.mockImplementation(async () => {
      reads += 1;
      if (reads > 2) throw dropped();
      return 'NotStarted';
    });
    // Read 1: the basis. Read 2: the toggle did not land. Reads 3 and 4 fail; a 5th is not sent.
    const error = await reach(io, { mayStillApplyMs: 1 }).catch((failure) => failure);
    expect(reads).toBe(MAX_READS_PER_INTENT);
    expect(error).toMatchObject({ outcomeUnknown: true });
  });

  it('resolves when the last read after the last toggle finds the intent reached after all', async () => {
    const io = server('NotStarted');
    // Every answer says the toggle went the other way; the read says where it really is.
    io.toggle.mockImplementation(async () => {
      io.toggles += 1;
      io.status = 'Completed';
      return 'NotStarted';
    });
    await expect(reach(io, { known: 'NotStarted' })).resolves.toBe('Completed');
    expect([io.toggles, io.reads]).toEqual([MAX_TOGGLES_PER_INTENT, 1]);
  });

  it('resolves when a click during the last read asks for what the read finds (found by the fuzz)', async () => {
    const io = server('NotStarted', { toggle: Array(3).fill(() => 'twice') });
    let wanted = true;
    const read = io.read.getMockImplementation();
    // The user clicks again while the read after the spent toggles is on its way.
    io.read.mockImplementation(async () => {
      wanted = false;
      return (read as () => Promise<ActivityStatus>)();
    });
    await expect(reach(io, { known: 'NotStarted', wanted: () => wanted })).resolves.toBe(
      'NotStarted',
    );
    expect([io.toggles, io.reads]).toEqual([MAX_TOGGLES_PER_INTENT, 1]);
  });

  it('gives up with the last answer, without a read, when the reads are used up', async () => {
    const io = server('NotStarted');
    let call = 0;
    // Toggle 1 drops (read 1: not landed; read 2 after the wait: still not), toggle 2 drops
    // (read 3: not landed; read 4 after the wait: still not), toggle 3 is answered wrongly.
    io.toggle.mockImplementation(async () => {
      io.toggles += 1;
      call += 1;
      if (call < 3) throw dropped();
      return 'NotStarted';
    });
    // Virtual time: on a loaded machine a read may otherwise come after the toggle could land.
    vi.useFakeTimers();
    let error: unknown;
    try {
      const settled = reach(io, { known: 'NotStarted', mayStillApplyMs: 1 }).catch(
        (failure) => failure,
      );
      await vi.runAllTimersAsync();
      error = await settled;
    } finally {
      vi.useRealTimers();
    }
    expect([io.toggles, io.reads]).toEqual([MAX_TOGGLES_PER_INTENT, MAX_READS_PER_INTENT]);
    expect(error).toBeInstanceOf(ActivityChangedElsewhereError);
    expect(error).toMatchObject({ status: 'NotStarted' });
  });
});
