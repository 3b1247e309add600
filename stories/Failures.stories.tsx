import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import {
  ActivityCompleteCheckbox,
  type SuperOfficeApiError,
  type SuperOfficeAuth,
  SuperOfficeProvider,
} from '../src/index.js';
import type { FakeFault, RecordedRequest } from '../src/testing/index.js';
import { settled, wrapperOf } from './support/assertions.js';
import { checkboxArgTypes } from './support/checkboxArgTypes.js';
import { playContext } from './support/playContext.js';
import { ServerStatus } from './support/ServerStatus.js';
import { useStoryWebApi } from './support/StoryWebApiContext.js';
import type { FakeWebApiParameters } from './support/storyWebApi.js';
import { WithRequestTimeout } from './support/WithRequestTimeout.js';

const ID = 'appointment_id=42';

/** The fake's seed, with `fault` waiting for the first click (then it answers normally). */
function failingOnce(fault: FakeFault): FakeWebApiParameters {
  return { activities: { [ID]: 'NotStarted' }, faults: [{ fault }] };
}

const meta = {
  title: 'Failures',
  component: ActivityCompleteCheckbox,
  argTypes: checkboxArgTypes,
  args: { activityIdentifier: ID, completed: false, onError: fn() },
  parameters: {
    fakeWebApi: { activities: { [ID]: 'NotStarted' } },
    docs: {
      description: {
        component:
          'What the user sees when a toggle fails: the tick rolls back to the last confirmed state, and the reason is shown and announced (`role=alert`). Each story queues its fault for the first click, here and on this page; the play functions then check what a user would see.',
      },
    },
  },
  render: (args) => (
    <div style={{ display: 'grid', gap: 8, maxWidth: 520 }}>
      <ActivityCompleteCheckbox {...args} />
      <small>
        <ServerStatus activityIdentifier={ID} />
      </small>
    </div>
  ),
} satisfies Meta<typeof ActivityCompleteCheckbox>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * SuperOffice answers 500 with its `ErrorMessage`: the tick rolls back, the message is shown
 * (and announced) next to the checkbox, and nothing is retried behind the user's back.
 */
export const ServerErrorRollsBack: Story = {
  parameters: {
    fakeWebApi: failingOnce({
      status: 500,
      body: {
        Error: true,
        ErrorType: 'SoException',
        ErrorMessage: 'The appointment is locked by another user',
        ErrorSource: 'SuperOffice.Services.Implementation',
      },
    }),
  },
  play: async (context) => {
    const { args } = context;
    const { canvas, text, fake } = playContext(context);
    const checkbox = canvas.getByRole('checkbox', { name: text.completed });
    await userEvent.click(checkbox);
    await settled(checkbox);

    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent(
      `${text.failed}: The appointment is locked by another user`,
    );
    await expect(checkbox).not.toBeChecked();
    await expect(checkbox).toHaveAttribute('data-error');
    await expect(wrapperOf(checkbox)).toHaveAttribute('data-error');
    await expect(checkbox).toHaveAccessibleDescription(alert.textContent ?? '');
    await expect(args.onError).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'SuperOfficeApiError', status: 500 }),
    );
    await expect(fake.requests).toHaveLength(1);
    await expect(fake.status(ID)).toBe('NotStarted');
  },
};

const NGINX_502 =
  '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';

/**
 * A proxy in front of SuperOffice answers with its own 502 HTML page. The toggle may or may not
 * have reached SuperOffice, so the checkbox reads the activity back and finishes the click: the
 * proxy's page is never shown, and the activity is toggled once. (The provider's `timeout` is
 * 1 s here, so the wait for the lost toggle is short; the
 * [Convergence](?path=/docs/convergence--docs) page shows read-backs step by step.)
 */
export const ProxyBadGatewayPage: Story = {
  parameters: {
    fakeWebApi: failingOnce({ status: 502, body: NGINX_502, contentType: 'text/html' }),
  },
  render: (args, { globals }) => (
    <WithRequestTimeout ms={1000} language={globals.language}>
      {meta.render(args)}
    </WithRequestTimeout>
  ),
  play: async (context) => {
    const { canvas, text, fake } = playContext(context);
    const checkbox = canvas.getByRole('checkbox', { name: text.completed });
    await userEvent.click(checkbox);
    await waitFor(() => expect(checkbox).not.toHaveAttribute('data-pending'), { timeout: 10_000 });
    await settled(checkbox);

    await expect(canvas.queryByText(/nginx/)).toBeNull();
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(checkbox).toBeChecked();
    await expect(fake.status(ID)).toBe('Completed');
    await expect(fake.toggleCount(ID)).toBe(1);
  },
};

/**
 * No answer at all: the toggle is dropped and so is every read. The checkbox shows the last
 * confirmed state and says the change could not be confirmed.
 */
export const NoAnswerOutcomeUnknown: Story = {
  parameters: {
    fakeWebApi: {
      activities: { [ID]: 'NotStarted' },
      faults: [
        { fault: { drop: 'before-apply' } },
        { fault: { status: 503 }, on: 'read', times: Number.POSITIVE_INFINITY },
      ],
    },
  },
  play: async (context) => {
    const { args } = context;
    const { canvas, text } = playContext(context);
    const checkbox = canvas.getByRole('checkbox', { name: text.completed });
    await userEvent.click(checkbox);

    const alert = await canvas.findByRole('alert', {}, { timeout: 15_000 });
    await expect(alert).toHaveTextContent(text.unconfirmed);
    await expect(checkbox).toHaveAccessibleDescription(text.unconfirmed);
    await expect(checkbox).not.toBeChecked();
    await expect(args.onError).toHaveBeenCalledWith(
      expect.objectContaining({ outcomeUnknown: true }),
    );
  },
};

const EXPIRED: SuperOfficeAuth = { scheme: 'Bearer', token: 'expired-bearer-token' };
const RENEWED: SuperOfficeAuth = { scheme: 'Bearer', token: 'fake-bearer-token' };

function SignInAgainOn401({ language }: { language: string | undefined }) {
  const { baseUrl } = useStoryWebApi();
  const [renewals, setRenewals] = useState(0);
  const [lastError, setLastError] = useState<string>();
  const onUnauthorized = async (error: SuperOfficeApiError) => {
    setRenewals((count) => count + 1);
    setLastError(`${error.status} ${error.errorType ?? ''}`.trim());
    return RENEWED; // e.g. after a silent token refresh
  };
  return (
    <SuperOfficeProvider
      baseUrl={baseUrl}
      auth={EXPIRED}
      language={language}
      onUnauthorized={onUnauthorized}
    >
      <div style={{ display: 'grid', gap: 8 }}>
        <ActivityCompleteCheckbox activityIdentifier={ID} completed={false} />
        <p data-testid="renewals">
          Signed in again: {renewals} {renewals === 1 ? 'time' : 'times'}
          {lastError ? ` (after ${lastError})` : ''}
        </p>
      </div>
    </SuperOfficeProvider>
  );
}

/**
 * The access token has expired: SuperOffice answers 401, `onUnauthorized` hands back fresh auth,
 * and the toggle is sent once more (a 401 toggled nothing, so that is safe). Later toggles use
 * the fresh auth straight away.
 */
export const UnauthorizedThenReauthenticated: Story = {
  render: (_args, { globals }) => <SignInAgainOn401 language={globals.language} />,
  play: async (context) => {
    const { canvas, text, fake } = playContext(context);
    const checkbox = canvas.getByRole('checkbox', { name: text.completed });
    await userEvent.click(checkbox);
    await settled(checkbox);

    await expect(checkbox).toBeChecked();
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(canvas.getByTestId('renewals')).toHaveTextContent(
      'Signed in again: 1 time (after 401 UnauthorizedAccessException)',
    );
    await expect(fake.requests.map((request) => request.headers.authorization)).toEqual([
      'Bearer expired-bearer-token',
      'Bearer fake-bearer-token',
    ]);
    await expect(fake.requests.map(answerOf)).toEqual([401, 200]);
    await expect(fake.status(ID)).toBe('Completed');

    await userEvent.click(checkbox);
    await settled(checkbox);
    await expect(checkbox).not.toBeChecked();
    await expect(fake.requests).toHaveLength(3);
    await expect(fake.requests[2]?.headers.authorization).toBe('Bearer fake-bearer-token');
    await expect(canvas.getByTestId('renewals')).toHaveTextContent('Signed in again: 1 time');
  },
};

/** The HTTP status the fake answered with, or `'dropped'` / `'pending'`. */
function answerOf(request: RecordedRequest): number | 'dropped' | 'pending' {
  return typeof request.response === 'string' ? request.response : request.response.status;
}
