import type { Decorator } from '@storybook/react-vite';
import { FONT } from '../../.storybook/theme.js';

/**
 * Draws every story on a card, the way a partner's dashboard would hold it: a real font, some
 * air, and the toolbar's light or dark theme (`data-theme`, which the optional stylesheet
 * follows).
 */
export const withStoryFrame: Decorator = (Story, context) => {
  const dark = context.globals.theme === 'dark';
  return (
    <div
      data-theme={dark ? 'dark' : 'light'}
      style={{
        fontFamily: FONT,
        fontSize: 15,
        lineHeight: 1.5,
        colorScheme: dark ? 'dark' : 'light',
        color: dark ? '#e6edf3' : '#1f2328',
        background: dark ? '#161b22' : '#fff',
        border: `1px solid ${dark ? '#30363d' : '#e3e6ea'}`,
        borderRadius: 12,
        boxShadow: '0 1px 2px rgb(16 24 40 / 0.06)',
        padding: '20px 24px',
        margin: 16,
        maxInlineSize: 760,
      }}
    >
      <Story />
    </div>
  );
};
