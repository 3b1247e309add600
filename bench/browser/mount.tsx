import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';

export interface Mounted {
  container: HTMLElement;
  unmount(): void;
}

/** Renders `ui` into a fresh container and commits it before returning. */
export function mount(ui: ReactNode): Mounted {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  flushSync(() => root.render(ui));
  return {
    container,
    unmount() {
      root.unmount();
      container.remove();
    },
  };
}
