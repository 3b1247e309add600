// The README's "A global error toast" recipe, run as written: a mutation cache watching the
// library's mutation keys sees a checkbox's failed toggle, and toasts one failure once.
import {
  MutationCache,
  matchMutation,
  QueryClient,
  QueryClientProvider,
} from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  ActivityCompleteCheckbox,
  SET_ACTIVITY_COMPLETED_MUTATION_KEY,
  SuperOfficeError,
  SuperOfficeProvider,
  TOGGLE_ACTIVITY_MUTATION_KEY,
} from '../../src/index.js';
import { createFakeFetch, FAKE_CREDENTIALS, FakeWebApi } from '../../src/testing/index.js';

const ACTIVITY_KEYS = [TOGGLE_ACTIVITY_MUTATION_KEY, SET_ACTIVITY_COMPLETED_MUTATION_KEY];

/** The recipe's QueryClient, with `showToast` injected. */
function recipeQueryClient(showToast: (message: string) => void): QueryClient {
  const toasted = new WeakSet<Error>();
  return new QueryClient({
    mutationCache: new MutationCache({
      onError: (error, _variables, _result, mutation) => {
        if (!ACTIVITY_KEYS.some((mutationKey) => matchMutation({ mutationKey }, mutation))) return;
        if (toasted.has(error)) return;
        toasted.add(error);
        showToast(
          error instanceof SuperOfficeError && error.outcomeUnknown
            ? 'The change may not have been saved. Please check the activity.'
            : `Could not save the change: ${error.message}`,
        );
      },
    }),
  });
}

function renderDashboard(fake: FakeWebApi, queryClient: QueryClient) {
  return render(
    <QueryClientProvider client={queryClient}>
      <SuperOfficeProvider
        baseUrl="https://fake.superoffice.test/api"
        auth={{ scheme: 'Bearer', token: FAKE_CREDENTIALS.bearerTokens[0] as string }}
        fetch={createFakeFetch(fake)}
      >
        <ActivityCompleteCheckbox
          activityIdentifier="appointment_id=1"
          completed={false}
          label="Kick-off"
        />
      </SuperOfficeProvider>
    </QueryClientProvider>,
  );
}

describe('the global error toast recipe', () => {
  it('toasts a checkbox click the server refuses, with the server’s message', async () => {
    const fake = new FakeWebApi({ activities: { 'appointment_id=1': 'NotStarted' } });
    fake.inject({ status: 500 });
    const showToast = vi.fn();
    renderDashboard(fake, recipeQueryClient(showToast));

    await userEvent.click(screen.getByRole('checkbox', { name: 'Kick-off' }));

    await waitFor(() => expect(showToast).toHaveBeenCalledTimes(1));
    expect(showToast.mock.calls[0]?.[0]).toMatch(/^Could not save the change: /);
    expect(fake.status('appointment_id=1')).toBe('NotStarted');
  });

  it('toasts once when a failure ends clicks that waited on the same request', async () => {
    const fake = new FakeWebApi({ activities: { 'appointment_id=1': 'NotStarted' } });
    fake.inject({ status: 500 });
    const release = fake.hold();
    const showToast = vi.fn();
    renderDashboard(fake, recipeQueryClient(showToast));
    const checkbox = () => screen.getByRole('checkbox', { name: 'Kick-off' });

    await userEvent.click(checkbox());
    await userEvent.click(checkbox());
    await userEvent.click(checkbox());
    release();

    await screen.findByRole('alert');
    await waitFor(() => expect(checkbox().hasAttribute('data-pending')).toBe(false));
    expect(showToast).toHaveBeenCalledTimes(1);
    expect(fake.requestsFor('appointment_id=1')).toHaveLength(1);
  });

  it('leaves other mutations of the app alone', async () => {
    const showToast = vi.fn();
    const queryClient = recipeQueryClient(showToast);
    const other = queryClient.getMutationCache().build(queryClient, {
      mutationKey: ['app', 'saveNote'],
      mutationFn: () => Promise.reject(new Error('not ours')),
    });
    await other.execute(undefined).catch(() => undefined);
    expect(showToast).not.toHaveBeenCalled();
  });
});
