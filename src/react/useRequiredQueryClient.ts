'use client';

import { type QueryClient, QueryClientContext } from '@tanstack/react-query';
import { useContext } from 'react';
import { SuperOfficeConfigError } from '../client/errors/SuperOfficeConfigError.js';

/** The QueryClient above; without one, a SuperOfficeConfigError that names who needs it. */
export function useRequiredQueryClient(who: string): QueryClient {
  const queryClient = useContext(QueryClientContext);
  if (!queryClient) {
    throw new SuperOfficeConfigError(
      `${who} needs a QueryClientProvider above it (from @tanstack/react-query).`,
    );
  }
  return queryClient;
}
