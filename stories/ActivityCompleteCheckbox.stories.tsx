import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ActivityCompleteCheckbox } from '../src/index.js';
import { settled, statusOf, wrapperOf } from './support/assertions.js';
import { checkboxArgTypes } from './support/checkboxArgTypes.js';
import { playContext } from './support/playContext.js';
import { RequestCounter } from './support/RequestCounter.js';
import { ServerStatus } from './support/ServerStatus.js';
import { storyWebApi } from './support/storyWebApi.js';

const meta = {
  title: 'ActivityCompleteCheckbox',
  component: ActivityCompleteCheckbox,
  argTypes: checkboxArgTypes,
  args: {
    activityIdentifier: 'appointment_id=42',
    completed: false,
    onCompletedChange: fn(),
    onError: fn(),
  },
  // The docs page is stories/docs/ActivityCompleteCheckbox.mdx.
  tags: ['!autodocs'],
  parameters: {
    fakeWebApi: { activities: { 'appointment_id=42': 'NotStarted' } },
    docs: {
      description: {
        component:
          "A native checkbox that ticks a SuperOffice activity (appointment, sale or document) as completed, and unticks it. Every story runs against its own in-browser fake WebAPI: click away. The toolbar sets the language, the fake's latency and failure rate, and turns the optional `styles.css` on or off.",
      },
    },
  },
} satisfies Meta<typeof ActivityCompleteCheckbox>;

export default meta;
type Story = StoryObj<typeof meta>;

const OVERVIEW = [
  { id: 'appointment_id=42', title: 'Call Anna Berg about the renewal', status: 'NotStarted' },
  { id: 'sale_id=7', title: 'Nordic Foods: 40 licences', status: 'Completed' },
  { id: 'document_id=9', title: 'Signed contract, Fjord Shipping', status: 'NotStarted' },
  { id: 'appointment_id=43', title: 'Quarterly review with Lumen AS', status: 'Started' },
  { id: 'document_id=10', title: 'Offer letter to Kvist & Co', status: 'NotStarted' },
  { id: 'appointment_id=44', title: 'Site visit in Bergen (read-only)', status: 'Completed' },
] as const;

/**
 * A few activities in every state, against the fake WebAPI. The play function ticks the first
 * one and unticks it again, so the page ends as it began. Click any of them; the
 * [Failures](?path=/docs/failures--docs) page shows what a refused toggle looks like.
 */
export const Overview: Story = {
  parameters: {
    fakeWebApi: { activities: Object.fromEntries(OVERVIEW.map((row) => [row.id, row.status])) },
    // The rows are fixed; the other stories have controls.
    controls: { disable: true },
  },
  render: () => (
    <section aria-labelledby="overview-heading" style={{ maxWidth: 560 }}>
      <h2 id="overview-heading" style={{ fontSize: '1.1rem' }}>
        My activities today
      </h2>
      <ul style={{ listStyle: 'none', padding: 0, display: 'grid', gap: 12 }}>
        {OVERVIEW.map((row) => (
          <li key={row.id} style={{ display: 'grid', gap: 2 }}>
            <ActivityCompleteCheckbox
              activityIdentifier={row.id}
              status={row.status}
              label={row.title}
              disabled={row.id === 'appointment_id=44'}
            />
            <small style={{ color: '#555', paddingInlineStart: '1.7em' }}>
              {row.id} · <ServerStatus activityIdentifier={row.id} />
            </small>
          </li>
        ))}
      </ul>
      <RequestCounter />
    </section>
  ),
  play: async (context) => {
    const { canvas, fake } = playContext(context);
    const call = canvas.getByRole('checkbox', { name: 'Call Anna Berg about the renewal' });
    const sale = canvas.getByRole('checkbox', { name: 'Nordic Foods: 40 licences' });
    const review = canvas.getByRole('checkbox', { name: 'Quarterly review with Lumen AS' });
    const visit = canvas.getByRole('checkbox', { name: 'Site visit in Bergen (read-only)' });
    await expect(sale).toBeChecked();
    await expect(review).toHaveAttribute('data-state', 'indeterminate');
    await expect(visit).toBeDisabled();

    await userEvent.click(call);
    await expect(call).toBeChecked();
    await settled(call);
    await expect(fake.status('appointment_id=42')).toBe('Completed');
    await expect(canvas.getByTestId('server-status-appointment_id=42')).toHaveTextContent(
      'On the server: Completed',
    );
    await expect(canvas.getByTestId('request-counter')).toHaveTextContent(
      'Requests answered by SuperOffice: 1',
    );

    // Back where it began: the first view of the Overview is its named state, with no error.
    await userEvent.click(call);
    await settled(call);
    await expect(call).not.toBeChecked();
    await expect(fake.status('appointment_id=42')).toBe('NotStarted');
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

/** Unticked; a click ticks it at once and the fake WebAPI confirms; a second click unticks it. */
export const NotCompleted: Story = {
  play: async (context) => {
    const { args } = context;
    const { canvas, text, fake } = playContext(context);
    const checkbox = canvas.getByRole('checkbox', { name: text.completed });
    await expect(checkbox).not.toBeChecked();
    await expect(wrapperOf(checkbox)).toHaveAttribute('data-state', 'unchecked');

    await userEvent.click(checkbox);
    await expect(checkbox).toBeChecked();
    await expect(wrapperOf(checkbox)).toHaveAttribute('data-state', 'checked');
    await settled(checkbox);
    await expect(statusOf(checkbox)).toHaveTextContent('');
    await expect(fake.status('appointment_id=42')).toBe('Completed');
    await expect(fake.requests).toHaveLength(1);
    await expect(fake.requests[0]?.headers.authorization).toBe('Bearer fake-bearer-token');
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(args.onCompletedChange).toHaveBeenCalledOnce();
    await expect(args.onCompletedChange).toHaveBeenCalledWith(true, 'Completed');
    await expect(args.onError).not.toHaveBeenCalled();

    await userEvent.click(checkbox);
    await settled(checkbox);
    await expect(checkbox).not.toBeChecked();
    await expect(fake.status('appointment_id=42')).toBe('NotStarted');
  },
};

/** Ticked; a click unticks it and the appointment is `NotStarted` again; a second ticks it. */
export const Completed: Story = {
  args: { completed: true },
  parameters: { fakeWebApi: { activities: { 'appointment_id=42': 'Completed' } } },
  play: async (context) => {
    const { canvas, text, fake } = playContext(context);
    const checkbox = canvas.getByRole('checkbox', { name: text.completed });
    await expect(checkbox).toBeChecked();
    await expect(checkbox).toHaveAttribute('data-state', 'checked');

    await userEvent.click(checkbox);
    await expect(checkbox).not.toBeChecked();
    await settled(checkbox);
    await expect(fake.status('appointment_id=42')).toBe('NotStarted');
    await expect(checkbox).toHaveAttribute('data-state', 'unchecked');

    await userEvent.click(checkbox);
    await settled(checkbox);
    await expect(checkbox).toBeChecked();
    await expect(fake.status('appointment_id=42')).toBe('Completed');
  },
};

/** An appointment (`appointment_id=…`) ticked and unticked again. */
export const Appointment: Story = {
  args: { activityIdentifier: 'appointment_id=101', label: 'Meeting with Nordic Foods' },
  parameters: { fakeWebApi: { activities: { 'appointment_id=101': 'NotStarted' } } },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const { fake } = storyWebApi({ loaded });
    const checkbox = canvas.getByRole('checkbox', { name: 'Meeting with Nordic Foods' });
    await userEvent.click(checkbox);
    await settled(checkbox);
    await expect(checkbox).toBeChecked();
    await expect(fake.status('appointment_id=101')).toBe('Completed');
    await userEvent.click(checkbox);
    await settled(checkbox);
    await expect(checkbox).not.toBeChecked();
    await expect(fake.status('appointment_id=101')).toBe('NotStarted');
    await expect(fake.toggleCount('appointment_id=101')).toBe(2);
  },
};

/** A sale (`sale_id=…`): unticking leaves it `Started`, as SuperOffice does. */
export const Sale: Story = {
  args: { activityIdentifier: 'sale_id=7', label: 'Nordic Foods: 40 licences' },
  parameters: { fakeWebApi: { activities: { 'sale_id=7': 'Started' } } },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const { fake } = storyWebApi({ loaded });
    const checkbox = canvas.getByRole('checkbox', { name: 'Nordic Foods: 40 licences' });
    await expect(checkbox).not.toBeChecked();
    await userEvent.click(checkbox);
    await settled(checkbox);
    await expect(checkbox).toBeChecked();
    await expect(fake.status('sale_id=7')).toBe('Completed');
    await userEvent.click(checkbox);
    await settled(checkbox);
    await expect(checkbox).not.toBeChecked();
    // A sale is never NotStarted, and a Started sale is not half-ticked: only appointments are.
    await expect(fake.status('sale_id=7')).toBe('Started');
    await expect(checkbox).toHaveAttribute('data-state', 'unchecked');
  },
};

/** A document (`document_id=…`), ticked and unticked again. */
export const Document: Story = {
  args: { activityIdentifier: 'document_id=9', label: 'Signed contract, Fjord Shipping' },
  parameters: { fakeWebApi: { activities: { 'document_id=9': 'NotStarted' } } },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const { fake } = storyWebApi({ loaded });
    const checkbox = canvas.getByRole('checkbox', { name: 'Signed contract, Fjord Shipping' });
    await userEvent.click(checkbox);
    await settled(checkbox);
    await expect(checkbox).toBeChecked();
    await expect(fake.status('document_id=9')).toBe('Completed');
    await expect(fake.requestsFor('document_id=9')).toHaveLength(1);
    await userEvent.click(checkbox);
    await settled(checkbox);
    await expect(checkbox).not.toBeChecked();
    await expect(fake.status('document_id=9')).toBe('NotStarted');
  },
};

/**
 * With the `ThreeStateStatusCheckbox` preference, SuperOffice moves an appointment from
 * `NotStarted` to `Started` first. With `converge={false}` the server's answer stands, and the
 * box shows half-ticked. The play function goes once round the cycle and ends on `Started`.
 */
export const ThreeStateAppointmentLandsOnStarted: Story = {
  args: { converge: false },
  parameters: {
    fakeWebApi: { activities: { 'appointment_id=42': 'NotStarted' }, threeStateAppointments: true },
  },
  play: async (context) => {
    const { canvas, text, fake } = playContext(context);
    const checkbox = canvas.getByRole<HTMLInputElement>('checkbox', { name: text.completed });
    await userEvent.click(checkbox);
    await settled(checkbox);
    await expect(fake.status('appointment_id=42')).toBe('Started');
    await expect(checkbox).toHaveAttribute('data-state', 'indeterminate');
    await expect(wrapperOf(checkbox)).toHaveAttribute('data-state', 'indeterminate');
    await expect(checkbox).toBePartiallyChecked();
    await expect(checkbox.indeterminate).toBe(true);

    await userEvent.click(checkbox);
    await settled(checkbox);
    await expect(fake.status('appointment_id=42')).toBe('Completed');
    await expect(checkbox).toBeChecked();
    await expect(checkbox.indeterminate).toBe(false);

    await userEvent.click(checkbox);
    await settled(checkbox);
    await expect(fake.status('appointment_id=42')).toBe('NotStarted');
    await userEvent.click(checkbox);
    await settled(checkbox);
    await expect(fake.status('appointment_id=42')).toBe('Started');
    await expect(checkbox).toBePartiallyChecked();
  },
};

/** Disabled: it shows the state and sends nothing. */
export const Disabled: Story = {
  args: { completed: true, disabled: true },
  parameters: { fakeWebApi: { activities: { 'appointment_id=42': 'Completed' } } },
  play: async (context) => {
    const { canvas, text, fake } = playContext(context);
    const checkbox = canvas.getByRole('checkbox', { name: text.completed });
    await expect(checkbox).toBeDisabled();
    await expect(checkbox).toHaveAttribute('data-disabled');
    await expect(wrapperOf(checkbox)).toHaveAttribute('data-disabled');
    await userEvent.click(canvas.getByText(text.completed));
    await expect(checkbox).toBeChecked();
    await expect(fake.requests).toHaveLength(0);
  },
};

/**
 * Your own label and texts, a `className` on the wrapper, and the optional stylesheet themed
 * through its custom properties (`--so-activity-accent`, `--so-activity-size`, …).
 */
export const CustomLabelClassNameAndStylesheet: Story = {
  args: {
    label: 'Done',
    labels: { saving: 'Ticking it off…' },
    className: 'brand-checkbox',
  },
  render: (args) => (
    <>
      <style>
        {'.brand-checkbox { --so-activity-accent: rebeccapurple; --so-activity-size: 24px; }'}
      </style>
      <ActivityCompleteCheckbox {...args} />
    </>
  ),
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const { fake } = storyWebApi({ loaded });
    const checkbox = canvas.getByRole('checkbox', { name: 'Done' });
    await expect(wrapperOf(checkbox)).toHaveClass('brand-checkbox');
    await expect(getComputedStyle(checkbox).width).toBe('24px');
    await expect(getComputedStyle(wrapperOf(checkbox)).display).toBe('inline-grid');

    const release = fake.hold();
    await userEvent.click(checkbox);
    await expect(statusOf(checkbox)).toHaveTextContent('Ticking it off…');
    release();
    await settled(checkbox);
    await expect(checkbox).toBeChecked();
    // After the box's short colour transition.
    await waitFor(() =>
      expect(getComputedStyle(checkbox).backgroundColor).toBe('rgb(102, 51, 153)'),
    );
    await userEvent.click(checkbox);
    await settled(checkbox);
    await expect(checkbox).not.toBeChecked();
  },
};

/** Without the optional stylesheet: a plain native checkbox that works just the same. */
export const Unstyled: Story = {
  globals: { stylesheet: 'off' },
  play: async (context) => {
    const { canvas, text, fake } = playContext(context);
    const checkbox = canvas.getByRole('checkbox', { name: text.completed });
    await expect(getComputedStyle(checkbox).accentColor).toBe('auto');
    await expect(getComputedStyle(wrapperOf(checkbox)).display).toBe('inline');
    await userEvent.click(checkbox);
    await settled(checkbox);
    await waitFor(() => expect(fake.status('appointment_id=42')).toBe('Completed'));
    await userEvent.click(checkbox);
    await settled(checkbox);
    await expect(fake.status('appointment_id=42')).toBe('NotStarted');
  },
};

const STATES = [
  { id: 'appointment_id=51', title: 'Not completed', status: 'NotStarted' },
  { id: 'appointment_id=52', title: 'Completed', status: 'Completed' },
  { id: 'appointment_id=53', title: 'Started (three-state appointment)', status: 'Started' },
  { id: 'appointment_id=54', title: 'Saving', status: 'NotStarted' },
  { id: 'appointment_id=55', title: 'Refused by SuperOffice', status: 'NotStarted' },
  { id: 'appointment_id=56', title: 'Disabled', status: 'Completed' },
] as const;

/**
 * The states side by side, as the README shows them: the play function leaves one row saving
 * (its request held) and one refused. Also the source of the screenshots in `docs/`.
 */
export const States: Story = {
  parameters: {
    fakeWebApi: {
      activities: Object.fromEntries(STATES.map((row) => [row.id, row.status])),
      faults: [
        {
          fault: {
            status: 409,
            body: {
              Error: true,
              ErrorType: 'SoException',
              ErrorMessage: 'The appointment is locked by Jonas Eklund',
            },
          },
          activityIdentifier: 'appointment_id=55',
        },
      ],
    },
    controls: { disable: true },
  },
  render: () => (
    <ul
      data-testid="states"
      style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 18, width: 460 }}
    >
      {STATES.map((row) => (
        <li key={row.id} style={{ minBlockSize: row.id === 'appointment_id=55' ? 52 : undefined }}>
          <ActivityCompleteCheckbox
            activityIdentifier={row.id}
            status={row.status}
            label={row.title}
            disabled={row.id === 'appointment_id=56'}
          />
        </li>
      ))}
    </ul>
  ),
  play: async (context) => {
    const { canvas, text, fake } = playContext(context);
    const refused = canvas.getByRole('checkbox', { name: 'Refused by SuperOffice' });
    await userEvent.click(refused);
    await settled(refused);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      `${text.failed}: The appointment is locked by Jonas Eklund`,
    );

    // Held until the story is left: the cleanup releases it.
    fake.hold();
    const saving = canvas.getByRole('checkbox', { name: 'Saving' });
    await userEvent.click(saving);
    await expect(saving).toHaveAttribute('data-pending');
    await expect(saving).toBeChecked();
    // Park the pointer away from the rows, so no hover shows in the screenshots.
    await userEvent.unhover(saving);
  },
};
