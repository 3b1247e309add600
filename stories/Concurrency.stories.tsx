import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { ActivityCompleteCheckbox } from '../src/index.js';
import { settled, statusOf, wrapperOf } from './support/assertions.js';
import { checkboxArgTypes } from './support/checkboxArgTypes.js';
import { playContext } from './support/playContext.js';
import { RequestCounter } from './support/RequestCounter.js';
import { ServerStatus } from './support/ServerStatus.js';

const ID = 'appointment_id=42';

const meta = {
  title: 'Concurrency',
  component: ActivityCompleteCheckbox,
  argTypes: checkboxArgTypes,
  args: { activityIdentifier: ID, completed: false },
  parameters: {
    fakeWebApi: { activities: { [ID]: 'NotStarted' } },
    docs: {
      description: {
        component:
          'Clicks show at once; toggles of one activity run one at a time; a burst of clicks sends at most two requests; every view of an activity shows the same state; the server’s answer wins.',
      },
    },
  },
  render: (args) => (
    <div style={{ display: 'grid', gap: 8, maxWidth: 520 }}>
      <ActivityCompleteCheckbox {...args} />
      <small>
        <ServerStatus activityIdentifier={ID} />
      </small>
      <RequestCounter />
    </div>
  ),
} satisfies Meta<typeof ActivityCompleteCheckbox>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * A slow server (3 s when you click it yourself): the tick shows at once, the checkbox is
 * `aria-busy` with `data-pending`, and "Saving…" is announced until SuperOffice confirms. The
 * play function holds the request instead of waiting, so the test needs no clock.
 */
export const PendingOnASlowServer: Story = {
  parameters: { fakeWebApi: { activities: { [ID]: 'NotStarted' }, latencyMs: 3000 } },
  play: async (context) => {
    const { canvas, text, fake } = playContext(context);
    fake.setLatency(0);
    const release = fake.hold();
    const checkbox = canvas.getByRole('checkbox', { name: text.completed });
    await userEvent.click(checkbox);

    await expect(checkbox).toBeChecked();
    await expect(checkbox).toHaveAttribute('aria-busy', 'true');
    await expect(checkbox).toHaveAttribute('data-pending');
    await expect(wrapperOf(checkbox)).toHaveAttribute('data-pending');
    await expect(canvas.getByRole('status')).toHaveTextContent(text.saving);
    await waitFor(() => expect(fake.requests).toHaveLength(1));
    await expect(fake.requests[0]?.response).toBe('pending');
    await expect(fake.status(ID)).toBe('NotStarted');

    release();
    await settled(checkbox);
    await expect(checkbox).toBeChecked();
    await expect(canvas.getByRole('status')).toHaveTextContent('');
    await expect(fake.status(ID)).toBe('Completed');
  },
};

/**
 * Five quick clicks while SuperOffice is busy: the checkbox follows every click, but only the
 * first toggle is sent. By the time it is answered the server already matches the last click,
 * so the queued ones are dropped. The counter comes from the fake WebAPI itself.
 */
export const RapidClicksSendOneRequest: Story = {
  play: async (context) => {
    const { canvas, text, fake } = playContext(context);
    const release = fake.hold();
    const checkbox = canvas.getByRole('checkbox', { name: text.completed });
    for (let click = 1; click <= 5; click += 1) {
      await userEvent.click(checkbox);
      await expect(checkbox).toHaveProperty('checked', click % 2 === 1);
    }
    release();
    await settled(checkbox);

    await expect(checkbox).toBeChecked();
    await expect(fake.status(ID)).toBe('Completed');
    await expect(fake.requests).toHaveLength(1);
    await expect(canvas.getByTestId('request-counter')).toHaveTextContent(
      'Requests answered by SuperOffice: 1 · toggles applied: 1',
    );
  },
};

/**
 * Four quick clicks end where they started: the first toggle is sent, and exactly one more
 * puts the activity back. Never more than two requests per burst, and the server ends where
 * the last click said.
 */
export const RapidClicksBackToTheStartSendTwo: Story = {
  play: async (context) => {
    const { canvas, text, fake } = playContext(context);
    const release = fake.hold();
    const checkbox = canvas.getByRole('checkbox', { name: text.completed });
    for (let click = 1; click <= 4; click += 1) await userEvent.click(checkbox);
    await expect(checkbox).not.toBeChecked();
    release();
    await settled(checkbox);

    await expect(checkbox).not.toBeChecked();
    await expect(fake.status(ID)).toBe('NotStarted');
    await expect(fake.requests).toHaveLength(2);
    await expect(canvas.getByTestId('request-counter')).toHaveTextContent(
      'Requests answered by SuperOffice: 2 · toggles applied: 2',
    );
  },
};

/**
 * The same activity in a list row and in a details panel: one click shows in both at once,
 * both are busy while it saves, and one request is sent.
 */
export const TwoWidgetsStayInSync: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 24, maxWidth: 640 }}>
      <section aria-label="Activity list">
        <h3 style={{ fontSize: '1rem' }}>List</h3>
        <ActivityCompleteCheckbox {...args} label="Call Anna Berg (list)" />
      </section>
      <section aria-label="Activity details">
        <h3 style={{ fontSize: '1rem' }}>Details</h3>
        <ActivityCompleteCheckbox {...args} label="Call Anna Berg (details)" />
      </section>
      <RequestCounter />
    </div>
  ),
  play: async (context) => {
    const { canvas, text, fake } = playContext(context);
    const inList = canvas.getByRole('checkbox', { name: 'Call Anna Berg (list)' });
    const inDetails = canvas.getByRole('checkbox', { name: 'Call Anna Berg (details)' });
    const release = fake.hold();
    await userEvent.click(inList);

    await expect(inList).toBeChecked();
    await expect(inDetails).toBeChecked();
    await expect(inDetails).toHaveAttribute('data-pending');
    await expect(statusOf(inDetails)).toHaveTextContent(text.saving);
    release();
    await settled(inList);
    await settled(inDetails);
    await expect(fake.requests).toHaveLength(1);

    await userEvent.click(inDetails);
    await settled(inDetails);
    await expect(inList).not.toBeChecked();
    await expect(inDetails).not.toBeChecked();
    await expect(fake.requests).toHaveLength(2);
    await expect(fake.status(ID)).toBe('NotStarted');
  },
};

/**
 * Someone else completed the activity after the dashboard loaded. The click asks to complete
 * it; SuperOffice's toggle flips it back to `NotStarted`; the checkbox toggles once more, so
 * the activity ends where the user's click said, with no error.
 */
export const StaleViewStillEndsWhereTheClickSaid: Story = {
  play: async (context) => {
    const { canvas, text, fake } = playContext(context);
    fake.setStatus(ID, 'Completed'); // another user, behind the dashboard's back
    const checkbox = canvas.getByRole('checkbox', { name: text.completed });
    await userEvent.click(checkbox);
    await settled(checkbox);

    await expect(checkbox).toBeChecked();
    await expect(fake.status(ID)).toBe('Completed');
    await expect(fake.toggleCount(ID)).toBe(2);
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(canvas.getByText('On the server: Completed')).toBeVisible();
  },
};

/**
 * The same stale view with `converge={false}`: SuperOffice's answer stands. The click asked to
 * complete it, the toggle flipped it to `NotStarted`, and that is what the checkbox shows.
 */
export const ServerAnswerStandsWithoutConverge: Story = {
  args: { converge: false },
  play: async (context) => {
    const { canvas, text, fake } = playContext(context);
    fake.setStatus(ID, 'Completed');
    const checkbox = canvas.getByRole('checkbox', { name: text.completed });
    await userEvent.click(checkbox);
    await settled(checkbox);

    await expect(fake.status(ID)).toBe('NotStarted');
    await expect(checkbox).not.toBeChecked();
    await expect(fake.toggleCount(ID)).toBe(1);
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(canvas.getByText('On the server: NotStarted')).toBeVisible();
  },
};
