import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { ActivityCompleteCheckbox, BUILT_IN_LABELS } from '../src/index.js';
import { settled, statusOf } from './support/assertions.js';
import { checkboxArgTypes } from './support/checkboxArgTypes.js';
import { type StoryWebApi, storyWebApi } from './support/storyWebApi.js';

const ID = 'appointment_id=42';

const meta = {
  title: 'Languages',
  component: ActivityCompleteCheckbox,
  argTypes: checkboxArgTypes,
  args: { activityIdentifier: ID, completed: false },
  parameters: {
    fakeWebApi: { activities: { [ID]: 'NotStarted' } },
    docs: {
      description: {
        component:
          'The built-in texts follow the `language` of `SuperOfficeProvider` (also sent as `Accept-Language` and `SO-Language`): English, Norwegian (bokmål), Swedish, Danish, German and Dutch. Override any text with the `labels` prop.',
      },
    },
  },
} satisfies Meta<typeof ActivityCompleteCheckbox>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * A story in one built-in language (the provider's `language`, also sent as Accept-Language).
 * Its play function checks the label, the "Saving…" announcement and the error message.
 */
function inLanguage(language: string): Story {
  const labels = BUILT_IN_LABELS[language];
  if (!labels) throw new Error(`No built-in texts for ${language}`);
  return {
    globals: { language },
    play: async ({ canvasElement, loaded }) => {
      const canvas = within(canvasElement);
      const { fake }: StoryWebApi = storyWebApi({ loaded });
      const checkbox = canvas.getByRole('checkbox', { name: labels.completed });

      const release = fake.hold();
      await userEvent.click(checkbox);
      await expect(statusOf(checkbox)).toHaveTextContent(labels.saving);
      release();
      await settled(checkbox);
      await expect(checkbox).toBeChecked();
      await expect(fake.requests[0]?.headers['accept-language']).toBe(language);
      await expect(fake.requests[0]?.headers['so-language']).toBe(language);

      fake.inject({
        status: 500,
        body: { Error: true, ErrorType: 'SoException', ErrorMessage: 'Database timeout' },
      });
      await userEvent.click(checkbox);
      await settled(checkbox);
      await expect(await canvas.findByRole('alert')).toHaveTextContent(
        `${labels.failed}: Database timeout`,
      );
      await expect(checkbox).toBeChecked();
    },
  };
}

export const English = inLanguage('en');
export const NorwegianBokmal = inLanguage('nb');
export const Swedish = inLanguage('sv');
export const Danish = inLanguage('da');
export const German = inLanguage('de');
export const Dutch = inLanguage('nl');
