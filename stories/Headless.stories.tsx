import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { useActivityStatus, useToggleActivity } from '../src/index.js';
import { ServerStatus } from './support/ServerStatus.js';
import { storyWebApi } from './support/storyWebApi.js';

interface PartnerSwitchProps {
  activityIdentifier: string;
  completed: boolean;
  title: string;
}

/**
 * A partner's own switch, drawn from scratch on the headless hooks: `useActivityStatus` for
 * the shared state, `useToggleActivity` to click. Same rules as the checkbox.
 */
function PartnerSwitch({ activityIdentifier, completed, title }: PartnerSwitchProps) {
  const status = useActivityStatus(activityIdentifier, { completed });
  const toggle = useToggleActivity();
  const on = status.completed;
  return (
    <div style={{ display: 'grid', gap: 6 }}>
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-busy={status.isPending || undefined}
        onClick={() => toggle.mutate({ activityIdentifier })}
        style={{
          display: 'inline-flex',
          alignItems: 'center',
          gap: 10,
          padding: '6px 10px',
          border: '1px solid #767676',
          borderRadius: 8,
          background: '#fff',
          color: '#1a1a1a',
          font: 'inherit',
          cursor: status.isPending ? 'progress' : 'pointer',
          width: 'fit-content',
        }}
      >
        <span
          aria-hidden="true"
          style={{
            position: 'relative',
            width: 36,
            height: 20,
            borderRadius: 10,
            background: on ? '#0a6e5c' : '#767676',
            transition: 'background 120ms',
          }}
        >
          <span
            style={{
              position: 'absolute',
              top: 2,
              left: on ? 18 : 2,
              width: 16,
              height: 16,
              borderRadius: '50%',
              background: '#fff',
              transition: 'left 120ms',
            }}
          />
        </span>
        {title}
        <span data-testid="switch-state">{on ? 'Done' : 'To do'}</span>
      </button>
      {status.isPending ? <span data-testid="switch-saving">Saving…</span> : null}
      {status.error ? <p role="alert">Not saved: {status.error.message}</p> : null}
      <small>
        <ServerStatus activityIdentifier={activityIdentifier} />
      </small>
    </div>
  );
}

const meta = {
  title: 'Headless hooks',
  component: PartnerSwitch,
  args: { activityIdentifier: 'sale_id=7', completed: false, title: 'Nordic Foods: 40 licences' },
  parameters: {
    fakeWebApi: { activities: { 'sale_id=7': 'Started' } },
    docs: {
      description: {
        component:
          'No checkbox at all: `useActivityStatus` gives the shared state (`completed`, `isPending`, `error`) and `useToggleActivity` the click, under the same rules as the checkbox. Here a partner’s own switch.',
      },
    },
  },
} satisfies Meta<typeof PartnerSwitch>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The partner's switch completes the sale, and rolls back with the server's message on error. */
export const PartnersOwnSwitch: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const { fake } = storyWebApi({ loaded });
    const toggle = canvas.getByRole('switch', { name: /Nordic Foods: 40 licences/ });
    await expect(toggle).toHaveAttribute('aria-checked', 'false');

    const release = fake.hold();
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    await expect(toggle).toHaveAttribute('aria-busy', 'true');
    await expect(canvas.getByTestId('switch-saving')).toBeVisible();
    release();
    await waitFor(() => expect(toggle).not.toHaveAttribute('aria-busy'));
    await expect(canvas.getByTestId('switch-state')).toHaveTextContent('Done');
    await expect(fake.status('sale_id=7')).toBe('Completed');

    fake.inject({
      status: 500,
      body: { Error: true, ErrorType: 'SoException', ErrorMessage: 'The sale is locked' },
    });
    await userEvent.click(toggle);
    await waitFor(() => expect(toggle).not.toHaveAttribute('aria-busy'));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'Not saved: The sale is locked',
    );
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    await expect(fake.status('sale_id=7')).toBe('Completed');
    await expect(fake.requests).toHaveLength(2);
  },
};
