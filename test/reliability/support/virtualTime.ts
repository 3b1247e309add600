import { act } from '@testing-library/react';
import { vi } from 'vitest';

/**
 * Virtual time for the fuzz: `setTimeout` (latencies, ky's timeout, the convergence's backoff
 * and its wait for an unknown toggle) and `Date` (the convergence measures that wait with
 * `Date.now()`) are faked, while `setImmediate` (React's act queue) stays real. Nothing waits on
 * a wall clock, so a seed replays the same interleaving on any machine, however loaded.
 */
export const QUANTUM_MS = 5;

export function useVirtualTime(): void {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
}

export function useRealTime(): void {
  vi.useRealTimers();
}

// Enough turns of the event loop for a click to reach the fake and an answer to reach the DOM.
const TURNS = 4;

async function turns(): Promise<void> {
  for (let turn = 0; turn < TURNS; turn++) {
    vi.advanceTimersByTime(0);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Lets everything already started run to where it waits for virtual time. */
export async function drain(): Promise<void> {
  await act(turns);
}

/** Moves virtual time on by `ms`, one quantum at a time, letting each step's work run. */
export async function advance(ms: number): Promise<void> {
  for (let elapsed = 0; elapsed < ms; elapsed += QUANTUM_MS) {
    await act(async () => {
      vi.advanceTimersByTime(QUANTUM_MS);
      await turns();
    });
  }
}

interface FakeTimer {
  delay?: number;
  callAt: number;
}

interface FakeClock {
  /** A Map in today's fake timers (a plain object in older ones). */
  timers?: Map<number, FakeTimer> | Record<string, FakeTimer>;
}

/**
 * When the next timer that waits for something fires. Timers of no delay only yield, and one
 * reschedules itself every tick (react-query's gc of a mutation still pending), so they are no
 * event to jump to.
 */
function nextWaitAt(): number | undefined {
  const { clock } = globalThis.setTimeout as unknown as { clock?: FakeClock };
  let next: number | undefined;
  const timers = clock?.timers;
  for (const timer of timers instanceof Map ? timers.values() : Object.values(timers ?? {})) {
    if (!(Number(timer.delay) > 0)) continue;
    if (next === undefined || timer.callAt < next) next = timer.callAt;
  }
  return next;
}

/**
 * Jumps virtual time to the next timer that waits for something (a latency, a backoff, the
 * wait for an unknown toggle) and lets what it starts run: a long wait costs one step, not one
 * per quantum. `false` when no such timer is set.
 */
export async function nextTimer(): Promise<boolean> {
  const at = nextWaitAt();
  if (at === undefined) return false;
  await act(async () => {
    vi.advanceTimersByTime(Math.max(0, at - Date.now()));
    await turns();
  });
  return true;
}
