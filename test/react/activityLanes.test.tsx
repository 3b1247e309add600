import { act, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  ActivityChangedElsewhereError,
  ActivityCompleteCheckbox,
  activityStatusQueryKey,
  BUILT_IN_LABELS,
  isCompleted,
  SuperOfficeApiError,
  useActivityStatus,
  useToggleActivity,
} from '../../src/index.js';
import { checkbox, settled } from '../support/checkboxQueries.js';
import { startFake } from '../support/fakeServer.js';
import { renderWithProviders } from '../support/renderWithProviders.js';

const A1 = 'appointment_id=1';
const A2 = 'appointment_id=2';

describe('rule 1: a click flips the checkbox at once', () => {
  it('shows the new state and "Saving…" before the server has answered', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const release = fake.hold();
    const { user } = renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />,
      baseUrl,
    );

    await user.click(checkbox());

    expect(checkbox().checked).toBe(true);
    expect(checkbox().getAttribute('aria-busy')).toBe('true');
    expect(checkbox().hasAttribute('data-pending')).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Saving…');
    expect(fake.status(A1)).toBe('NotStarted');

    release();
    await settled();
    expect(checkbox().checked).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('');
    expect(fake.status(A1)).toBe('Completed');
  });
});

describe('rules 2 and 3: one toggle at a time, superseded clicks never sent', () => {
  it('sends exactly 1 request for 5 rapid clicks during a slow request, and ends completed', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const release = fake.hold();
    const { user } = renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />,
      baseUrl,
    );

    for (let click = 0; click < 5; click++) await user.click(checkbox());
    expect(checkbox().checked).toBe(true);
    release();
    await settled();

    expect(fake.requestsFor(A1)).toHaveLength(1);
    expect(fake.status(A1)).toBe('Completed');
    expect(checkbox().checked).toBe(true);
  });

  it('sends exactly 2 requests for 4 rapid clicks, and ends where it began', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const release = fake.hold();
    const { user } = renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />,
      baseUrl,
    );

    for (let click = 0; click < 4; click++) await user.click(checkbox());
    expect(checkbox().checked).toBe(false);
    await waitFor(() => expect(fake.requestsFor(A1)).toHaveLength(1));
    release();
    await settled();

    expect(fake.requestsFor(A1)).toHaveLength(2);
    expect(fake.toggleCount(A1)).toBe(2);
    expect(fake.status(A1)).toBe('NotStarted');
    expect(checkbox().checked).toBe(false);
  });

  it('never has two requests of one activity in flight, across different checkboxes', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const release = fake.hold();
    const { user } = renderWithProviders(
      <>
        <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} label="Row" />
        <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} label="Detail" />
      </>,
      baseUrl,
    );

    await user.click(checkbox('Row'));
    await user.click(checkbox('Detail'));
    await waitFor(() => expect(fake.requests).toHaveLength(1));
    expect(checkbox('Row').checked).toBe(false);
    expect(checkbox('Detail').checked).toBe(false);

    release();
    await settled();
    expect(fake.requestsFor(A1)).toHaveLength(2);
    expect(fake.status(A1)).toBe('NotStarted');
  });

  it('runs toggles of different activities concurrently', async () => {
    const { fake, baseUrl } = await startFake({
      activities: { [A1]: 'NotStarted', [A2]: 'NotStarted' },
    });
    const release = fake.hold();
    const { user } = renderWithProviders(
      <>
        <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} label="One" />
        <ActivityCompleteCheckbox activityIdentifier={A2} completed={false} label="Two" />
      </>,
      baseUrl,
    );

    await user.click(checkbox('One'));
    await user.click(checkbox('Two'));
    await waitFor(() => expect(fake.requests).toHaveLength(2));

    release();
    await settled();
    expect(fake.status(A1)).toBe('Completed');
    expect(fake.status(A2)).toBe('Completed');
  });
});

describe('rule 4: an answer is evidence, the last click is the goal', () => {
  it('corrects a stale view: 2 toggles, ends completed, no error, onCompletedChange(true, "Completed")', async () => {
    // A colleague completed it; the dashboard still shows it open.
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'Completed' } });
    const onCompletedChange = vi.fn();
    const { user } = renderWithProviders(
      <ActivityCompleteCheckbox
        activityIdentifier={A1}
        completed={false}
        onCompletedChange={onCompletedChange}
      />,
      baseUrl,
    );

    await user.click(checkbox());
    await settled();

    expect(fake.toggleRequestsFor(A1)).toHaveLength(2);
    expect(fake.status(A1)).toBe('Completed');
    expect(checkbox().checked).toBe(true);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onCompletedChange).toHaveBeenCalledTimes(1);
    expect(onCompletedChange).toHaveBeenCalledWith(true, 'Completed');
  });

  it('ticks a three-state appointment from NotStarted to Completed with 2 toggles', async () => {
    const { fake, baseUrl } = await startFake({
      activities: { [A1]: 'NotStarted' },
      threeStateAppointments: true,
    });
    const { user } = renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier={A1} status="NotStarted" />,
      baseUrl,
    );

    await user.click(checkbox());
    await settled();

    expect(fake.toggleRequestsFor(A1)).toHaveLength(2);
    expect(fake.status(A1)).toBe('Completed');
    expect(checkbox().checked).toBe(true);
    expect(checkbox().indeterminate).toBe(false);
  });

  it('with converge={false}, lands a three-state appointment on Started, shown as indeterminate', async () => {
    const { fake, baseUrl } = await startFake({
      activities: { [A1]: 'NotStarted' },
      threeStateAppointments: true,
    });
    const { user } = renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier={A1} status="NotStarted" converge={false} />,
      baseUrl,
    );

    await user.click(checkbox());
    await settled();
    expect(fake.status(A1)).toBe('Started');
    expect(checkbox().indeterminate).toBe(true);
    expect(checkbox().getAttribute('data-state')).toBe('indeterminate');

    await user.click(checkbox());
    await settled();
    expect(fake.status(A1)).toBe('Completed');
    expect(fake.toggleRequestsFor(A1)).toHaveLength(2);
  });

  it('ends where the last click said although the browser resent the POST (applied twice)', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    fake.inject({ appliedTwice: true });
    const onCompletedChange = vi.fn();
    const { user } = renderWithProviders(
      <ActivityCompleteCheckbox
        activityIdentifier={A1}
        completed={false}
        onCompletedChange={onCompletedChange}
      />,
      baseUrl,
    );

    await user.click(checkbox());
    await settled();

    expect(fake.toggleCount(A1)).toBe(3);
    expect(fake.status(A1)).toBe('Completed');
    expect(checkbox().checked).toBe(true);
    expect(onCompletedChange).toHaveBeenCalledWith(true, 'Completed');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('gives up after 2 corrections when someone keeps changing it, and shows the server status', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    fake.inject({ appliedTwice: true }, { times: 3 });
    const onError = vi.fn();
    const { user } = renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} onError={onError} />,
      baseUrl,
    );

    await user.click(checkbox());
    const alert = await screen.findByRole('alert');
    await settled();

    expect(fake.toggleRequestsFor(A1)).toHaveLength(3);
    expect(fake.readCount(A1)).toBeLessThanOrEqual(4);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(ActivityChangedElsewhereError);
    expect(alert.textContent).not.toBe('');
    expect(checkbox().checked).toBe(isCompleted(fake.status(A1)));
  });

  it('ends with a clear error after at most 3 toggles for an id the server does not know', async () => {
    const { fake, baseUrl } = await startFake({ activities: {} });
    const onError = vi.fn();
    const { user } = renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} onError={onError} />,
      baseUrl,
    );

    await user.click(checkbox());
    await screen.findByRole('alert');
    await settled();

    expect(fake.toggleRequestsFor(A1).length).toBeLessThanOrEqual(3);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ status: 404 });
    expect(checkbox().checked).toBe(false);
  });
});

describe('rule 5: unknown outcomes are read back, never guessed', () => {
  it.each([
    ['a connection dropped after the toggle was applied', 1, { drop: 'after-apply' }],
    ['a connection dropped before the toggle was applied', 2, { drop: 'before-apply' }],
    // The gateway passed it on: the activity is Completed when the 504 comes back.
    ['a 504 from a gateway that passed the toggle on', 1, { changedBy: 'Completed', status: 504 }],
    ['a 504 from a gateway that did not', 2, { status: 504, body: '<html>Gateway Timeout</html>' }],
  ] as const)(
    'reads back after %s, ends at the intent with %i toggle(s) and no error',
    async (_, toggles, fault) => {
      const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
      fake.inject(fault);
      // A short timeout: an unknown toggle is followed by another only once it can no longer land.
      const { user } = renderWithProviders(
        <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />,
        baseUrl,
        { timeout: 300 },
      );

      await user.click(checkbox());
      await settled();

      expect(fake.status(A1)).toBe('Completed');
      expect(fake.toggleRequestsFor(A1)).toHaveLength(toggles);
      expect(fake.readCount(A1)).toBeGreaterThanOrEqual(1);
      expect(checkbox().checked).toBe(true);
      expect(screen.queryByRole('alert')).toBeNull();
    },
  );

  it('says it is checking while it reads back', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    fake.inject({ drop: 'after-apply' });
    fake.inject({ delayMs: 300 }, { on: 'read' });
    const { user } = renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />,
      baseUrl,
    );

    await user.click(checkbox());
    await waitFor(() => expect(checkbox().hasAttribute('data-checking')).toBe(true));
    expect(checkbox().getAttribute('aria-busy')).toBe('true');
    await settled();
    expect(checkbox().hasAttribute('data-checking')).toBe(false);
  });

  it('rolls back and says "could not be confirmed" once when reads keep failing; the next click reads first', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    fake.inject({ drop: 'after-apply' });
    fake.inject({ status: 503, body: 'Service Unavailable' }, { on: 'read', times: Infinity });
    const onError = vi.fn();
    const { user } = renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} onError={onError} />,
      baseUrl,
    );

    await user.click(checkbox());
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    await settled();

    expect(alert.textContent).toBe(BUILT_IN_LABELS.en?.unconfirmed);
    expect(checkbox().checked).toBe(false);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(fake.readCount(A1)).toBeLessThanOrEqual(4);
    expect(fake.toggleRequestsFor(A1)).toHaveLength(1);

    // The server is in fact Completed; the next click must read that, not toggle blind.
    fake.clearFaults();
    const reads = fake.readCount(A1);
    await user.click(checkbox());
    await settled();
    expect(fake.readCount(A1)).toBe(reads + 1);
    expect(fake.toggleRequestsFor(A1)).toHaveLength(1);
    expect(fake.status(A1)).toBe('Completed');
    expect(checkbox().checked).toBe(true);
  });
});

describe('rule 5: a failed read leaves the outcome unconfirmed, whatever its status', () => {
  it('says "could not be confirmed" when reads fail with a 500 after 3 toggles answered away from the intent', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    fake.inject({ appliedTwice: true }, { times: 3 });
    fake.inject({ status: 500, body: '<html>500</html>' }, { on: 'read', times: 3 });
    const { user } = renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />,
      baseUrl,
    );
    await user.click(checkbox());
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    await settled();
    expect(fake.toggleRequestsFor(A1)).toHaveLength(3);
    expect(alert.textContent).toBe(BUILT_IN_LABELS.en?.unconfirmed);
  });

  it('says "could not be confirmed" when the read before the next click fails with a 500', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    fake.inject({ drop: 'after-apply' });
    fake.inject({ status: 503, body: 'Service Unavailable' }, { on: 'read', times: 3 });
    const { user } = renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />,
      baseUrl,
    );
    await user.click(checkbox());
    await screen.findByRole('alert', {}, { timeout: 5000 });
    await settled();
    fake.inject({ status: 500, body: '<html>500</html>' }, { on: 'read', times: 3 });
    await user.click(checkbox());
    await waitFor(() => expect(checkbox().getAttribute('aria-busy')).toBeNull(), {
      timeout: 5000,
    });
    expect(fake.toggleRequestsFor(A1)).toHaveLength(1);
    expect(screen.getByRole('alert').textContent).toBe(BUILT_IN_LABELS.en?.unconfirmed);
  });
});

describe('rule 6: a definite refusal is final', () => {
  it('rolls a 500 back, shows the server message as an alert, and calls onError once', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    fake.inject({
      status: 500,
      body: { Error: true, ErrorType: 'SoException', ErrorMessage: 'Database is read-only' },
    });
    const onError = vi.fn();
    const { user } = renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} onError={onError} />,
      baseUrl,
    );

    await user.click(checkbox());
    const alert = await screen.findByRole('alert');

    expect(alert.textContent).toBe('Could not save the change: Database is read-only');
    expect(checkbox().checked).toBe(false);
    expect(checkbox().getAttribute('aria-describedby')).toBe(alert.id);
    expect(checkbox().hasAttribute('data-error')).toBe(true);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(SuperOfficeApiError);
    expect(fake.requests).toHaveLength(1);
  });

  it('cancels the clicks made behind a refusal: 1 request, onError once, rolled back', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    fake.inject({
      status: 500,
      body: { Error: true, ErrorType: 'SoException', ErrorMessage: 'Database is read-only' },
    });
    const release = fake.hold();
    const onError = vi.fn();
    const { user } = renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} onError={onError} />,
      baseUrl,
    );

    for (let click = 0; click < 3; click++) await user.click(checkbox());
    release();
    await settled();

    expect(fake.requests).toHaveLength(1);
    expect(checkbox().checked).toBe(false);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('alert').textContent).toMatch(/Database is read-only/);
  });

  it('succeeds on the second try when onUnauthorized renews the credentials', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const onUnauthorized = vi.fn(
      async () => ({ scheme: 'Bearer', token: 'fake-bearer-token' }) as const,
    );
    const { user } = renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />,
      baseUrl,
      { auth: { scheme: 'Bearer', token: 'expired' }, onUnauthorized },
    );

    await user.click(checkbox());
    await settled();

    expect(checkbox().checked).toBe(true);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(fake.requests.map((request) => request.response)).toMatchObject([
      { status: 401 },
      { status: 200 },
    ]);
  });

  it('clears the error on the next click', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    fake.inject({ status: 500 });
    const { user } = renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />,
      baseUrl,
    );
    await user.click(checkbox());
    await screen.findByRole('alert');

    await user.click(checkbox());
    expect(screen.queryByRole('alert')).toBeNull();
    await settled();
    expect(checkbox().checked).toBe(true);
  });
});

describe("rule 8: every view shows one state, and the dashboard's reports count", () => {
  it('keeps two checkboxes of one activity in sync, pending included', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const release = fake.hold();
    const { user } = renderWithProviders(
      <>
        <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} label="Row" />
        <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} label="Detail" />
      </>,
      baseUrl,
    );

    await user.click(checkbox('Row'));
    expect(checkbox('Detail').checked).toBe(true);
    expect(checkbox('Detail').getAttribute('aria-busy')).toBe('true');

    release();
    await settled();
    expect(checkbox('Row').checked).toBe(true);
    expect(checkbox('Detail').checked).toBe(true);
  });

  it('applies a refetched prop at once while no toggle is unsettled', async () => {
    const { baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const { rerenderWith } = renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />,
      baseUrl,
    );
    rerenderWith(<ActivityCompleteCheckbox activityIdentifier={A1} completed />);
    expect(checkbox().checked).toBe(true);
  });

  it('holds a refetched prop while a toggle is unsettled; the server answer wins after', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const release = fake.hold();
    const { user, rerenderWith } = renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />,
      baseUrl,
    );
    await user.click(checkbox());
    await waitFor(() => expect(fake.requests).toHaveLength(1));

    rerenderWith(<ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />);
    rerenderWith(<ActivityCompleteCheckbox activityIdentifier={A1} completed />);
    rerenderWith(<ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />);
    expect(checkbox().checked).toBe(true);

    release();
    await settled();
    expect(checkbox().checked).toBe(true);
    expect(fake.status(A1)).toBe('Completed');
  });

  it('applies the held prop when the toggle fails, as it is newer than the last confirmation', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    fake.inject({ status: 500 });
    const release = fake.hold();
    const { user, rerenderWith } = renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />,
      baseUrl,
    );
    await user.click(checkbox());
    rerenderWith(<ActivityCompleteCheckbox activityIdentifier={A1} completed />);

    release();
    await screen.findByRole('alert');
    expect(checkbox().checked).toBe(true);
  });

  it('follows a partner writing the shared cache entry', async () => {
    const { baseUrl } = await startFake();
    const { queryClient } = renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />,
      baseUrl,
    );
    act(() => {
      queryClient.setQueryData(activityStatusQueryKey(A1, baseUrl), 'Completed');
    });
    expect(checkbox().checked).toBe(true);
  });
});

describe('rule 9: a click outlives its view, and leaves nothing behind', () => {
  it('logs nothing and leaves no unhandled rejection when unmounted mid-request', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    fake.inject({ status: 500 });
    const release = fake.hold();
    const consoleError = vi.spyOn(console, 'error');
    const consoleWarn = vi.spyOn(console, 'warn');
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const { user, unmount } = renderWithProviders(
        <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />,
        baseUrl,
      );
      await user.click(checkbox());
      await waitFor(() => expect(fake.requests).toHaveLength(1));
      unmount();
      release();
      await waitFor(() => expect(fake.requests[0]?.response).toMatchObject({ status: 500 }));
      await new Promise((resolve) => setTimeout(resolve, 50));

      expect(consoleError).not.toHaveBeenCalled();
      expect(consoleWarn).not.toHaveBeenCalled();
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
      consoleError.mockRestore();
      consoleWarn.mockRestore();
    }
  });

  it('carries out a click queued by a checkbox that then unmounted; the other views show it', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const release = fake.hold();
    function Page({ detail }: { detail: boolean }) {
      return (
        <>
          <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} label="Row" />
          {detail ? (
            <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} label="Detail" />
          ) : null}
        </>
      );
    }
    const { user, rerenderWith } = renderWithProviders(<Page detail />, baseUrl);
    await user.click(checkbox('Detail'));
    await user.click(checkbox('Detail'));
    await waitFor(() => expect(fake.requests).toHaveLength(1));
    rerenderWith(<Page detail={false} />);
    release();
    await settled();

    expect(fake.toggleRequestsFor(A1)).toHaveLength(2);
    expect(fake.status(A1)).toBe('NotStarted');
    expect(checkbox('Row').checked).toBe(false);
  });
});

describe('memory', () => {
  it('keeps no finished toggle in the mutation cache, so clicks do not grow the heap', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const { user, queryClient } = renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />,
      baseUrl,
    );
    for (let click = 0; click < 3; click++) {
      await user.click(checkbox());
      await settled();
    }
    expect(fake.requests).toHaveLength(3);
    await waitFor(() => expect(queryClient.getMutationCache().getAll()).toHaveLength(0));
  });
});

describe('headless hooks', () => {
  function PartnerList({ ids }: { ids: string[] }) {
    const toggle = useToggleActivity();
    return (
      <ul>
        {ids.map((id) => (
          <PartnerRow key={id} id={id} onToggle={() => toggle.mutate({ activityIdentifier: id })} />
        ))}
      </ul>
    );
  }
  function PartnerRow({ id, onToggle }: { id: string; onToggle: () => void }) {
    const { completed, isPending, status } = useActivityStatus(id, { completed: false });
    return (
      <li>
        <button type="button" aria-pressed={completed} aria-busy={isPending} onClick={onToggle}>
          {id}: {status}
        </button>
      </li>
    );
  }

  it('lets one useToggleActivity serve a whole list of partner-drawn buttons', async () => {
    const { fake, baseUrl } = await startFake({
      activities: { [A1]: 'NotStarted', [A2]: 'NotStarted' },
    });
    const { user } = renderWithProviders(<PartnerList ids={[A1, A2]} />, baseUrl);

    await user.click(screen.getByRole('button', { name: /appointment_id=2/ }));
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: /appointment_id=2/ }).getAttribute('aria-busy'),
      ).toBe('false'),
    );

    expect(screen.getByRole('button', { name: /appointment_id=2/ }).textContent).toBe(
      'appointment_id=2: Completed',
    );
    expect(
      screen.getByRole('button', { name: /appointment_id=1/ }).getAttribute('aria-pressed'),
    ).toBe('false');
    expect(fake.status(A2)).toBe('Completed');
    expect(fake.status(A1)).toBe('NotStarted');
  });

  it('gives mutateAsync the confirmed status, and passes select and callbacks through', async () => {
    const { fake, baseUrl } = await startFake({ activities: { 'sale_id=3': 'Started' } });
    const onSuccess = vi.fn();
    let result: Promise<string> | undefined;
    function Trigger() {
      const toggle = useToggleActivity({ onSuccess, meta: { source: 'test' } });
      const [done, setDone] = useState('');
      return (
        <button
          type="button"
          onClick={() => {
            result = toggle.mutateAsync({ activityIdentifier: 'sale_id=3', select: 'name' });
            result.then(setDone);
          }}
        >
          toggle {done}
        </button>
      );
    }
    const { user } = renderWithProviders(<Trigger />, baseUrl);
    await user.click(screen.getByRole('button'));
    await screen.findByText('toggle Completed');

    await expect(result).resolves.toBe('Completed');
    expect(onSuccess).toHaveBeenCalledWith('Completed', {
      activityIdentifier: 'sale_id=3',
      select: 'name',
    });
    expect(
      new URL(fake.toggleRequestsFor('sale_id=3')[0]?.url ?? '').searchParams.get('$select'),
    ).toBe('name');
  });
});
