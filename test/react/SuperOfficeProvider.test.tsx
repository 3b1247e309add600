import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  ActivityCompleteCheckbox,
  SuperOfficeConfigError,
  SuperOfficeProvider,
  useSuperOfficeClient,
} from '../../src/index.js';
import { BEARER, startFake } from '../support/fakeServer.js';
import { renderError } from '../support/renderError.js';
import { renderWithProviders } from '../support/renderWithProviders.js';

const A1 = 'appointment_id=1';

describe('SuperOfficeProvider', () => {
  it('says to add a QueryClientProvider when there is none above it', () => {
    const error = renderError(
      <SuperOfficeProvider baseUrl="https://x.test/api" auth={BEARER}>
        <span />
      </SuperOfficeProvider>,
    );
    expect(error).toBeInstanceOf(SuperOfficeConfigError);
    expect((error as Error).message).toMatch(/needs a QueryClientProvider above it/);
  });

  it('rejects a relative baseUrl before anything is sent', () => {
    const error = renderError(
      <QueryClientProvider client={new QueryClient()}>
        <SuperOfficeProvider baseUrl="/api" auth={BEARER} />
      </QueryClientProvider>,
    );
    expect(error).toBeInstanceOf(SuperOfficeConfigError);
    expect((error as Error).message).toMatch(/not an absolute URL/);
  });

  it('applies new auth and language on the next request without remounting', async () => {
    const { fake, baseUrl } = await startFake({
      activities: { [A1]: 'NotStarted' },
      credentials: { bearerTokens: ['token-a', 'token-b'] },
    });
    const { user, rerenderWith } = renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />,
      baseUrl,
      { auth: { scheme: 'Bearer', token: 'token-a' }, language: 'en' },
    );
    const input = screen.getByRole('checkbox');
    await user.click(input);
    await waitFor(() => expect(fake.requests[0]?.response).toMatchObject({ status: 200 }));

    rerenderWith(<ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />, {
      auth: { scheme: 'Bearer', token: 'token-b' },
      language: 'nb',
    });
    const relabelled = screen.getByRole('checkbox', { name: 'Fullført' });
    expect(relabelled).toBe(input);
    await user.click(relabelled);
    await waitFor(() => expect(fake.requests[1]?.response).toMatchObject({ status: 200 }));

    expect(fake.requests.map((request) => request.headers.authorization)).toEqual([
      'Bearer token-a',
      'Bearer token-b',
    ]);
    expect(fake.requests[1]?.headers['so-language']).toBe('nb');
  });
});

describe('useSuperOfficeClient', () => {
  it('names the provider when used outside one', () => {
    function Orphan() {
      useSuperOfficeClient();
      return null;
    }
    const error = renderError(<Orphan />);
    expect(error).toBeInstanceOf(SuperOfficeConfigError);
    expect((error as Error).message).toMatch(/No SuperOfficeProvider found/);
  });

  it('returns the provider client for calls of your own', async () => {
    const { fake, baseUrl } = await startFake({ activities: { 'document_id=9': 'NotStarted' } });
    let client: ReturnType<typeof useSuperOfficeClient> | undefined;
    function Grab() {
      client = useSuperOfficeClient();
      return null;
    }
    renderWithProviders(<Grab />, baseUrl);
    await expect(client?.toggleActivity('document_id=9')).resolves.toBe('Completed');
    expect(fake.status('document_id=9')).toBe('Completed');
  });
});
