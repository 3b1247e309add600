import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';

let mounted: { root: Root; container: HTMLElement } | undefined;

/**
 * Renders `ui` into a fresh container in the page, synchronously, replacing the last one.
 *
 * @example
 * const container = mount(<Providers><ActivityCompleteCheckbox … /></Providers>);
 */
export function mount(ui: ReactNode): HTMLElement {
  unmount();
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  flushSync(() => root.render(ui));
  mounted = { root, container };
  return container;
}

/** Renders `ui` in place of what the last {@link mount} drew, keeping the same DOM nodes. */
export function update(ui: ReactNode): void {
  if (!mounted) throw new Error('Nothing mounted');
  const { root } = mounted;
  flushSync(() => root.render(ui));
}

export function unmount(): void {
  if (!mounted) return;
  mounted.root.unmount();
  mounted.container.remove();
  mounted = undefined;
}
