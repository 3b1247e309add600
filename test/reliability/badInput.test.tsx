import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import {
  ActivityCompleteCheckbox,
  InvalidActivityIdentifierError,
  SuperOfficeConfigError,
  type SuperOfficeError,
  SuperOfficeProvider,
  useActivityStatus,
  useToggleActivity,
} from '../../src/index.js';
import { BAD_IDENTIFIERS } from '../support/badIdentifiers.js';
import { BEARER, startFake } from '../support/fakeServer.js';
import { renderError } from '../support/renderError.js';
import { renderWithProviders } from '../support/renderWithProviders.js';

/** A `fetch` that counts what the client tries to send, before any server could see it. */
function countingFetch() {
  return vi.fn<typeof fetch>((input, init) => fetch(input, init));
}

describe('an invalid activity identifier', () => {
  it.each(BAD_IDENTIFIERS)(
    'that is %s: the checkbox reports a typed error and shows it, sending nothing',
    async (_, identifier) => {
      const { fake, baseUrl } = await startFake();
      const sent = countingFetch();
      const onError = vi.fn<(error: SuperOfficeError) => void>();
      const { user } = renderWithProviders(
        <ActivityCompleteCheckbox
          activityIdentifier={identifier as string}
          completed={false}
          onError={onError}
        />,
        baseUrl,
        { fetch: sent },
      );

      await user.click(screen.getByRole('checkbox'));
      const alert = await screen.findByRole('alert');

      expect(onError).toHaveBeenCalledTimes(1);
      expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(InvalidActivityIdentifierError);
      expect(alert.textContent).toMatch(/^Could not save the change: Invalid activity identifier/);
      expect(alert.textContent?.length).toBeLessThan(300);
      expect(screen.getByRole<HTMLInputElement>('checkbox').checked).toBe(false);
      expect(sent).not.toHaveBeenCalled();
      expect(fake.requests).toHaveLength(0);
    },
  );

  it.each(BAD_IDENTIFIERS)(
    'that is %s: useToggleActivity().mutateAsync rejects with a typed error, sending nothing',
    async (_, identifier) => {
      const { fake, baseUrl } = await startFake();
      const sent = countingFetch();
      let outcome: Promise<unknown> | undefined;
      function Trigger() {
        const toggle = useToggleActivity();
        return (
          <button
            type="button"
            onClick={() => {
              outcome = toggle.mutateAsync({ activityIdentifier: identifier as string });
              outcome.catch(() => undefined);
            }}
          >
            Done
          </button>
        );
      }
      const { user } = renderWithProviders(<Trigger />, baseUrl, { fetch: sent });

      await user.click(screen.getByRole('button'));

      await expect(outcome).rejects.toBeInstanceOf(InvalidActivityIdentifierError);
      expect(sent).not.toHaveBeenCalled();
      expect(fake.requests).toHaveLength(0);
    },
  );
});

describe('a misconfigured app', () => {
  let fetchSpy: MockInstance<typeof fetch>;
  beforeEach(() => {
    fetchSpy = vi.spyOn(globalThis, 'fetch');
  });
  afterEach(() => {
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });

  it.each([
    ['relative', '/api', /not an absolute URL/],
    ['empty', '', /baseUrl is missing/],
    ['ftp:', 'ftp://crm.example.com/api', /must be an http\(s\) URL/],
  ])('gets a SuperOfficeConfigError for a %s baseUrl on the provider', (_, baseUrl, message) => {
    const error = renderError(
      <QueryClientProvider client={new QueryClient()}>
        <SuperOfficeProvider baseUrl={baseUrl} auth={BEARER}>
          <ActivityCompleteCheckbox activityIdentifier="appointment_id=1" completed={false} />
        </SuperOfficeProvider>
      </QueryClientProvider>,
    );
    expect(error).toBeInstanceOf(SuperOfficeConfigError);
    expect((error as Error).message).toMatch(message);
  });

  it('gets a SuperOfficeConfigError for a checkbox rendered without a SuperOfficeProvider', () => {
    const error = renderError(
      <QueryClientProvider client={new QueryClient()}>
        <ActivityCompleteCheckbox activityIdentifier="appointment_id=1" completed={false} />
      </QueryClientProvider>,
    );
    expect(error).toBeInstanceOf(SuperOfficeConfigError);
    expect((error as Error).message).toMatch(/No SuperOfficeProvider found/);
  });

  it('gets a SuperOfficeConfigError for useToggleActivity without a SuperOfficeProvider', () => {
    function Orphan() {
      useToggleActivity();
      return null;
    }
    const error = renderError(
      <QueryClientProvider client={new QueryClient()}>
        <Orphan />
      </QueryClientProvider>,
    );
    expect(error).toBeInstanceOf(SuperOfficeConfigError);
  });

  it('gets a SuperOfficeConfigError for a checkbox whose provider has no QueryClientProvider', () => {
    const error = renderError(
      <SuperOfficeProvider baseUrl="https://crm.example.com/api" auth={BEARER}>
        <ActivityCompleteCheckbox activityIdentifier="appointment_id=1" completed={false} />
      </SuperOfficeProvider>,
    );
    expect(error).toBeInstanceOf(SuperOfficeConfigError);
    expect((error as Error).message).toMatch(/needs a QueryClientProvider above it/);
  });

  it('gets a SuperOfficeConfigError for useActivityStatus rendered without any provider', () => {
    function Row() {
      useActivityStatus('appointment_id=1', { completed: false });
      return null;
    }
    const error = renderError(<Row />);
    expect(error).toBeInstanceOf(SuperOfficeConfigError);
    expect((error as Error).message).toMatch(/QueryClientProvider/);
  });

  it('gets a SuperOfficeConfigError for useToggleActivity rendered without any provider', () => {
    function Trigger() {
      useToggleActivity();
      return null;
    }
    const error = renderError(<Trigger />);
    expect(error).toBeInstanceOf(SuperOfficeConfigError);
  });
});

describe('a bad identifier next to good ones', () => {
  it('fails only its own checkbox; the others keep working', async () => {
    const { fake, baseUrl } = await startFake({ activities: { 'sale_id=7': 'Started' } });
    const { user } = renderWithProviders(
      <>
        <ActivityCompleteCheckbox activityIdentifier="sale_id=x" completed={false} label="Bad" />
        <ActivityCompleteCheckbox activityIdentifier="sale_id=7" completed={false} label="Good" />
      </>,
      baseUrl,
    );
    await user.click(screen.getByRole('checkbox', { name: 'Bad' }));
    await user.click(screen.getByRole('checkbox', { name: 'Good' }));
    await waitFor(() =>
      expect(screen.getByRole('checkbox', { name: 'Good' }).getAttribute('aria-busy')).toBeNull(),
    );

    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(fake.requests.map((request) => request.activityIdentifier)).toEqual(['sale_id=7']);
    expect(fake.status('sale_id=7')).toBe('Completed');
  });
});
