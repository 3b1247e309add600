import { QueryClient } from '@tanstack/react-query';
import type { ActivityStatus } from '../../src/index.js';
import { FakeWebApi } from '../../src/testing/index.js';
import { BENCH_BASE_URL, BENCH_TOKEN } from './BenchProviders.js';
import { type CountingFetch, countingFetch } from './fakeFetch.js';
import { configureGeneratedClient } from './generatedClient.js';
import { nextFrame, nextTask, until } from './waiting.js';

/** One scenario's fake server, query client and fetch, shared by every variant in it. */
export interface BenchWorld {
  fake: FakeWebApi;
  fakeFetch: CountingFetch;
  queryClient: QueryClient;
  /** Resolves once no request is open, no mutation runs and the next frame has been drawn. */
  settled(): Promise<void>;
}

export function createWorld(activityIdentifiers: string[], latencyMs: number): BenchWorld {
  const activities: Record<string, ActivityStatus> = {};
  for (const id of activityIdentifiers) activities[id] = 'NotStarted';
  const fake = new FakeWebApi({ activities, latencyMs });
  const fakeFetch = countingFetch(fake);
  const queryClient = new QueryClient();
  configureGeneratedClient({ baseUrl: BENCH_BASE_URL, token: BENCH_TOKEN, fetch: fakeFetch.fetch });
  return {
    fake,
    fakeFetch,
    queryClient,
    async settled() {
      // Not `isFetching()`: it walks every query, and polled on 10,000 rows it becomes the cost.
      await until(() => fakeFetch.inFlight() === 0 && queryClient.isMutating() === 0);
      await nextFrame();
      await nextTask();
    },
  };
}
