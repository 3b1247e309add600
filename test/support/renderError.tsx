import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';

/** What rendering `element` throws; React's own logging of it is kept out of the output. */
export function renderError(element: ReactElement): unknown {
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    render(element);
  } catch (error) {
    return error;
  } finally {
    quiet.mockRestore();
  }
  return undefined;
}
