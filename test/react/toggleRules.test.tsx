import { act, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  ActivityCompleteCheckbox,
  activityStatusQueryKey,
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

describe('rule 4: the server is the truth', () => {
  it('shows what the server answers when another user changed the activity meanwhile', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'Completed' } });
    const { user } = renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />,
      baseUrl,
    );

    await user.click(checkbox());
    await settled();

    expect(fake.status(A1)).toBe('NotStarted');
    expect(checkbox().checked).toBe(false);
  });

  it('lands a three-state appointment on Started, shown as indeterminate', async () => {
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

    expect(fake.status(A1)).toBe('Started');
    expect(checkbox().indeterminate).toBe(true);
    expect(checkbox().getAttribute('data-state')).toBe('indeterminate');

    await user.click(checkbox());
    await settled();
    expect(fake.status(A1)).toBe('Completed');
    expect(checkbox().indeterminate).toBe(false);
    expect(checkbox().checked).toBe(true);
  });
});

describe('rule 5: failures roll back, are announced, and are never resent', () => {
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

  it('cancels the clicks queued behind a failure instead of sending them', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    fake.inject({ status: 503, body: 'Service Unavailable' });
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
    expect(screen.getByRole('alert').textContent).toMatch(/answered 503/);
  });

  it('says the state could not be confirmed when the connection drops, and does not resend', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    fake.inject({ drop: 'after-apply' });
    const { user } = renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />,
      baseUrl,
    );

    await user.click(checkbox());
    const alert = await screen.findByRole('alert');

    expect(alert.textContent).toBe(
      'The change could not be confirmed. Reload to see the current state.',
    );
    expect(checkbox().checked).toBe(false);
    expect(fake.requests).toHaveLength(1);
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

describe('rule 6: every view of an activity shows the same state', () => {
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
      queryClient.setQueryData(activityStatusQueryKey(A1), 'Completed');
    });
    expect(checkbox().checked).toBe(true);
  });
});

describe('rule 7: unmounting leaves nothing behind', () => {
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

  it('sends no queued toggle after its checkbox has unmounted', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const release = fake.hold();
    const { user, unmount } = renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />,
      baseUrl,
    );
    await user.click(checkbox());
    await user.click(checkbox());
    await waitFor(() => expect(fake.requests).toHaveLength(1));
    unmount();
    release();
    await waitFor(() => expect(fake.requests[0]?.response).toMatchObject({ status: 200 }));
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(fake.requests).toHaveLength(1);
    expect(fake.status(A1)).toBe('Completed');
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
    await waitFor(() => expect(queryClient.getMutationCache().getAll()).toHaveLength(1));
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
    expect(new URL(fake.requests[0]?.url ?? '').searchParams.get('$select')).toBe('name');
  });
});
