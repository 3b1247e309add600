import { expect, waitFor } from 'storybook/test';

/**
 * Waits until the checkbox's toggles have settled: no longer busy, nothing announced as saving.
 *
 * @example
 * await userEvent.click(checkbox);
 * await settled(checkbox);
 */
export async function settled(checkbox: HTMLElement): Promise<void> {
  await waitFor(() => expect(checkbox).not.toHaveAttribute('data-pending'));
  await expect(checkbox).not.toHaveAttribute('aria-busy');
}

/**
 * The wrapper `<span>` that carries the same data attributes as the input.
 *
 * @example
 * await expect(wrapperOf(checkbox)).toHaveAttribute('data-state', 'checked');
 */
export function wrapperOf(checkbox: HTMLElement): HTMLElement {
  const wrapper = checkbox.parentElement;
  if (!wrapper) throw new Error('The checkbox has no wrapper');
  return wrapper;
}

/**
 * The live region that announces "Saving…" for this checkbox.
 *
 * @example
 * await expect(statusOf(checkbox)).toHaveTextContent('Saving…');
 */
export function statusOf(checkbox: HTMLElement): HTMLElement {
  const status = wrapperOf(checkbox).querySelector<HTMLElement>('[role="status"]');
  if (!status) throw new Error('The checkbox has no status region');
  return status;
}
