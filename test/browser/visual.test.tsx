import { afterEach, describe, expect, it, vi } from 'vitest';
import { commands, page } from 'vitest/browser';
import { ActivityCompleteCheckbox } from '../../src/index.js';
import { CHECKBOX_STATES, STATE_NAMES } from './support/checkboxStates.js';
import type { MediaFeatures } from './support/emulateMedia.js';
import { mount, unmount } from './support/mount.js';
import { Providers } from './support/renderCheckbox.js';
import { setStylesheet } from './support/stylesheet.js';

vi.mock('../../src/react/useActivityCheckbox.js', async () => {
  const { useActivityCheckboxStub } = await import('./support/hookStub.js');
  return { useActivityCheckbox: useActivityCheckboxStub };
});

interface Variant {
  name: string;
  stylesheet: boolean;
  dir: 'ltr' | 'rtl';
  /** `attribute`: `[data-theme=dark]` on an ancestor; `media`: the system's dark mode. */
  dark?: 'attribute' | 'media';
  forcedColors?: boolean;
}

// Each screenshot is a sheet of every state; the variants cover the stylesheet on and off, light
// and dark (both switches), Windows high contrast, and right-to-left.
const VARIANTS: Variant[] = [
  { name: 'styled-light-ltr', stylesheet: true, dir: 'ltr' },
  { name: 'styled-light-rtl', stylesheet: true, dir: 'rtl' },
  { name: 'styled-dark-attribute-ltr', stylesheet: true, dir: 'ltr', dark: 'attribute' },
  { name: 'styled-dark-media-rtl', stylesheet: true, dir: 'rtl', dark: 'media' },
  { name: 'styled-forced-colors-ltr', stylesheet: true, dir: 'ltr', forcedColors: true },
  { name: 'styled-forced-colors-rtl', stylesheet: true, dir: 'rtl', forcedColors: true },
  { name: 'unstyled-light-ltr', stylesheet: false, dir: 'ltr' },
  { name: 'unstyled-light-rtl', stylesheet: false, dir: 'rtl' },
  { name: 'unstyled-forced-colors-ltr', stylesheet: false, dir: 'ltr', forcedColors: true },
];

function StateSheet({ variant }: { variant: Variant }) {
  const dark = Boolean(variant.dark);
  return (
    <Providers>
      <div
        data-testid="sheet"
        dir={variant.dir}
        data-theme={variant.dark === 'attribute' ? 'dark' : undefined}
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(2, 300px)',
          gridAutoRows: 76,
          gap: 8,
          padding: 16,
          inlineSize: 'max-content',
          fontFamily: 'DejaVu Sans',
          fontSize: 15,
          colorScheme: dark ? 'dark' : 'light',
          background: dark ? '#0d1117' : '#fff',
          color: dark ? '#e6edf3' : '#1f2328',
        }}
      >
        {STATE_NAMES.map((state) => (
          <div key={state} style={{ display: 'grid', alignContent: 'start', gap: 4 }}>
            <small style={{ opacity: 0.7, fontSize: 11 }}>{state}</small>
            <div>
              <ActivityCompleteCheckbox
                activityIdentifier={`appointment_id=1#${state}`}
                label="Call Anna Berg"
                disabled={'disabled' in CHECKBOX_STATES[state]}
              />
            </div>
          </div>
        ))}
      </div>
    </Providers>
  );
}

afterEach(async () => {
  unmount();
  setStylesheet(false);
  await commands.emulateMedia({ colorScheme: null, forcedColors: null, reducedMotion: null });
});

describe('the checkbox looks the same as its committed screenshots', () => {
  it.each(VARIANTS)('$name', async (variant) => {
    const media: MediaFeatures = {
      colorScheme: variant.dark === 'media' ? 'dark' : 'light',
      forcedColors: variant.forcedColors ? 'active' : 'none',
      // A still pending ring: a spinning one would never match.
      reducedMotion: 'reduce',
    };
    await commands.emulateMedia(media);
    setStylesheet(variant.stylesheet);
    mount(<StateSheet variant={variant} />);
    await document.fonts.ready;
    await expect.element(page.getByTestId('sheet')).toMatchScreenshot(variant.name, {
      // Strict: a colour a shade off is a change. Rendering here is deterministic (one machine,
      // one Chromium, fixed font), so no slack is needed for noise.
      comparatorName: 'pixelmatch',
      comparatorOptions: { threshold: 0.02, allowedMismatchedPixelRatio: 0 },
    });
  });
});
