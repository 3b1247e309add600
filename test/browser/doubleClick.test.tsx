import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { ActivityCompleteCheckbox } from '../../src/index.js';
import { createFakeFetch, FakeWebApi } from '../../src/testing/index.js';
import { mount, unmount } from './support/mount.js';
import { Providers } from './support/renderCheckbox.js';
import { setStylesheet } from './support/stylesheet.js';

const A1 = 'appointment_id=1';

afterEach(() => {
  unmount();
  setStylesheet(false);
});

describe.each([
  { stylesheet: true, name: 'with the stylesheet' },
  { stylesheet: false, name: 'without the stylesheet' },
])('a real double click in a centred cell, $name', ({ stylesheet }) => {
  it('delivers both clicks to the input, and the activity ends where it began', async () => {
    setStylesheet(stylesheet);
    // Slow enough that the first click is still saving when the second arrives.
    const fake = new FakeWebApi({ activities: { [A1]: 'NotStarted' }, latencyMs: 150 });
    const container = mount(
      <Providers fetch={createFakeFetch(fake)}>
        <div style={{ inlineSize: 320, textAlign: 'center', fontFamily: 'DejaVu Sans' }}>
          <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />
        </div>
      </Providers>,
    );
    const clicked: string[] = [];
    container.addEventListener('click', (event) => {
      clicked.push((event.target as HTMLElement).dataset.part ?? 'outside');
    });
    const input = page.getByRole('checkbox', { name: 'Completed' });

    await userEvent.dblClick(input);

    expect(clicked).toEqual(['input', 'input']);
    await expect.element(input).not.toBeChecked();
    await expect
      .poll(() => input.element().getAttribute('aria-busy'), { timeout: 5000 })
      .toBe(null);
    await expect.element(input).not.toBeChecked();
    expect(fake.status(A1)).toBe('NotStarted');
    expect(fake.toggleCount(A1) % 2).toBe(0);
  });
});
