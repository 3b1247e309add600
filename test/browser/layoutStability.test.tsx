import type { CSSProperties } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActivityCompleteCheckbox } from '../../src/index.js';
import { CHECKBOX_STATES, type CheckboxStateName, STATE_NAMES } from './support/checkboxStates.js';
import { mount, unmount, update } from './support/mount.js';
import { Providers } from './support/renderCheckbox.js';
import { setStylesheet } from './support/stylesheet.js';

vi.mock('../../src/react/useActivityCheckbox.js', async () => {
  const { useActivityCheckboxStub } = await import('./support/hookStub.js');
  return { useActivityCheckbox: useActivityCheckboxStub };
});

// Where partners put the checkbox: table cells aligned three ways, and rows that centre their
// items vertically beside something taller (an avatar).
const cell: CSSProperties = { inlineSize: 320, border: '1px solid #ccc', padding: 8 };
const CONTAINERS: Record<string, CSSProperties> = {
  'left-aligned cell': { ...cell, textAlign: 'start' },
  'centred cell': { ...cell, textAlign: 'center' },
  'right-aligned cell': { ...cell, textAlign: 'end' },
  'vertically centred row': { display: 'flex', alignItems: 'center', gap: 12, minBlockSize: 56 },
};

function Layout({ state }: { state: CheckboxStateName }) {
  return (
    <Providers>
      <div style={{ fontFamily: 'DejaVu Sans', fontSize: 16, display: 'grid', gap: 48 }}>
        {Object.entries(CONTAINERS).map(([name, style]) => (
          <div key={name} data-container={name} style={style}>
            {name === 'vertically centred row' ? (
              <span
                style={{ inlineSize: 48, blockSize: 48, borderRadius: 24, background: '#999' }}
              />
            ) : null}
            <ActivityCompleteCheckbox
              activityIdentifier={`appointment_id=1#${state}`}
              label="Call Anna Berg"
              disabled={'disabled' in CHECKBOX_STATES[state]}
            />
          </div>
        ))}
      </div>
    </Providers>
  );
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The input's box in each container, as the browser laid it out, relative to its container. */
function inputBoxes(container: HTMLElement): Record<string, Box> {
  const boxes: Record<string, Box> = {};
  for (const element of container.querySelectorAll<HTMLElement>('[data-container]')) {
    const input = element.querySelector('input');
    if (!input) throw new Error('No input');
    const { x, y, width, height } = input.getBoundingClientRect();
    const origin = element.getBoundingClientRect();
    boxes[element.dataset.container ?? ''] = { x: x - origin.x, y: y - origin.y, width, height };
  }
  return boxes;
}

afterEach(() => {
  unmount();
  setStylesheet(false);
});

describe.each([
  { stylesheet: true, name: 'with the stylesheet' },
  { stylesheet: false, name: 'without the stylesheet' },
])('the input does not move, $name', ({ stylesheet }) => {
  it(`keeps its box in all ${STATE_NAMES.length} states in every kind of cell and row`, () => {
    setStylesheet(stylesheet);
    const container = mount(<Layout state="unchecked" />);
    const before = inputBoxes(container);
    const moved: string[] = [];
    for (const state of STATE_NAMES) {
      update(<Layout state={state} />);
      const after = inputBoxes(container);
      for (const [where, box] of Object.entries(after)) {
        const start = before[where] as Box;
        // Unstyled, an error is a line of text under the label: it never moves the input
        // sideways, but a vertically centred row grows with it. The stylesheet takes it out.
        const vertical = stylesheet || where !== 'vertically centred row';
        const same =
          box.x === start.x &&
          box.width === start.width &&
          box.height === start.height &&
          (!vertical || box.y === start.y);
        if (!same)
          moved.push(`${state} in ${where}: ${JSON.stringify(start)} → ${JSON.stringify(box)}`);
      }
    }
    expect(moved).toEqual([]);
  });
});

describe('the error text', () => {
  it('stays linked to the input and is drawn below the box, inside the viewport', () => {
    setStylesheet(true);
    const container = mount(<Layout state="failed" />);
    for (const input of container.querySelectorAll('input')) {
      const error = document.getElementById(input.getAttribute('aria-describedby') ?? '');
      expect(error?.getAttribute('role')).toBe('alert');
      const errorBox = (error as HTMLElement).getBoundingClientRect();
      expect(errorBox.top).toBeGreaterThanOrEqual(input.getBoundingClientRect().bottom);
      expect(errorBox.width).toBeGreaterThan(100);
    }
  });
});
