import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  ActivityCompleteCheckbox,
  SuperOfficeApiError,
  type SuperOfficeAuth,
  type SuperOfficeError,
  SuperOfficeNetworkError,
} from '../../src/index.js';
import type { ActivityStatus, FakeFault } from '../../src/testing/index.js';
import { BEARER, startFake } from '../support/fakeServer.js';
import { renderWithProviders } from '../support/renderWithProviders.js';

const A1 = 'appointment_id=1';
const UNCONFIRMED = 'The change could not be confirmed. Reload to see the current state.';
const failed = (message: string) => `Could not save the change: ${message}`;
const EXPIRED: SuperOfficeAuth = { scheme: 'Bearer', token: 'expired-token' };
const FAKE_401_MESSAGE = 'Authentication failed: missing, invalid or expired credentials';

function webApiError(status: number, errorType: string, message: string): FakeFault {
  return {
    status,
    body: {
      Error: true,
      ErrorType: errorType,
      ErrorMessage: message,
      ErrorSource: 'SuperOffice.WebApi',
    },
  };
}

const html = (status: number, title: string): FakeFault => ({
  status,
  body: `<html><head><title>${status} ${title}</title></head><body><h1>${title}</h1></body></html>`,
});

interface ExpectedError {
  type: typeof SuperOfficeApiError | typeof SuperOfficeNetworkError;
  fields: Partial<Record<'status' | 'errorType' | 'reason' | 'message', unknown>> & {
    outcomeUnknown: boolean;
  };
}

interface Row {
  name: string;
  fault?: FakeFault;
  auth?: SuperOfficeAuth;
  onUnauthorized?: 'renews' | 'gives up';
  timeout?: number;
  /** `undefined`: the toggle succeeds. */
  error: ExpectedError | undefined;
  alert: string | undefined;
  requests: number;
  serverAfter: ActivityStatus;
}

const apiError = (
  status: number,
  errorType: string | undefined,
  message: string | RegExp,
  outcomeUnknown = false,
): ExpectedError => ({
  type: SuperOfficeApiError,
  fields: {
    status,
    errorType,
    message: typeof message === 'string' ? message : expect.stringMatching(message),
    outcomeUnknown,
  },
});
const networkError = (reason: 'network' | 'timeout'): ExpectedError => ({
  type: SuperOfficeNetworkError,
  fields: { reason, outcomeUnknown: true },
});
const noWebApiBody = (status: number, text: string) =>
  `SuperOffice answered ${status} ${text} without a WebAPI error body (a proxy or gateway may have answered).`;
const unexpected200 = /^The server answered 200 with .* instead of an activity status/;

const rows: Row[] = [
  {
    name: '400 with a WebAPI error body',
    fault: webApiError(400, 'ArgumentException', 'ActivityIdentifier is malformed'),
    error: apiError(400, 'ArgumentException', 'ActivityIdentifier is malformed'),
    alert: failed('ActivityIdentifier is malformed'),
    requests: 1,
    serverAfter: 'NotStarted',
  },
  {
    name: '401 without onUnauthorized',
    auth: EXPIRED,
    error: apiError(401, 'UnauthorizedAccessException', FAKE_401_MESSAGE),
    alert: failed(FAKE_401_MESSAGE),
    requests: 1,
    serverAfter: 'NotStarted',
  },
  {
    name: '401 when onUnauthorized gives up',
    auth: EXPIRED,
    onUnauthorized: 'gives up',
    error: apiError(401, 'UnauthorizedAccessException', FAKE_401_MESSAGE),
    alert: failed(FAKE_401_MESSAGE),
    requests: 1,
    serverAfter: 'NotStarted',
  },
  {
    name: '401 when onUnauthorized returns working credentials',
    auth: EXPIRED,
    onUnauthorized: 'renews',
    error: undefined,
    alert: undefined,
    requests: 2,
    serverAfter: 'Completed',
  },
  {
    name: '403',
    fault: webApiError(403, 'SoAccessDeniedException', 'You may not update this appointment'),
    error: apiError(403, 'SoAccessDeniedException', 'You may not update this appointment'),
    alert: failed('You may not update this appointment'),
    requests: 1,
    serverAfter: 'NotStarted',
  },
  {
    name: '404',
    fault: webApiError(404, 'SoNotFoundException', 'Appointment id 1 not found'),
    error: apiError(404, 'SoNotFoundException', 'Appointment id 1 not found'),
    alert: failed('Appointment id 1 not found'),
    requests: 1,
    serverAfter: 'NotStarted',
  },
  {
    name: '409',
    fault: webApiError(409, 'ConcurrencyException', 'Someone else changed the appointment'),
    error: apiError(409, 'ConcurrencyException', 'Someone else changed the appointment'),
    alert: failed('Someone else changed the appointment'),
    requests: 1,
    serverAfter: 'NotStarted',
  },
  {
    name: '412',
    fault: webApiError(412, 'PreconditionFailedException', 'The appointment was modified'),
    error: apiError(412, 'PreconditionFailedException', 'The appointment was modified'),
    alert: failed('The appointment was modified'),
    requests: 1,
    serverAfter: 'NotStarted',
  },
  {
    name: '429',
    fault: webApiError(429, 'TooManyRequestsException', 'Too many requests; wait a minute'),
    error: apiError(429, 'TooManyRequestsException', 'Too many requests; wait a minute'),
    alert: failed('Too many requests; wait a minute'),
    requests: 1,
    serverAfter: 'NotStarted',
  },
  {
    name: '500',
    fault: webApiError(500, 'SoException', 'Database is read-only'),
    error: apiError(500, 'SoException', 'Database is read-only'),
    alert: failed('Database is read-only'),
    requests: 1,
    serverAfter: 'NotStarted',
  },
  {
    name: '502 with an HTML body from a gateway',
    fault: html(502, 'Bad Gateway'),
    error: apiError(502, undefined, noWebApiBody(502, 'Bad Gateway'), true),
    alert: UNCONFIRMED,
    requests: 1,
    serverAfter: 'NotStarted',
  },
  {
    name: '503 with a WebAPI error body',
    fault: webApiError(503, 'SoServiceUnavailable', 'The site is in maintenance mode'),
    error: apiError(503, 'SoServiceUnavailable', 'The site is in maintenance mode'),
    alert: failed('The site is in maintenance mode'),
    requests: 1,
    serverAfter: 'NotStarted',
  },
  {
    name: '503 with an HTML body from a proxy',
    fault: html(503, 'Service Unavailable'),
    error: apiError(503, undefined, noWebApiBody(503, 'Service Unavailable')),
    alert: failed(noWebApiBody(503, 'Service Unavailable')),
    requests: 1,
    serverAfter: 'NotStarted',
  },
  {
    name: '504 with an HTML body from a gateway',
    fault: html(504, 'Gateway Timeout'),
    error: apiError(504, undefined, noWebApiBody(504, 'Gateway Timeout'), true),
    alert: UNCONFIRMED,
    requests: 1,
    serverAfter: 'NotStarted',
  },
  {
    name: 'a connection dropped before the toggle is applied',
    fault: { drop: 'before-apply' },
    error: networkError('network'),
    alert: UNCONFIRMED,
    requests: 1,
    serverAfter: 'NotStarted',
  },
  {
    name: 'a connection dropped after the toggle is applied',
    fault: { drop: 'after-apply' },
    error: networkError('network'),
    alert: UNCONFIRMED,
    requests: 1,
    serverAfter: 'Completed',
  },
  {
    name: 'a timeout',
    timeout: 100,
    fault: { delayMs: 10_000 },
    error: networkError('timeout'),
    alert: UNCONFIRMED,
    requests: 1,
    serverAfter: 'NotStarted',
  },
  {
    name: 'a 200 with malformed JSON',
    fault: { status: 200, body: '"Compl', contentType: 'application/json; charset=utf-8' },
    error: apiError(200, 'UnexpectedResponse', unexpected200, true),
    alert: UNCONFIRMED,
    requests: 1,
    serverAfter: 'NotStarted',
  },
  {
    name: 'a 200 with an empty body',
    fault: { status: 200, body: '', contentType: 'application/json; charset=utf-8' },
    error: apiError(200, 'UnexpectedResponse', unexpected200, true),
    alert: UNCONFIRMED,
    requests: 1,
    serverAfter: 'NotStarted',
  },
  {
    name: 'a 200 with an unknown status string',
    fault: { status: 200, body: '"Maybe"', contentType: 'application/json; charset=utf-8' },
    error: apiError(200, 'UnexpectedResponse', unexpected200, true),
    alert: UNCONFIRMED,
    requests: 1,
    serverAfter: 'NotStarted',
  },
];

describe('fault matrix: one click on the real loopback server', () => {
  it.each(rows.map((row) => [row.name, row] as const))('%s', async (_, row) => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    if (row.fault) fake.inject(row.fault);
    const onError = vi.fn<(error: SuperOfficeError) => void>();
    const onUnauthorized = vi.fn(() => (row.onUnauthorized === 'renews' ? BEARER : undefined));
    const { user } = renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} onError={onError} />,
      baseUrl,
      {
        auth: row.auth ?? BEARER,
        ...(row.onUnauthorized ? { onUnauthorized } : {}),
        ...(row.timeout ? { timeout: row.timeout } : {}),
      },
    );
    const checkbox = screen.getByRole<HTMLInputElement>('checkbox');

    await user.click(checkbox);
    await waitFor(() => {
      expect(fake.requests).toHaveLength(row.requests);
      expect(fake.requests.every((request) => request.response !== 'pending')).toBe(true);
      expect(checkbox.getAttribute('aria-busy')).toBeNull();
    });

    expect(fake.requests).toHaveLength(row.requests); // never retried
    expect(fake.status(A1)).toBe(row.serverAfter);
    if (row.onUnauthorized) expect(onUnauthorized).toHaveBeenCalledTimes(1);
    if (row.error === undefined) {
      expect(checkbox.checked).toBe(true);
      expect(onError).not.toHaveBeenCalled();
      expect(screen.queryByRole('alert')).toBeNull();
      return;
    }
    expect(onError).toHaveBeenCalledTimes(1);
    const error = onError.mock.calls[0]?.[0];
    expect(error).toBeInstanceOf(row.error.type);
    expect(error).toMatchObject(row.error.fields);
    // Rolled back to the last confirmed state, whatever the server may have done.
    expect(checkbox.checked).toBe(false);
    expect(checkbox.getAttribute('data-state')).toBe('unchecked');
    expect(screen.getByRole('alert').textContent).toBe(row.alert);
  });
});
