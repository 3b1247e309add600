import fc from 'fast-check';
import { afterAll, beforeAll, describe, it, vi } from 'vitest';
import { FakeWebApi } from '../../src/testing/index.js';
import { sequences } from './support/fuzzSequence.js';
import { FuzzSummary } from './support/fuzzSummary.js';
import { type ConsoleCapture, runSequence } from './support/runSequence.js';
import { useRealTime, useVirtualTime } from './support/virtualTime.js';

// FUZZ_SEED replays a run; FUZZ_RUNS sets how many sequences (npm test: 1,000).
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const runs = Number(process.env.FUZZ_RUNS ?? 1_000);
const maxActions = Number(process.env.FUZZ_MAX_ACTIONS ?? 16);
const reportPath = process.env.FUZZ_REPORT;

const summary = new FuzzSummary();
const captured: ConsoleCapture = { lines: [], warnings: [] };
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

describe('toggling under random clicks, latencies, faults, refetches and unmounts', () => {
  beforeAll(() => {
    const text = (args: unknown[]) => args.map((arg) => String(arg)).join(' ');
    for (const level of ['log', 'info', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args) => captured.lines.push(text(args)));
    }
    for (const level of ['error', 'warn'] as const) {
      vi.spyOn(console, level).mockImplementation((...args) => captured.warnings.push(text(args)));
    }
    process.on('unhandledRejection', onUnhandled);
    useVirtualTime();
  });

  afterAll(() => {
    useRealTime();
    process.off('unhandledRejection', onUnhandled);
    vi.restoreAllMocks();
    const command = reportPath ? 'npm run test:reliability' : 'npm test';
    const markdown = summary.toMarkdown({ seed, runs, command });
    console.info(`\n${markdown}`);
    if (reportPath) summary.write(reportPath, markdown);
  });

  it(
    'keeps every view in agreement with the server and the user, sends no more than it must, and leaks nothing',
    async () => {
      const fake = new FakeWebApi();
      await fc.assert(
        fc.asyncProperty(sequences(maxActions), async (sequence) => {
          const unhandledBefore = unhandled.length;
          const result = await runSequence(sequence, fake, captured);
          for (const reason of unhandled.slice(unhandledBefore)) {
            result.violations.push(`unhandled rejection: ${String(reason)}`);
          }
          summary.add(result);
          if (result.violations.length > 0) {
            throw new Error(`Invariant violations:\n${result.violations.join('\n')}`);
          }
        }),
        { seed, numRuns: runs },
      );
    },
    runs * 500 + 60_000,
  );
});
