import { describe, expect, it, vi } from 'vitest';
import { activityKindOf } from '../../src/client/activityIdentifier.js';
import {
  isActivityStatus,
  notCompletedStatus,
  statusFor,
} from '../../src/client/activityStatus.js';
import { resolveClientConfig } from '../../src/client/clientConfig.js';
import { createClientOverConfig } from '../../src/client/createSuperOfficeClient.js';
import {
  ActivityChangedElsewhereError,
  type ActivityKind,
  activityIdentifier,
  createSuperOfficeClient,
  InvalidActivityIdentifierError,
  parseActivityIdentifier,
  type SuperOfficeAuth,
  SuperOfficeConfigError,
  SuperOfficeError,
} from '../../src/index.js';
import { FAKE_CREDENTIALS } from '../../src/testing/index.js';
import { BEARER, startFake } from '../support/fakeServer.js';

const A1 = 'appointment_id=1';
const MAX_ID = 2_147_483_647;

describe('activity identifiers', () => {
  it('builds one for each kind and any id from 1 to 2^31 - 1', () => {
    expect(activityIdentifier('appointment', 1)).toBe('appointment_id=1');
    expect(activityIdentifier('sale', MAX_ID)).toBe(`sale_id=${MAX_ID}`);
    expect(activityIdentifier('document', 42)).toBe('document_id=42');
  });

  it.each([
    ['kind', 'contact', 1, 'Invalid activity identifier "contact": it is not an activity kind.'],
    [
      'zero id',
      'sale',
      0,
      'Invalid activity identifier (number): the id is not an integer from 1 to 2147483647.',
    ],
    ['negative id', 'sale', -1, 'the id is not an integer'],
    ['fractional id', 'sale', 1.5, 'the id is not an integer'],
    ['id past 2^31 - 1', 'sale', MAX_ID + 1, 'the id is not an integer'],
  ])('refuses to build one with a bad %s', (_, kind, id, message) => {
    expect(() => activityIdentifier(kind as ActivityKind, id)).toThrow(
      expect.objectContaining({
        name: 'InvalidActivityIdentifierError',
        message: expect.stringContaining(message),
      }),
    );
  });

  it('parses the largest id and refuses the next one, and anything before or after the form', () => {
    expect(parseActivityIdentifier(`document_id=${MAX_ID}`)).toEqual({
      kind: 'document',
      id: MAX_ID,
    });
    expect(() => parseActivityIdentifier(`document_id=${MAX_ID + 1}`)).toThrow(
      /the id is larger than 2147483647/,
    );
    for (const text of ['xappointment_id=1', 'appointment_id=1x', ' sale_id=1']) {
      expect(() => parseActivityIdentifier(text)).toThrow(/does not have the form <kind>_id=<id>/);
    }
    expect(() => parseActivityIdentifier(7)).toThrow(
      'Invalid activity identifier (number): it is not a string.',
    );
    expect(() => parseActivityIdentifier(null)).toThrow('Invalid activity identifier (null)');
  });

  it('echoes at most 40 characters of a bad identifier', () => {
    const error = new InvalidActivityIdentifierError('a'.repeat(41), 'why');
    expect(error.message).toContain(`"${'a'.repeat(40)}…"`);
    expect(new InvalidActivityIdentifierError('b'.repeat(40), 'why').message).toContain(
      `"${'b'.repeat(40)}"`,
    );
    expect(error).toMatchObject({ name: 'InvalidActivityIdentifierError', outcomeUnknown: false });
  });

  it('names the kind, or nothing for what is not an identifier', () => {
    expect(activityKindOf('sale_id=7')).toBe('sale');
    expect(activityKindOf('document_id=7')).toBe('document');
    expect(activityKindOf('sale_id=x')).toBeUndefined();
    expect(activityKindOf(7)).toBeUndefined();
  });
});

describe('statuses', () => {
  it('rests an unticked sale at Started, appointments and documents at NotStarted', () => {
    expect(notCompletedStatus('sale')).toBe('Started');
    expect(notCompletedStatus('appointment')).toBe('NotStarted');
    expect(notCompletedStatus(undefined)).toBe('NotStarted');
    expect(statusFor(false, 'sale')).toBe('Started');
    expect(statusFor(true, 'sale')).toBe('Completed');
  });

  it('knows the four statuses and nothing else', () => {
    expect(['Unknown', 'NotStarted', 'Started', 'Completed'].every(isActivityStatus)).toBe(true);
    for (const value of ['completed', '', 1, null, undefined, ['Completed']]) {
      expect(isActivityStatus(value)).toBe(false);
    }
  });
});

describe('credentials that cannot be sent', () => {
  it.each([
    ['Bearer token', { scheme: 'Bearer', token: () => '  ' }],
    ['SoTicket ticket', { scheme: 'SoTicket', ticket: '' }],
    ['XSRF token', { scheme: 'XSRF', token: async () => '' }],
    ['Bearer token', { scheme: 'Bearer', token: () => 42 as unknown as string }],
  ] satisfies [string, SuperOfficeAuth][])(
    'refuse an empty %s before anything is sent',
    async (what, auth) => {
      const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
      const error = await createSuperOfficeClient({ baseUrl, auth })
        .toggleActivity(A1)
        .catch((failure: unknown) => failure);
      expect(error).toBeInstanceOf(SuperOfficeConfigError);
      expect((error as Error).message).toBe(`The ${what} is empty: the request was not sent.`);
      expect(fake.requests).toHaveLength(0);
    },
  );

  it('refuse a scheme the library does not know, naming it', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const auth = { scheme: 'Digest' } as unknown as SuperOfficeAuth;
    const error = await createSuperOfficeClient({ baseUrl, auth })
      .getActivityStatus(A1)
      .catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(SuperOfficeConfigError);
    expect((error as Error).message).toMatch(/^Unknown auth scheme "Digest"/);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('renewed auth', () => {
  it('is not asked for an answer other than 401', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    fake.inject({ status: 403, body: { Error: true, ErrorMessage: 'No rights' } });
    const onUnauthorized = vi.fn(() => BEARER);
    const client = createSuperOfficeClient({ baseUrl, auth: BEARER, onUnauthorized });
    await expect(client.toggleActivity(A1)).rejects.toMatchObject({ status: 403 });
    expect(onUnauthorized).not.toHaveBeenCalled();
    expect(fake.requests).toHaveLength(1);
  });

  it('ends when the auth prop changes, and is never used in place of a token function', async () => {
    const { fake, baseUrl } = await startFake({
      activities: { [A1]: 'NotStarted' },
      credentials: { ...FAKE_CREDENTIALS, bearerTokens: ['renewed', 'new-prop', 'from-function'] },
    });
    let auth: SuperOfficeAuth = { scheme: 'Bearer', token: 'expired' };
    const client = createClientOverConfig(() =>
      resolveClientConfig({
        baseUrl,
        auth,
        onUnauthorized: () => ({ scheme: 'Bearer', token: 'renewed' }),
      }),
    );
    await client.toggleActivity(A1); // 401, then renewed
    await client.toggleActivity(A1); // renewed: the same auth prop, spelled anew
    auth = { scheme: 'Bearer', token: 'new-prop' };
    await client.toggleActivity(A1);
    let fromFunction = 'expired';
    auth = { scheme: 'Bearer', token: () => fromFunction };
    await client.toggleActivity(A1); // 401, then renewed
    fromFunction = 'from-function';
    await client.toggleActivity(A1);

    expect(fake.requests.map((request) => request.headers.authorization)).toEqual([
      'Bearer expired',
      'Bearer renewed',
      'Bearer renewed',
      'Bearer new-prop',
      'Bearer expired',
      'Bearer renewed',
      'Bearer from-function',
    ]);
  });
});

describe('setActivityCompleted', () => {
  it('refuses a bad identifier before anything is sent', async () => {
    const { fake, baseUrl } = await startFake();
    const client = createSuperOfficeClient({ baseUrl, auth: BEARER });
    await expect(client.setActivityCompleted('contact_id=1', true)).rejects.toBeInstanceOf(
      InvalidActivityIdentifierError,
    );
    expect(fake.requests).toHaveLength(0);
  });

  it.each(['read', 'toggle'] as const)('passes its signal on to the %s', async (on) => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    fake.inject({ delayMs: 60_000 }, { on });
    const controller = new AbortController();
    const client = createSuperOfficeClient({ baseUrl, auth: BEARER, timeout: 60_000 });
    const set = client.setActivityCompleted(A1, true, { signal: controller.signal });
    await vi.waitFor(() => expect(fake.requests).toHaveLength(on === 'toggle' ? 2 : 1));
    controller.abort();
    await expect(set).rejects.toMatchObject({ name: 'SuperOfficeNetworkError', reason: 'aborted' });
  });
});

describe('errors', () => {
  it('each name their class, and carry a cause only when there is one', () => {
    const errors = [
      new SuperOfficeError('a'),
      new SuperOfficeConfigError('b'),
      new ActivityChangedElsewhereError(A1, 'Started'),
      new InvalidActivityIdentifierError(1, 'c'),
    ];
    expect(errors.map((error) => error.name)).toEqual([
      'SuperOfficeError',
      'SuperOfficeConfigError',
      'ActivityChangedElsewhereError',
      'InvalidActivityIdentifierError',
    ]);
    expect(String(errors[2])).toBe(
      'ActivityChangedElsewhereError: appointment_id=1 was changed elsewhere while it was being saved; SuperOffice now says Started.',
    );
    expect('cause' in (errors[0] as Error)).toBe(false);
    const cause = new Error('below');
    expect(new SuperOfficeError('d', { cause }).cause).toBe(cause);
    expect(errors[0]?.outcomeUnknown).toBe(false);
  });

  it('take nothing but a string as an identifier of a kind', () => {
    expect(activityKindOf({ toString: () => 'sale_id=1' })).toBeUndefined();
  });
});
