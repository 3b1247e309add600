import { act } from '@testing-library/react';
import { vi } from 'vitest';

/**
 * Virtual time for the fuzz: `setTimeout` (latencies, ky's timeout, react-query's batching) is
 * faked, while `setImmediate` (React's act queue) stays real. Nothing waits on a wall clock, so a
 * seed replays the same interleaving on any machine, however loaded.
 */
export const QUANTUM_MS = 5;

export function useVirtualTime(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
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
