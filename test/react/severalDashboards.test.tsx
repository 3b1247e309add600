import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ReactNode, StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  ActivityCompleteCheckbox,
  activityStatusQueryKey,
  type SuperOfficeAuth,
  SuperOfficeProvider,
  useActivityStatus,
  useSetActivityCompleted,
  useToggleActivity,
} from '../../src/index.js';
import { checkbox, settled } from '../support/checkboxQueries.js';
import { BEARER, startFake } from '../support/fakeServer.js';

const A1 = 'appointment_id=1';
const A2 = 'appointment_id=2';

/** One partner widget: its own QueryClient and provider, as teams ship them. */
function Widget({
  baseUrl,
  auth = BEARER,
  queryClient = new QueryClient(),
  children,
  onUnauthorized,
}: {
  baseUrl: string;
  auth?: SuperOfficeAuth;
  queryClient?: QueryClient;
  children: ReactNode;
  onUnauthorized?: () => SuperOfficeAuth | undefined;
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <SuperOfficeProvider baseUrl={baseUrl} auth={auth} onUnauthorized={onUnauthorized}>
        {children}
      </SuperOfficeProvider>
    </QueryClientProvider>
  );
}

describe('rule 2: one lane per activity and site, across QueryClients', () => {
  it('shows a click in one dashboard in the other at once, and serializes their toggles', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const release = fake.hold();
    const user = userEvent.setup();
    render(
      <StrictMode>
        <Widget baseUrl={baseUrl}>
          <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} label="List" />
        </Widget>
        <Widget baseUrl={baseUrl}>
          <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} label="Detail" />
        </Widget>
      </StrictMode>,
    );

    await user.click(checkbox('List'));
    expect(checkbox('Detail').checked).toBe(true);
    expect(checkbox('Detail').getAttribute('aria-busy')).toBe('true');
    await user.click(checkbox('Detail'));
    await user.click(checkbox('List'));
    await waitFor(() => expect(fake.requests).toHaveLength(1));
    release();
    await settled();

    // Never two in flight: each request arrived after the previous one was answered.
    expect(fake.toggleRequestsFor(A1)).toHaveLength(1);
    expect(fake.status(A1)).toBe('Completed');
    expect(checkbox('List').checked).toBe(true);
    expect(checkbox('Detail').checked).toBe(true);
  });
});

describe('sites: the same identifier on another site is another activity', () => {
  it('keeps two providers for two sites side by side apart', async () => {
    const siteA = await startFake({ activities: { [A1]: 'NotStarted' } });
    const siteB = await startFake({ activities: { [A1]: 'NotStarted' } });
    const user = userEvent.setup();
    render(
      <>
        <Widget baseUrl={siteA.baseUrl}>
          <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} label="A" />
        </Widget>
        <Widget baseUrl={siteB.baseUrl}>
          <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} label="B" />
        </Widget>
      </>,
    );

    await user.click(checkbox('A'));
    expect(checkbox('B').checked).toBe(false);
    await settled();
    expect(siteA.fake.status(A1)).toBe('Completed');
    expect(siteB.fake.status(A1)).toBe('NotStarted');
    expect(siteB.fake.requests).toHaveLength(0);
    expect(checkbox('B').checked).toBe(false);
  });

  it("never sends a toggle queued on site A to site B after the provider's baseUrl changes", async () => {
    const siteA = await startFake({ activities: { [A1]: 'NotStarted' } });
    const siteB = await startFake({ activities: { [A1]: 'NotStarted' } });
    const release = siteA.fake.hold();
    const queryClient = new QueryClient();
    const user = userEvent.setup();
    const { rerender } = render(
      <Widget baseUrl={siteA.baseUrl} queryClient={queryClient}>
        <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />
      </Widget>,
    );
    await user.click(checkbox());
    await user.click(checkbox());
    await user.click(checkbox());
    await waitFor(() => expect(siteA.fake.requests).toHaveLength(1));

    rerender(
      <Widget baseUrl={siteB.baseUrl} queryClient={queryClient}>
        <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />
      </Widget>,
    );
    // Site B's row shows site B's state, not site A's click.
    expect(checkbox().checked).toBe(false);
    release();
    await waitFor(() => expect(siteA.fake.status(A1)).toBe('Completed'));
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(siteB.fake.requests).toHaveLength(0);
    expect(siteB.fake.status(A1)).toBe('NotStarted');
    expect(siteA.fake.toggleRequestsFor(A1)).toHaveLength(1);
  });
});

describe('rule 10: credentials belong to their site', () => {
  it('never sends auth renewed for one site to another site', async () => {
    const siteA = await startFake({ activities: { [A1]: 'NotStarted' } });
    const siteB = await startFake({
      activities: { [A1]: 'NotStarted' },
      credentials: { bearerTokens: ['token-for-b'] },
    });
    const user = userEvent.setup();
    const expired = { scheme: 'Bearer', token: 'expired' } as const;
    const { rerender } = render(
      <Widget baseUrl={siteA.baseUrl} auth={expired} onUnauthorized={() => BEARER}>
        <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />
      </Widget>,
    );
    await user.click(checkbox());
    await settled();
    expect(siteA.fake.status(A1)).toBe('Completed');

    rerender(
      <Widget baseUrl={siteB.baseUrl} auth={expired} onUnauthorized={() => undefined}>
        <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />
      </Widget>,
    );
    await user.click(checkbox());
    await screen.findByRole('alert');

    const sentToB = siteB.fake.requests.map((request) => request.headers.authorization);
    expect(sentToB.length).toBeGreaterThan(0);
    expect(sentToB).not.toContain(`Bearer ${BEARER.token}`);
  });

  it('asks a token function before every request, also after a renewal', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const token = vi.fn().mockReturnValueOnce('expired').mockReturnValue(BEARER.token);
    const user = userEvent.setup();
    render(
      <Widget
        baseUrl={baseUrl}
        auth={{ scheme: 'Bearer', token }}
        onUnauthorized={() => ({ scheme: 'Bearer', token: BEARER.token })}
      >
        <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />
      </Widget>,
    );
    await user.click(checkbox());
    await settled();
    const asked = token.mock.calls.length;
    await user.click(checkbox());
    await settled();

    expect(token.mock.calls.length).toBe(asked + 1);
    expect(fake.status(A1)).toBe('NotStarted');
  });
});

describe('rule 8: a stale cache never wins over fresher data', () => {
  it('shows a remounted row its fresher prop (another user ticked it)', async () => {
    const { baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const queryClient = new QueryClient();
    const { rerender } = render(
      <Widget baseUrl={baseUrl} queryClient={queryClient}>
        <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />
      </Widget>,
    );
    rerender(
      <Widget baseUrl={baseUrl} queryClient={queryClient}>
        {null}
      </Widget>,
    );
    rerender(
      <Widget baseUrl={baseUrl} queryClient={queryClient}>
        <ActivityCompleteCheckbox activityIdentifier={A1} completed />
      </Widget>,
    );
    expect(checkbox().checked).toBe(true);
  });

  it('shows a detail panel mounted later with fresher data, in every view', async () => {
    const { baseUrl } = await startFake({ activities: { [A1]: 'Completed' } });
    const queryClient = new QueryClient();
    const list = <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} label="Row" />;
    const { rerender } = render(
      <Widget baseUrl={baseUrl} queryClient={queryClient}>
        {list}
      </Widget>,
    );
    rerender(
      <Widget baseUrl={baseUrl} queryClient={queryClient}>
        {list}
        <ActivityCompleteCheckbox activityIdentifier={A1} completed label="Detail" />
      </Widget>,
    );
    expect(checkbox('Detail').checked).toBe(true);
    expect(checkbox('Row').checked).toBe(true);
  });

  it('reads back, without toggling, a mount that disagrees with what the library confirmed', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const queryClient = new QueryClient();
    const user = userEvent.setup();
    const row = (completed: boolean) => (
      <Widget baseUrl={baseUrl} queryClient={queryClient}>
        <ActivityCompleteCheckbox activityIdentifier={A1} completed={completed} />
      </Widget>
    );
    const { rerender } = render(row(false));
    await user.click(checkbox());
    await settled();
    rerender(<Widget baseUrl={baseUrl}>{null}</Widget>);

    // Paged back to cached list data that predates the click.
    rerender(row(false));
    await waitFor(() => expect(fake.readCount(A1)).toBe(1));
    await waitFor(() => expect(checkbox().checked).toBe(true));
    expect(fake.toggleRequestsFor(A1)).toHaveLength(1);
  });
});

describe("rule 6 after a read-back: a refusal rolls back to the server's last word", () => {
  it("rolls back to what a mount's read-back said, not to the stale prop it replaced", async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const queryClient = new QueryClient();
    const user = userEvent.setup();
    const row = (
      <Widget baseUrl={baseUrl} queryClient={queryClient}>
        <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />
      </Widget>
    );
    const { rerender } = render(row);
    await user.click(checkbox());
    await settled();
    rerender(<Widget baseUrl={baseUrl}>{null}</Widget>);
    // The read-back lands while the toggle is on its way; then the toggle is refused.
    fake.inject({ status: 500, delayMs: 300 });
    fake.inject({ delayMs: 100 }, { on: 'read' });

    // Back to cached list data that predates the click, and clicked before the read is back.
    rerender(row);
    await user.click(checkbox());
    await screen.findByRole('alert');
    await settled();

    expect(fake.status(A1)).toBe('Completed');
    expect(checkbox().checked).toBe(true);
  });
});

describe('callbacks and logout', () => {
  it('calls useToggleActivity({ onError }) once for a failed burst of 3 clicks', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    fake.inject({ status: 500 });
    const release = fake.hold();
    const onError = vi.fn();
    const onSettled = vi.fn();
    function Button() {
      const toggle = useToggleActivity({ onError, onSettled });
      const { isPending } = useActivityStatus(A1, { completed: false });
      return (
        <button
          type="button"
          aria-busy={isPending}
          onClick={() => toggle.mutate({ activityIdentifier: A1 })}
        >
          toggle
        </button>
      );
    }
    const user = userEvent.setup();
    render(
      <Widget baseUrl={baseUrl}>
        <Button />
      </Widget>,
    );
    for (let click = 0; click < 3; click++) await user.click(screen.getByRole('button'));
    release();
    await waitFor(() => expect(onSettled).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(onError).toHaveBeenCalledTimes(1);
    expect(onSettled).toHaveBeenCalledTimes(1);
  });

  it('logs nothing when the dashboard clears its QueryClient, and views fall back to their props', async () => {
    const { baseUrl } = await startFake({ activities: { [A1]: 'NotStarted', [A2]: 'Completed' } });
    const queryClient = new QueryClient();
    const consoleError = vi.spyOn(console, 'error');
    const user = userEvent.setup();
    try {
      render(
        <StrictMode>
          <Widget baseUrl={baseUrl} queryClient={queryClient}>
            <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} label="One" />
            <ActivityCompleteCheckbox activityIdentifier={A2} completed label="Two" />
          </Widget>
        </StrictMode>,
      );
      await user.click(checkbox('One'));
      await settled();
      act(() => queryClient.setQueryData(activityStatusQueryKey(A2, baseUrl), 'NotStarted'));
      expect(checkbox('Two').checked).toBe(false);

      act(() => queryClient.clear());
      expect(checkbox('One').checked).toBe(false);
      expect(checkbox('Two').checked).toBe(true);
      act(() => {
        void queryClient.resetQueries();
        queryClient.removeQueries();
      });
      expect(consoleError).not.toHaveBeenCalled();
    } finally {
      consoleError.mockRestore();
    }
  });
});

describe('useSetActivityCompleted', () => {
  it('completes a selection of done, open and stale rows: nothing sent for done, ends all completed', async () => {
    const done = 'appointment_id=3';
    const open = 'sale_id=4';
    const stale = 'document_id=5';
    const { fake, baseUrl } = await startFake({
      activities: { [done]: 'Completed', [open]: 'Started', [stale]: 'Completed' },
    });
    function Toolbar() {
      const setCompleted = useSetActivityCompleted();
      return (
        <button
          type="button"
          onClick={() => {
            for (const id of [done, open, stale]) {
              setCompleted.mutate({ activityIdentifier: id, completed: true });
            }
          }}
        >
          Complete selected
        </button>
      );
    }
    const user = userEvent.setup();
    render(
      <Widget baseUrl={baseUrl}>
        <Toolbar />
        <ActivityCompleteCheckbox activityIdentifier={done} completed label="Done" />
        <ActivityCompleteCheckbox activityIdentifier={open} completed={false} label="Open" />
        <ActivityCompleteCheckbox activityIdentifier={stale} completed={false} label="Stale" />
      </Widget>,
    );

    await user.click(screen.getByRole('button', { name: 'Complete selected' }));
    expect(checkbox('Open').checked).toBe(true);
    await settled();

    expect(fake.requestsFor(done)).toHaveLength(0);
    expect(fake.toggleRequestsFor(open)).toHaveLength(1);
    expect(fake.toggleRequestsFor(stale)).toHaveLength(2);
    for (const id of [done, open, stale]) expect(fake.status(id)).toBe('Completed');
    for (const name of ['Done', 'Open', 'Stale']) expect(checkbox(name).checked).toBe(true);
  });
});
