import type { StoryContext } from '@storybook/react-vite';
import { type ActivityCheckboxLabels, BUILT_IN_LABELS } from '../../src/index.js';

/**
 * The checkbox's built-in texts in the toolbar's language, so that play functions still find
 * "Completed" when the person exploring has switched to German.
 *
 * @example
 * const text = builtInTexts(globals);
 * canvas.getByRole('checkbox', { name: text.completed });
 */
export function builtInTexts(globals: StoryContext['globals']): ActivityCheckboxLabels {
  const language = String(globals.language ?? 'en');
  const texts = BUILT_IN_LABELS[language] ?? BUILT_IN_LABELS.en;
  if (!texts) throw new Error('BUILT_IN_LABELS has no English texts');
  return texts;
}
