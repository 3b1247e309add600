import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { SuperOfficeProvider, type SuperOfficeProviderProps } from '../../src/index.js';
import { FAKE_CREDENTIALS } from '../../src/testing/index.js';

/** Loopback is allowed over plain http; the custom fetch never leaves the page anyway. */
export const BENCH_BASE_URL = 'http://127.0.0.1/api';
export const BENCH_TOKEN = FAKE_CREDENTIALS.bearerTokens[0] ?? 'fake-bearer-token';

export function BenchProviders(props: {
  queryClient: QueryClient;
  fetch: typeof globalThis.fetch;
  /** Provider options a scenario varies (timeout, tab sync, persistence). */
  options?: Partial<SuperOfficeProviderProps>;
  children: ReactNode;
}) {
  return (
    <QueryClientProvider client={props.queryClient}>
      <SuperOfficeProvider
        baseUrl={BENCH_BASE_URL}
        auth={{ scheme: 'Bearer', token: BENCH_TOKEN }}
        fetch={props.fetch}
        {...props.options}
      >
        {props.children}
      </SuperOfficeProvider>
    </QueryClientProvider>
  );
}
