import { screen, waitFor } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ActivityCompleteCheckbox, InvalidActivityIdentifierError } from '../../src/index.js';
import { checkbox, settled } from '../support/checkboxQueries.js';
import { startFake } from '../support/fakeServer.js';
import { renderWithProviders } from '../support/renderWithProviders.js';

const A1 = 'appointment_id=1';

describe('ActivityCompleteCheckbox', () => {
  it('is a native checkbox with a label, and Space toggles it without moving focus', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const { user } = renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />,
      baseUrl,
    );
    expect(checkbox().tagName).toBe('INPUT');
    expect(checkbox().type).toBe('checkbox');

    await user.tab();
    expect(document.activeElement).toBe(checkbox());
    await user.keyboard(' ');
    expect(checkbox().checked).toBe(true);
    await settled();

    expect(document.activeElement).toBe(checkbox());
    expect(fake.status(A1)).toBe('Completed');
  });

  it('stays operable while a toggle is pending', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const release = fake.hold();
    const { user } = renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />,
      baseUrl,
    );
    await user.click(checkbox());
    expect(checkbox().disabled).toBe(false);
    await user.click(checkbox());
    expect(checkbox().checked).toBe(false);
    release();
    await settled();
  });

  it('exposes its state as data attributes on the wrapper and the input', async () => {
    const { baseUrl } = await startFake({ activities: { [A1]: 'Completed' } });
    renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier={A1} completed className="row-check" disabled />,
      baseUrl,
    );
    const wrapper = checkbox().parentElement as HTMLElement;
    expect(wrapper.className).toBe('row-check');
    for (const element of [wrapper, checkbox()]) {
      expect(element.getAttribute('data-state')).toBe('checked');
      expect(element.hasAttribute('data-disabled')).toBe(true);
      expect(element.hasAttribute('data-pending')).toBe(false);
      expect(element.hasAttribute('data-error')).toBe(false);
    }
  });

  it('shows a Started sale as simply not completed', async () => {
    const { baseUrl } = await startFake({ activities: { 'sale_id=4': 'Started' } });
    renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier="sale_id=4" status="Started" />,
      baseUrl,
    );
    expect(checkbox().checked).toBe(false);
    expect(checkbox().indeterminate).toBe(false);
    expect(checkbox().getAttribute('data-state')).toBe('unchecked');
  });

  it('does nothing when disabled', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const { user } = renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} disabled />,
      baseUrl,
    );
    await user.click(checkbox());
    expect(checkbox().checked).toBe(false);
    expect(fake.requests).toHaveLength(0);
  });

  it('passes id, input attributes and its ref through to the input', async () => {
    const { baseUrl } = await startFake();
    const ref = createRef<HTMLInputElement>();
    renderWithProviders(
      <ActivityCompleteCheckbox
        ref={ref}
        activityIdentifier={A1}
        id="done-1"
        name="done"
        data-testid="done-box"
        title="Mark as done"
      />,
      baseUrl,
    );
    expect(ref.current).toBe(checkbox());
    expect(checkbox().id).toBe('done-1');
    expect(checkbox().name).toBe('done');
    expect(checkbox().title).toBe('Mark as done');
    expect(screen.getByTestId('done-box')).toBe(checkbox());
  });

  it('calls onCompletedChange with what the server confirmed', async () => {
    const { baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
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
    expect(onCompletedChange).toHaveBeenCalledTimes(1);
    expect(onCompletedChange).toHaveBeenCalledWith(true, 'Completed');
  });

  it('renders a server message with markup as inert text', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    fake.inject({
      status: 400,
      body: { Error: true, ErrorType: 'SoException', ErrorMessage: hostile },
    });
    const { user, container } = renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />,
      baseUrl,
    );
    await user.click(checkbox());
    const alert = await screen.findByRole('alert');

    expect(alert.textContent).toBe(`Could not save the change: ${hostile}`);
    expect(container.querySelector('img, script')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('reports an invalid identifier as a typed error on click, sending nothing', async () => {
    const { fake, baseUrl } = await startFake();
    const onError = vi.fn();
    const { user } = renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier="contact_id=5" onError={onError} />,
      baseUrl,
    );
    await user.click(checkbox());
    const alert = await screen.findByRole('alert');

    expect(alert.textContent).toContain('Invalid activity identifier "contact_id=5"');
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(InvalidActivityIdentifierError);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('ActivityCompleteCheckbox texts', () => {
  it.each([
    ['en', 'Completed', 'Saving…'],
    ['nb', 'Fullført', 'Lagrer…'],
    ['no', 'Fullført', 'Lagrer…'],
    ['sv', 'Slutförd', 'Sparar…'],
    ['da', 'Fuldført', 'Gemmer…'],
    ['de-AT', 'Erledigt', 'Wird gespeichert…'],
    ['nl', 'Voltooid', 'Opslaan…'],
    ['fi', 'Completed', 'Saving…'],
  ])('speaks %s', async (language, label, saving) => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const release = fake.hold();
    const { user } = renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />,
      baseUrl,
      { language },
    );
    await user.click(checkbox(label));
    expect(screen.getByRole('status').textContent).toBe(saving);
    release();
    await waitFor(() => expect(checkbox(label).getAttribute('aria-busy')).toBeNull());
    expect(fake.requests[0]?.headers['so-language']).toBe(language);
  });

  it('takes a custom label and overrides of the built-in texts', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    fake.inject({ status: 500, body: { Error: true, ErrorMessage: 'Locked' } });
    const { user } = renderWithProviders(
      <ActivityCompleteCheckbox
        activityIdentifier={A1}
        completed={false}
        label="Call Ada back"
        labels={{ failed: 'Nope' }}
      />,
      baseUrl,
    );
    await user.click(checkbox('Call Ada back'));
    expect((await screen.findByRole('alert')).textContent).toBe('Nope: Locked');
  });
});
