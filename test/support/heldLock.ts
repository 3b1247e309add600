import { expect, vi } from 'vitest';
import type { Platform } from '../../src/core/browser/platform.js';

/**
 * Holds the Web Lock `name` in `platform`'s tab (as another tab's turn would) until the returned
 * function is called; that function resolves once the lock is let go.
 */
export async function holdLock(platform: Platform, name: string): Promise<() => Promise<void>> {
  let release!: () => void;
  const held = platform.locks.run(
    name,
    5_000,
    () =>
      new Promise<void>((resolve) => {
        release = resolve;
      }),
  );
  await vi.waitFor(() => expect(release).toBeTypeOf('function'));
  return async () => {
    release();
    await held;
  };
}
