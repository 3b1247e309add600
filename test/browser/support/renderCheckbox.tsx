import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { SuperOfficeProvider } from '../../../src/index.js';

/**
 * The providers the checkbox needs to render. Nothing here reaches a network: tests that draw
 * states stub the binding hook, and the double-click test passes a fake `fetch`.
 */
export function Providers({
  children,
  fetch,
}: {
  children: ReactNode;
  fetch?: typeof globalThis.fetch;
}) {
  return (
    <QueryClientProvider client={new QueryClient()}>
      <SuperOfficeProvider
        baseUrl="https://tenant.superoffice.test/api"
        auth={{ scheme: 'Bearer', token: 'fake-bearer-token' }}
        language="en"
        {...(fetch ? { fetch } : {})}
      >
        {children}
      </SuperOfficeProvider>
    </QueryClientProvider>
  );
}
