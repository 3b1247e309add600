import { describe, expect, it } from 'vitest';
import {
  createSuperOfficeClient,
  type SuperOfficeAuth,
  type SuperOfficeClientConfig,
  SuperOfficeConfigError,
  SuperOfficeError,
  siteOf,
} from '../../src/index.js';
import { BEARER } from '../support/fakeServer.js';
import { type ScriptedAnswer, scriptedServer } from '../support/scriptedServer.js';

const A1 = 'appointment_id=1';

/** What one toggle (or read) against a server scripted to answer `answer` ends in. */
async function outcomeOf(
  answer: ScriptedAnswer,
  config: Partial<SuperOfficeClientConfig> = {},
  request: 'toggle' | 'read' = 'toggle',
) {
  const { baseUrl, received } = await scriptedServer(() => answer);
  const client = createSuperOfficeClient({ baseUrl, auth: BEARER, ...config });
  const sent = request === 'toggle' ? client.toggleActivity(A1) : client.getActivityStatus(A1);
  const result = await sent.then(
    (status) => ({ status, error: undefined }),
    (error: unknown) => ({
      status: undefined,
      error: error as SuperOfficeError & Record<string, unknown>,
    }),
  );
  return { ...result, received };
}

const json = (body: unknown) => ({
  headers: { 'Content-Type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body),
});

describe('which answers leave the outcome unknown', () => {
  it.each([
    [500, false],
    [501, false],
    [502, true],
    [503, true],
    [504, true],
    [505, false],
    [429, false],
  ])('a %i without a WebAPI body: outcomeUnknown %s', async (status, unknown) => {
    const { error } = await outcomeOf({ status, body: 'nope' });
    expect(error).toMatchObject({ name: 'SuperOfficeApiError', status, outcomeUnknown: unknown });
  });

  it.each([
    [300, 'Redirect'],
    [301, 'Redirect'],
    [399, 'Redirect'],
    [400, undefined],
  ])('a %i is a redirect (never followed) only from 300 to 399', async (status, errorType) => {
    const { error, received } = await outcomeOf({
      status,
      headers: { Location: 'http://127.0.0.2/elsewhere' },
    });
    expect(error).toMatchObject({ status, errorType });
    expect(received).toHaveLength(1);
  });
});

describe('the words of an error', () => {
  it('says a toggle may or may not have been applied, and a read that the status could not be read', async () => {
    const toggle = await outcomeOf({ status: 200, body: '"Compl' }, { timeout: 5_000 });
    expect(toggle.error?.message).toMatch(/may or may not have been applied/);
    const { error } = await outcomeOf({ status: 200, body: '{}' }, {}, 'read');
    expect(error?.message).toBe(
      'The server answered 200 to a status read without a Completed status.',
    );
  });

  it('names the status and its reason, and a gateway only for a 5xx', async () => {
    const teapot = await outcomeOf({ status: 418, body: '' });
    expect(teapot.error?.message).toBe(
      "SuperOffice answered 418 I'm a Teapot without a WebAPI error body.",
    );
    const gateway = await outcomeOf({ status: 500, body: '<h1>oops</h1>' });
    expect(gateway.error?.message).toBe(
      'SuperOffice answered 500 Internal Server Error without a WebAPI error body (a proxy or gateway may have answered).',
    );
  });

  it('takes a body with only an ErrorType as a WebAPI body, and ignores fields that are not text', async () => {
    const typed = await outcomeOf({ status: 409, ...json({ ErrorType: 'SoConflict' }) });
    expect(typed.error).toMatchObject({ errorType: 'SoConflict', errorSource: undefined });
    expect(typed.error?.message).toMatch(/^SuperOffice answered 409 Conflict without/);
    const odd = await outcomeOf({
      status: 409,
      ...json({ ErrorType: 7, ErrorMessage: 'Locked by Ann', ErrorSource: { deep: true } }),
    });
    expect(odd.error).toMatchObject({
      message: 'Locked by Ann',
      errorType: undefined,
      errorSource: undefined,
    });
    const neither = await outcomeOf({ status: 409, ...json({ Error: true, ErrorSource: 'x' }) });
    expect(neither.error).toMatchObject({ errorSource: undefined });
  });
});

describe('Retry-After', () => {
  it.each([
    ['seconds', 3_000, '3'],
    ['zero', 0, '0'],
    ['a past date', 0, 'Wed, 21 Oct 2015 07:28:00 GMT'],
    ['nonsense', undefined, 'soon'],
    ['absent', undefined, undefined],
  ])('as %s gives retryAfterMs %s', async (_, expected, header) => {
    const { error } = await outcomeOf({
      status: 503,
      headers: header === undefined ? {} : { 'Retry-After': header },
    });
    expect(error?.retryAfterMs).toBe(expected);
  });

  it('as a future date gives the time until then', async () => {
    const at = new Date(Date.now() + 60_000).toUTCString();
    const { error } = await outcomeOf({ status: 429, headers: { 'Retry-After': at } });
    expect(error?.retryAfterMs).toBeGreaterThan(50_000);
    expect(error?.retryAfterMs).toBeLessThanOrEqual(60_000);
  });
});

describe('credentials in server text', () => {
  const echo = (secret: string) =>
    json({
      ErrorType: `Type ${secret}`,
      ErrorMessage: `Message ${secret} ${secret}`,
      ErrorSource: `Source ${secret}`,
    });

  it.each([
    ['a Bearer token', { scheme: 'Bearer', token: 'tok-1234' }, 'tok-1234'],
    ['a SoTicket ticket', { scheme: 'SoTicket', ticket: '7T:abcd' }, '7T:abcd'],
    ['an XSRF token', { scheme: 'XSRF', token: 'xsrf-5678' }, 'xsrf-5678'],
    ['a Basic password', { scheme: 'Basic', username: 'u', password: 'pässwörd' }, 'pässwörd'],
  ] satisfies [string, SuperOfficeAuth, string][])(
    'redact %s in the message, type and source',
    async (_, auth, secret) => {
      const { error } = await outcomeOf({ status: 400, ...echo(secret) }, { auth });
      expect(error).toMatchObject({
        message: 'Message [redacted] [redacted]',
        errorType: 'Type [redacted]',
        errorSource: 'Source [redacted]',
      });
    },
  );

  it('redact the app token too', async () => {
    const { error } = await outcomeOf(
      { status: 400, ...echo('app-9876') },
      { appToken: 'app-9876' },
    );
    expect(error?.message).toBe('Message [redacted] [redacted]');
  });

  it('redact a secret of 4 characters, but not a shorter one that would garble every message', async () => {
    const four = await outcomeOf(
      { status: 400, ...echo('abcd') },
      { auth: { scheme: 'Bearer', token: 'abcd' } },
    );
    expect(four.error?.message).toBe('Message [redacted] [redacted]');
    const three = await outcomeOf(
      { status: 400, ...echo('e') },
      { auth: { scheme: 'Basic', username: 'u', password: 'e' } },
    );
    expect(three.error?.message).toBe('Message e e');
  });
});

describe('XML answers', () => {
  const xml = (body: string, contentType = 'application/xml; charset=utf-8') => ({
    status: 200,
    headers: { 'Content-Type': contentType },
    body,
  });

  it.each([
    [
      'with a declaration and a namespace',
      'Completed',
      '<?xml version="1.0"?>\n<ActivityStatus xmlns="x">Completed</ActivityStatus>\n',
    ],
    ['with whitespace around the text', 'Started', '<string> Started </string>'],
    [
      'in a content type in capitals',
      'NotStarted',
      '<string>NotStarted</string>',
      'Application/XML',
    ],
  ] as [string, string, string, string?][])(
    'reads a toggle answer %s as %s',
    async (_, expected, body, contentType) => {
      const { status } = await outcomeOf(xml(body, contentType), { accept: 'xml' });
      expect(status).toBe(expected);
    },
  );

  it.each([
    ['text before the element', 'oops<string>Completed</string>'],
    ['text after the element', '<string>Completed</string>oops'],
    ['a closing tag that does not match', '<string>Completed</other>'],
    ['two elements', '<a>Completed</a><b>Completed</b>'],
  ])('refuses a toggle answer with %s as an unknown outcome', async (_, body) => {
    const { error } = await outcomeOf(xml(body), { accept: 'xml' });
    expect(error).toMatchObject({ errorType: 'UnexpectedResponse', outcomeUnknown: true });
  });

  it('reads Completed out of an entity read, and refuses one without it', async () => {
    const read = await outcomeOf(
      xml('<AppointmentEntity><Completed>\n  Completed\n</Completed></AppointmentEntity>'),
      { accept: 'xml' },
      'read',
    );
    expect(read.status).toBe('Completed');
    const without = await outcomeOf(xml('<AppointmentEntity/>'), { accept: 'xml' }, 'read');
    expect(without.error).toMatchObject({ errorType: 'UnexpectedResponse' });
  });
});

describe('config', () => {
  const config =
    (baseUrl: string, more: Partial<SuperOfficeClientConfig> = {}) =>
    () =>
      createSuperOfficeClient({ baseUrl, auth: BEARER, ...more });

  it.each([
    'http://127.0.0.1/api',
    'http://127.10.20.30:8080/api',
    'http://[::1]:8080/api',
    'http://localhost/api',
    'http://dashboard.localhost/api',
  ])('lets credentials go over plain http to loopback: %s', (baseUrl) => {
    expect(config(baseUrl)).not.toThrow();
  });

  it.each([
    'http://localhost.example.com/api',
    'http://127.0.0.1.example.com/api',
    'http://my-localhost/api',
  ])('refuses credentials over plain http to a host that only looks local: %s', (baseUrl) => {
    expect(config(baseUrl)).toThrow(SuperOfficeConfigError);
  });

  it('lets an XSRF session without an app token use plain http (no credential is sent), but not with one', () => {
    const xsrf = { scheme: 'XSRF' } as const;
    expect(config('http://crm.example.com/api', { auth: xsrf })).not.toThrow();
    expect(config('http://crm.example.com/api', { auth: xsrf, appToken: 'a' })).toThrow(
      /Refusing to send XSRF credentials over plain http to crm\.example\.com/,
    );
  });

  it.each([
    ['zero', 0],
    ['negative', -1],
    ['not a number', Number.NaN],
    ['infinite', Number.POSITIVE_INFINITY],
  ])('refuses a %s timeout', (_, timeout) => {
    expect(config('https://crm.example.com/api', { timeout })).toThrow(
      /timeout must be a positive number/,
    );
  });

  it.each([
    ['no object', null, /needs a config object/],
    ['a string for a config', 'https://x.example/api', /needs a config object/],
    ['a blank baseUrl', { baseUrl: '  ', auth: BEARER }, /baseUrl is missing/],
    ['a baseUrl that is not a string', { baseUrl: 42, auth: BEARER }, /baseUrl is missing/],
    ['a query', { baseUrl: 'https://x.example/api?a=1', auth: BEARER }, /a query or a fragment/],
    ['a fragment', { baseUrl: 'https://x.example/api#f', auth: BEARER }, /a query or a fragment/],
    [
      'a password',
      { baseUrl: 'https://:pw@x.example/api', auth: BEARER },
      /must not carry credentials/,
    ],
    ['no auth', { baseUrl: 'https://x.example/api' }, /auth is missing/],
    ['a null auth', { baseUrl: 'https://x.example/api', auth: null }, /auth is missing/],
    ['a string for auth', { baseUrl: 'https://x.example/api', auth: 'token' }, /auth is missing/],
    [
      'not a URL',
      { baseUrl: 'x.example/api', auth: BEARER },
      /"x\.example\/api" is not an absolute URL/,
    ],
  ])('refuses %s before anything is sent', (_, value, message) => {
    expect(() => createSuperOfficeClient(value as SuperOfficeClientConfig)).toThrow(message);
  });

  it('names the site without trailing slashes or /v1, and refuses what is not a URL', () => {
    expect(siteOf('https://x.example/Cust1/api//')).toBe('https://x.example/Cust1/api');
    expect(siteOf('https://x.example/v1')).toBe('https://x.example');
    expect(siteOf('https://x.example/api/v10')).toBe('https://x.example/api/v10');
    expect(() => siteOf('not a url')).toThrow(SuperOfficeConfigError);
  });
});

describe('a client reports what it was made with', () => {
  it('its site and timeout', () => {
    const client = createSuperOfficeClient({
      baseUrl: 'https://x.example/Cust1/api/v1/',
      auth: BEARER,
      timeout: 1234,
    });
    expect(client.site).toBe('https://x.example/Cust1/api');
    expect(client.timeout).toBe(1234);
    expect(createSuperOfficeClient({ baseUrl: 'https://x.example', auth: BEARER }).timeout).toBe(
      10_000,
    );
  });

  it('is an error of this library for every failure', async () => {
    const { error } = await outcomeOf({ status: 400, body: '' });
    expect(error).toBeInstanceOf(SuperOfficeError);
  });
});

describe('the words of every failure', () => {
  it('say what a timeout means for a toggle and for a read', async () => {
    const silent = { status: 200, body: '"Completed"', delayMs: 2_000 };
    const toggle = await outcomeOf(silent, { timeout: 50 });
    expect(toggle.error?.message).toBe(
      'No answer from SuperOffice within 50 ms; the toggle may or may not have been applied.',
    );
    const read = await outcomeOf(silent, { timeout: 50 }, 'read');
    expect(read.error?.message).toBe(
      'No answer from SuperOffice within 50 ms; the status could not be read.',
    );
  });

  it('say a redirect is never followed, for a toggle or a read', async () => {
    const redirect = { status: 302, headers: { Location: '/elsewhere' } };
    expect((await outcomeOf(redirect)).error?.message).toBe(
      'SuperOffice answered with a redirect, which is never followed for a toggle: check baseUrl.',
    );
    expect((await outcomeOf(redirect, {}, 'read')).error?.message).toMatch(
      /never followed for a read:/,
    );
  });

  it('say the connection failed, or that the request was aborted', async () => {
    const refused = await createSuperOfficeClient({
      baseUrl: 'http://127.0.0.1:9/api',
      auth: BEARER,
    })
      .toggleActivity(A1)
      .catch((failure: unknown) => failure as Error);
    expect(refused).toMatchObject({
      reason: 'network',
      message: 'The connection to SuperOffice failed; the toggle may or may not have been applied.',
    });
    const { baseUrl } = await scriptedServer(() => ({
      status: 200,
      body: '"Completed"',
      delayMs: 2_000,
    }));
    const aborted = await createSuperOfficeClient({ baseUrl, auth: BEARER })
      .getActivityStatus(A1, { signal: AbortSignal.abort() })
      .catch((failure: unknown) => failure as Error);
    expect(aborted).toMatchObject({
      reason: 'aborted',
      message: 'The request was aborted; the status could not be read.',
    });
  });

  it('name the status alone when the answer has no reason phrase (as over HTTP/2)', async () => {
    // Node's server always sends a reason phrase; a fetch of our own answers without one.
    const fetch = async () => new Response('', { status: 418 });
    const client = createSuperOfficeClient({
      baseUrl: 'https://x.example/api',
      auth: BEARER,
      fetch,
    });
    await expect(client.toggleActivity(A1)).rejects.toThrow(
      /^SuperOffice answered 418 without a WebAPI error body\.$/,
    );
  });

  it('quote the start of a 200 that is not a status, or say it was empty', async () => {
    const long = `"${'x'.repeat(100)}"`;
    const quoted = await outcomeOf({ status: 200, body: long });
    expect(quoted.error?.message).toBe(
      `The server answered 200 with ${JSON.stringify(long.slice(0, 60))} instead of an activity status; the toggle may or may not have been applied.`,
    );
    const empty = await outcomeOf({ status: 200, body: '  \n' });
    expect(empty.error?.message).toMatch(/^The server answered 200 with an empty body instead/);
  });
});

describe('odd bodies', () => {
  it('reads a WebAPI error body served as text/plain', async () => {
    const { error } = await outcomeOf({
      status: 400,
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({ ErrorType: 'SoBad', ErrorMessage: 'Plainly wrong' }),
    });
    expect(error).toMatchObject({ message: 'Plainly wrong', errorType: 'SoBad' });
  });

  it.each(['null', '42', '"text"'])(
    'turns an error body of %s into a SuperOfficeApiError',
    async (body) => {
      const { error } = await outcomeOf({ status: 500, ...json(JSON.parse(body)) });
      expect(error).toMatchObject({
        name: 'SuperOfficeApiError',
        status: 500,
        errorType: undefined,
      });
    },
  );

  it('refuses a read answered 200 with null, its outcome unknown', async () => {
    const { error } = await outcomeOf({ status: 200, ...json(null) }, {}, 'read');
    expect(error).toMatchObject({ errorType: 'UnexpectedResponse', outcomeUnknown: true });
  });

  it('reads an XML declaration followed at once by the element', async () => {
    const { status } = await outcomeOf(
      {
        status: 200,
        headers: { 'Content-Type': 'application/xml' },
        body: '<?xml version="1.0"?><string>Completed</string>',
      },
      { accept: 'xml' },
    );
    expect(status).toBe('Completed');
  });

  it('sends no header for an empty app token, language, culture or time zone', async () => {
    const { received } = await outcomeOf(
      { status: 200, ...json('Completed') },
      { appToken: '', language: '', culture: '', timeZone: '' },
    );
    const headers = received[0]?.headers ?? {};
    for (const name of ['so-apptoken', 'so-language', 'so-culture', 'so-timezone']) {
      expect(headers).not.toHaveProperty(name);
    }
  });
});

describe('config messages', () => {
  it('show an example of a base URL', () => {
    const example = 'e.g. "https://online.superoffice.com/Cust12345/api"';
    expect(() => createSuperOfficeClient({ baseUrl: 'ftp://x.example/api', auth: BEARER })).toThrow(
      `baseUrl must be an http(s) URL, ${example}.`,
    );
    expect(() => siteOf('nope')).toThrow(`baseUrl "nope" is not an absolute URL: ${example}.`);
  });

  it('refuse a host that only ends like localhost', () => {
    expect(() =>
      createSuperOfficeClient({ baseUrl: 'http://app.localhost.example.com/api', auth: BEARER }),
    ).toThrow(SuperOfficeConfigError);
  });
});
