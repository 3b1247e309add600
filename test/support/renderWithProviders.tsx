import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ReactElement, type ReactNode, StrictMode } from 'react';
import { SuperOfficeProvider, type SuperOfficeProviderProps } from '../../src/index.js';
import { BEARER } from './fakeServer.js';

type ProviderOptions = Omit<SuperOfficeProviderProps, 'children' | 'baseUrl' | 'auth'> &
  Partial<Pick<SuperOfficeProviderProps, 'auth'>>;

/** Renders `ui` in StrictMode inside a fresh QueryClient and a SuperOfficeProvider pointed at `baseUrl`. */
export function renderWithProviders(
  ui: ReactElement,
  baseUrl: string,
  options: ProviderOptions = {},
) {
  const queryClient = new QueryClient();
  const Providers = ({ children, ...overrides }: { children: ReactNode } & ProviderOptions) => (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <SuperOfficeProvider baseUrl={baseUrl} auth={BEARER} {...options} {...overrides}>
          {children}
        </SuperOfficeProvider>
      </QueryClientProvider>
    </StrictMode>
  );
  const user = userEvent.setup();
  const result = render(<Providers>{ui}</Providers>);
  return {
    ...result,
    user,
    queryClient,
    /** Re-renders with new provider props, keeping the same tree. */
    rerenderWith(next: ReactElement, overrides: ProviderOptions = {}) {
      result.rerender(<Providers {...overrides}>{next}</Providers>);
    },
  };
}
