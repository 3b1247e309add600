import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ActivityCompleteCheckbox } from '../src/index.js';
import { settled } from './support/assertions.js';
import { demoActivities, seedsFor } from './support/demoActivities.js';
import { RequestCounter } from './support/RequestCounter.js';
import { storyWebApi } from './support/storyWebApi.js';

const ROWS = demoActivities(50);

function ActivityTable() {
  return (
    <div style={{ maxWidth: 760 }}>
      <RequestCounter />
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <caption style={{ textAlign: 'start', fontWeight: 600, paddingBlock: 8 }}>
          Open and recent activities ({ROWS.length})
        </caption>
        <thead>
          <tr style={{ textAlign: 'start', borderBlockEnd: '2px solid #ccc' }}>
            <th scope="col" style={{ textAlign: 'start', padding: 6 }}>
              Activity (tick when completed)
            </th>
            <th scope="col" style={{ textAlign: 'start', padding: 6 }}>
              Type
            </th>
            <th scope="col" style={{ textAlign: 'start', padding: 6 }}>
              Identifier
            </th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.activityIdentifier} style={{ borderBlockEnd: '1px solid #eee' }}>
              <td style={{ padding: 6 }}>
                <ActivityCompleteCheckbox
                  activityIdentifier={row.activityIdentifier}
                  status={row.status}
                  label={row.title}
                />
              </td>
              <td style={{ padding: 6 }}>{row.kind}</td>
              <td style={{ padding: 6 }}>
                <code>{row.activityIdentifier}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const meta = {
  title: 'Dashboard',
  component: ActivityTable,
  parameters: {
    fakeWebApi: { activities: seedsFor(ROWS) },
    docs: {
      description: {
        component:
          'A dashboard-like table of 50 activities, one `ActivityCompleteCheckbox` per row, labelled by the activity’s title. One `SuperOfficeProvider` and one QueryClient serve them all.',
      },
    },
  },
} satisfies Meta<typeof ActivityTable>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * A partner's dashboard with 50 activities of all kinds: each row's checkbox is independent,
 * and ticking several at once sends one request each, concurrently.
 */
export const FiftyRows: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const { fake } = storyWebApi({ loaded });
    const checkboxes = canvas.getAllByRole('checkbox');
    await expect(checkboxes).toHaveLength(50);
    const completed = ROWS.filter((row) => row.status === 'Completed');
    await expect(checkboxes.filter((box) => (box as HTMLInputElement).checked)).toHaveLength(
      completed.length,
    );

    const release = fake.hold();
    const sale = canvas.getByRole('checkbox', { name: /\(#2\)$/ }); // sale_id=1002, completed
    const document = canvas.getByRole('checkbox', { name: /\(#3\)$/ }); // document_id=1003
    const appointment = canvas.getByRole('checkbox', { name: /\(#13\)$/ }); // appointment_id=1013
    await userEvent.click(document);
    await userEvent.click(sale);
    await userEvent.click(appointment);
    await waitFor(() => expect(fake.requests).toHaveLength(3)); // all three in flight at once
    release();
    await settled(document);
    await settled(sale);
    await settled(appointment);

    await expect(document).toBeChecked();
    await expect(sale).not.toBeChecked();
    await expect(appointment).toBeChecked();
    await expect(fake.status('document_id=1003')).toBe('Completed');
    await expect(fake.status('sale_id=1002')).toBe('Started');
    await expect(fake.status('appointment_id=1013')).toBe('Completed');
    await expect(canvas.getByTestId('request-counter')).toHaveTextContent(
      'Requests answered by SuperOffice: 3',
    );
  },
};
