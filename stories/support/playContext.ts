import type { StoryContext } from '@storybook/react-vite';
import { within } from 'storybook/test';
import { builtInTexts } from './builtInTexts.js';
import { storyWebApi } from './storyWebApi.js';

/**
 * What a play function works with: the story's canvas, the built-in texts in the toolbar's
 * language, and the story's own fake WebAPI.
 *
 * @example
 * play: async (context) => {
 *   const { canvas, text, fake } = playContext(context);
 *   await userEvent.click(canvas.getByRole('checkbox', { name: text.completed }));
 * }
 */
export function playContext(context: Pick<StoryContext, 'canvasElement' | 'globals' | 'loaded'>) {
  return {
    canvas: within(context.canvasElement),
    text: builtInTexts(context.globals),
    fake: storyWebApi(context).fake,
  };
}
