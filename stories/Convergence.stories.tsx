import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { ActivityCompleteCheckbox } from '../src/index.js';
import { settled, statusOf, wrapperOf } from './support/assertions.js';
import { CompleteSelectedList, SELECTION } from './support/CompleteSelectedList.js';
import { checkboxArgTypes } from './support/checkboxArgTypes.js';
import { playContext } from './support/playContext.js';
import { RequestCounter } from './support/RequestCounter.js';
import { ServerStatus } from './support/ServerStatus.js';
import { WithRequestTimeout } from './support/WithRequestTimeout.js';

const ID = 'appointment_id=42';
// Short, so that the wait until an unknown toggle can no longer land (its send time plus the
// timeout) is short too; long enough for the fake to answer on a loaded machine.
const TIMEOUT_MS = 1000;

const meta = {
  title: 'Convergence',
  component: ActivityCompleteCheckbox,
  argTypes: checkboxArgTypes,
  args: { activityIdentifier: ID, completed: false, onCompletedChange: fn(), onError: fn() },
  parameters: {
    fakeWebApi: { activities: { [ID]: 'NotStarted' } },
    docs: {
      description: {
        component:
          'The server ends where the user’s last click said. An answer that differs from the click is evidence, and one more toggle is sent; an unknown outcome (dropped connection, 504) is read back, never guessed. Each story opens in the state it is named after; the play function checks the wire (toggles and reads the fake WebAPI received) and what the user sees.',
      },
    },
  },
  render: (args) => (
    <div style={{ display: 'grid', gap: 8, maxWidth: 520 }}>
      <ActivityCompleteCheckbox {...args} />
      <small>
        <ServerStatus activityIdentifier={args.activityIdentifier} />
      </small>
      <RequestCounter />
    </div>
  ),
} satisfies Meta<typeof ActivityCompleteCheckbox>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * A colleague completed the appointment in SuperOffice; the dashboard still shows it open. The
 * user ticks it: the toggle flips it back to `NotStarted`, so the checkbox sends one more, and
 * the appointment ends completed, with no error.
 */
export const StaleView: Story = {
  parameters: { fakeWebApi: { activities: { [ID]: 'Completed' } } },
  play: async (context) => {
    const { args } = context;
    const { canvas, text, fake } = playContext(context);
    const checkbox = canvas.getByRole('checkbox', { name: text.completed });
    await expect(checkbox).not.toBeChecked();
    await expect(fake.status(ID)).toBe('Completed');

    await userEvent.click(checkbox);
    await settled(checkbox);

    await expect(checkbox).toBeChecked();
    await expect(fake.status(ID)).toBe('Completed');
    await expect(fake.toggleRequestsFor(ID)).toHaveLength(2);
    await expect(fake.readCount(ID)).toBe(0);
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(args.onCompletedChange).toHaveBeenCalledWith(true, 'Completed');
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

/**
 * The browser resent the POST by itself (a kept-alive connection dropped before the answer), so
 * SuperOffice applied the toggle twice and answered `NotStarted`. The answer is evidence: one
 * more toggle, and the activity ends where the click said.
 */
export const BrowserResentTheToggle: Story = {
  parameters: {
    fakeWebApi: { activities: { [ID]: 'NotStarted' }, faults: [{ fault: { appliedTwice: true } }] },
  },
  play: async (context) => {
    const { args } = context;
    const { canvas, text, fake } = playContext(context);
    const checkbox = canvas.getByRole('checkbox', { name: text.completed });
    await userEvent.click(checkbox);
    await settled(checkbox);

    await expect(checkbox).toBeChecked();
    await expect(fake.status(ID)).toBe('Completed');
    await expect(fake.toggleRequestsFor(ID)).toHaveLength(2);
    await expect(fake.toggleCount(ID)).toBe(3); // 2 from the resent POST, 1 correction
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(args.onCompletedChange).toHaveBeenLastCalledWith(true, 'Completed');
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

const renderWithShortTimeout: Story['render'] = (args, { globals }) => (
  <WithRequestTimeout ms={TIMEOUT_MS} language={globals.language}>
    {meta.render(args)}
  </WithRequestTimeout>
);

/** Reading back and waiting out the lost toggle take up to a few timeouts. */
async function settledAfterReadBack(checkbox: HTMLElement): Promise<void> {
  await waitFor(() => expect(checkbox).not.toHaveAttribute('data-checking'), { timeout: 10_000 });
  await waitFor(() => expect(checkbox).not.toHaveAttribute('data-pending'), { timeout: 10_000 });
  await settled(checkbox);
}

/** The first read waits a little, so the "checking" state can be seen (and asserted). */
const SLOW_FIRST_READ = { fault: { delayMs: 150 }, on: 'read' as const };

/**
 * A gateway answered 504 and SuperOffice never applied the toggle. The checkbox reads the
 * activity back ("Checking with the server…", `data-checking`), finds it still open, waits until
 * the lost toggle can no longer land (its send time plus the provider's `timeout`, 1 s here),
 * reads again and only then toggles: 2 toggles, 2 reads, no error.
 */
export const ReadBackAfter504NotApplied: Story = {
  parameters: {
    fakeWebApi: {
      activities: { [ID]: 'NotStarted' },
      faults: [{ fault: { status: 504, body: 'Gateway Timeout' } }, SLOW_FIRST_READ],
    },
  },
  render: renderWithShortTimeout,
  play: async (context) => {
    const { args } = context;
    const { canvas, text, fake } = playContext(context);
    const checkbox = canvas.getByRole('checkbox', { name: text.completed });
    await userEvent.click(checkbox);

    await waitFor(() => expect(checkbox).toHaveAttribute('data-checking'));
    await expect(wrapperOf(checkbox)).toHaveAttribute('data-checking');
    await expect(statusOf(checkbox)).toHaveTextContent(text.checking);
    await expect(checkbox).toBeChecked();
    await settledAfterReadBack(checkbox);

    await expect(checkbox).toBeChecked();
    await expect(fake.status(ID)).toBe('Completed');
    await expect(fake.toggleRequestsFor(ID)).toHaveLength(2);
    await expect(fake.toggleCount(ID)).toBe(1);
    // README: 2 reads; a read slower than the timeout on a loaded machine is read again.
    await expect(fake.readCount(ID)).toBeGreaterThanOrEqual(2);
    await expect(fake.readCount(ID)).toBeLessThanOrEqual(4);
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

/**
 * A 504 although the activity did end completed (here: another user completed it while the
 * request was on its way). The read shows the click's intent reached, so nothing more is sent:
 * 1 toggle, 1 read, no error.
 */
export const ReadBackAfter504Applied: Story = {
  parameters: {
    fakeWebApi: {
      activities: { [ID]: 'NotStarted' },
      faults: [{ fault: { changedBy: 'Completed', status: 504 } }, SLOW_FIRST_READ],
    },
  },
  render: renderWithShortTimeout,
  play: async (context) => {
    const { args } = context;
    const { canvas, text, fake } = playContext(context);
    const checkbox = canvas.getByRole('checkbox', { name: text.completed });
    await userEvent.click(checkbox);

    await waitFor(() => expect(checkbox).toHaveAttribute('data-checking'));
    await expect(statusOf(checkbox)).toHaveTextContent(text.checking);
    await settledAfterReadBack(checkbox);

    await expect(checkbox).toBeChecked();
    await expect(fake.status(ID)).toBe('Completed');
    await expect(fake.toggleRequestsFor(ID)).toHaveLength(1);
    await expect(fake.readCount(ID)).toBeGreaterThanOrEqual(1);
    await expect(fake.readCount(ID)).toBeLessThanOrEqual(4);
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

/**
 * The connection dropped after SuperOffice applied the toggle, and every read answers 503. The
 * library cannot know where the activity ended, so it says so: the box rolls back to the last
 * confirmed state, "The change could not be confirmed." is shown and announced, `onError` is
 * called once, and the reads stop after 4.
 */
export const ReadsKeepFailing: Story = {
  parameters: {
    fakeWebApi: {
      activities: { [ID]: 'NotStarted' },
      faults: [
        { fault: { drop: 'after-apply' } },
        {
          fault: { status: 503, body: 'Service Unavailable' },
          on: 'read',
          times: Number.POSITIVE_INFINITY,
        },
      ],
    },
  },
  play: async (context) => {
    const { args } = context;
    const { canvas, text, fake } = playContext(context);
    const checkbox = canvas.getByRole('checkbox', { name: text.completed });
    await userEvent.click(checkbox);

    const alert = await canvas.findByRole('alert', {}, { timeout: 20_000 });
    await expect(alert).toHaveTextContent(text.unconfirmed);
    await expect(checkbox).toHaveAccessibleDescription(text.unconfirmed);
    await expect(checkbox).not.toBeChecked();
    await expect(checkbox).toHaveAttribute('data-error');
    await expect(fake.toggleRequestsFor(ID)).toHaveLength(1);
    await expect(fake.readCount(ID)).toBeGreaterThanOrEqual(1);
    await expect(fake.readCount(ID)).toBeLessThanOrEqual(4);
    await expect(fake.status(ID)).toBe('Completed'); // applied, but never confirmed
    await expect(args.onError).toHaveBeenCalledTimes(1);
    await expect(args.onError).toHaveBeenCalledWith(
      expect.objectContaining({ outcomeUnknown: true }),
    );
  },
};

/**
 * The site has three-state appointments (`NotStarted` → `Started` → `Completed`). Ticking means
 * "completed": the first toggle lands on `Started`, the checkbox sends one more, and the
 * appointment ends `Completed`.
 */
export const ThreeStateAppointmentEndsCompleted: Story = {
  parameters: {
    fakeWebApi: { activities: { [ID]: 'NotStarted' }, threeStateAppointments: true },
  },
  play: async (context) => {
    const { args } = context;
    const { canvas, text, fake } = playContext(context);
    const checkbox = canvas.getByRole('checkbox', { name: text.completed });
    await userEvent.click(checkbox);
    await settled(checkbox);

    await expect(checkbox).toBeChecked();
    await expect(checkbox).toHaveAttribute('data-state', 'checked');
    await expect(fake.status(ID)).toBe('Completed');
    await expect(fake.toggleRequestsFor(ID)).toHaveLength(2);
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(args.onCompletedChange).toHaveBeenLastCalledWith(true, 'Completed');
  },
};

/**
 * The same appointment with `converge={false}`: the server's answer stands, so one click steps
 * it to `Started`, shown as an indeterminate box (the three-state cycle some partners want).
 */
export const ThreeStateAppointmentWithoutConverge: Story = {
  args: { converge: false },
  parameters: {
    fakeWebApi: { activities: { [ID]: 'NotStarted' }, threeStateAppointments: true },
  },
  play: async (context) => {
    const { canvas, text, fake } = playContext(context);
    const checkbox = canvas.getByRole<HTMLInputElement>('checkbox', { name: text.completed });
    await userEvent.click(checkbox);
    await settled(checkbox);

    await expect(fake.status(ID)).toBe('Started');
    await expect(fake.toggleRequestsFor(ID)).toHaveLength(1);
    await expect(checkbox).toHaveAttribute('data-state', 'indeterminate');
    await expect(checkbox.indeterminate).toBe(true);
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

/**
 * A dashboard's "Complete selected" button (`useSetActivityCompleted`) over rows that are done,
 * open, and stale (completed in SuperOffice by someone else, shown open here). Nothing is sent
 * for the done rows; every row ends completed, on the server and on screen.
 */
export const CompleteSelectedToolbar: StoryObj = {
  parameters: {
    fakeWebApi: {
      activities: Object.fromEntries(SELECTION.map((row) => [row.activityIdentifier, row.server])),
    },
  },
  render: () => <CompleteSelectedList />,
  play: async (context) => {
    const { canvas, fake } = playContext(context);
    await userEvent.click(canvas.getByRole('button', { name: /Complete selected/ }));

    for (const row of SELECTION) {
      const checkbox = canvas.getByRole('checkbox', { name: row.title });
      await waitFor(() => expect(checkbox).toBeChecked());
      await settled(checkbox);
      await expect(checkbox).toBeChecked();
      await expect(fake.status(row.activityIdentifier)).toBe('Completed');
      const toggles = fake.toggleRequestsFor(row.activityIdentifier).length;
      if (row.shown === 'Completed') await expect(toggles).toBe(0);
      else if (row.server === 'Completed') await expect(toggles).toBe(2);
      else await expect(toggles).toBe(1);
    }
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(canvas.getByTestId('complete-selected-result')).toHaveTextContent(
      `${SELECTION.length} of ${SELECTION.length} completed`,
    );
  },
};
