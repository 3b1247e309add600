import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  ActivityCompleteCheckbox,
  SuperOfficeApiError,
  type SuperOfficeAuth,
  type SuperOfficeError,
} from '../../src/index.js';
import type { ActivityStatus, FakeFault } from '../../src/testing/index.js';
import { BEARER, startFake } from '../support/fakeServer.js';
import { renderWithProviders } from '../support/renderWithProviders.js';

const A1 = 'appointment_id=1';
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
  type: typeof SuperOfficeApiError;
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
  /** `undefined`: the click ends at its intent. */
  error: ExpectedError | undefined;
  alert: string | undefined;
  /** Toggle requests the server received (a 401 and its resend count as two). */
  requests: number;
  /** At most this many reads: an unknown outcome is read back, never guessed. */
  reads?: number;
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
  // Unknown outcomes: read back at once; when the toggle did not land, read again once it no
  // longer can (the timeout), then toggle again. The user ends where they clicked, no error.
  ...(
    [
      ['502 with an HTML body from a gateway', html(502, 'Bad Gateway'), 2, 2],
      [
        '503 with a WebAPI error body',
        webApiError(503, 'SoServiceUnavailable', 'The site is in maintenance mode'),
        2,
        2,
      ],
      ['503 with an HTML body from a proxy', html(503, 'Service Unavailable'), 2, 2],
      ['504 with an HTML body from a gateway', html(504, 'Gateway Timeout'), 2, 2],
      ['a connection dropped before the toggle is applied', { drop: 'before-apply' }, 2, 2],
      ['a connection dropped after the toggle is applied', { drop: 'after-apply' }, 1, 1],
      ['a timeout', { delayMs: 10_000 }, 2, 2],
      [
        'a 200 with malformed JSON',
        { status: 200, body: '"Compl', contentType: 'application/json; charset=utf-8' },
        2,
        2,
      ],
      [
        'a 200 with an empty body',
        { status: 200, body: '', contentType: 'application/json; charset=utf-8' },
        2,
        2,
      ],
      [
        'a 200 with an unknown status string',
        { status: 200, body: '"Maybe"', contentType: 'application/json; charset=utf-8' },
        2,
        2,
      ],
    ] as const
  ).map(
    ([name, fault, requests, reads]): Row => ({
      name,
      fault,
      timeout: 200,
      error: undefined,
      alert: undefined,
      requests,
      reads,
      serverAfter: 'Completed',
    }),
  ),
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
    await waitFor(
      () => {
        expect(fake.toggleRequestsFor(A1)).toHaveLength(row.requests);
        expect(fake.requests.every((request) => request.response !== 'pending')).toBe(true);
        expect(checkbox.getAttribute('aria-busy')).toBeNull();
      },
      { timeout: 3000 },
    );

    expect(fake.toggleRequestsFor(A1)).toHaveLength(row.requests); // a definite answer is never retried
    // A second read only when the first came back before the unknown toggle could no longer land.
    expect(fake.readCount(A1)).toBeGreaterThanOrEqual(row.reads === undefined ? 0 : 1);
    expect(fake.readCount(A1)).toBeLessThanOrEqual(row.reads ?? 0);
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
