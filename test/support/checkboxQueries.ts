import { screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';

/** The checkbox with the accessible name `name` (the built-in English label by default). */
export const checkbox = (name: string | RegExp = 'Completed') =>
  screen.getByRole<HTMLInputElement>('checkbox', { name });

/** Waits until no checkbox on screen has a toggle in flight. */
export const settled = () =>
  waitFor(() => {
    for (const box of screen.getAllByRole('checkbox')) {
      expect(box.getAttribute('aria-busy')).toBeNull();
    }
  });
