import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import {
  createSuperOfficeClient,
  InvalidActivityIdentifierError,
  SuperOfficeApiError,
  SuperOfficeConfigError,
  SuperOfficeNetworkError,
} from '../../src/index.js';
import { FAKE_CREDENTIALS } from '../../src/testing/index.js';
import { BAD_IDENTIFIERS } from '../support/badIdentifiers.js';
import { BEARER, startFake } from '../support/fakeServer.js';

const A1 = 'appointment_id=1';

describe('createSuperOfficeClient().toggleActivity', () => {
  it('posts the identifier and resolves to the status after the toggle', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const client = createSuperOfficeClient({ baseUrl, auth: BEARER });

    await expect(client.toggleActivity(A1)).resolves.toBe('Completed');
    await expect(client.toggleActivity(A1)).resolves.toBe('NotStarted');

    const [request] = fake.requests;
    expect(request?.method).toBe('POST');
    expect(new URL(request?.url ?? '').pathname).toBe('/api/v1/Agents/Appointment/ToggleActivity');
    expect(JSON.parse(request?.body ?? '')).toEqual({ ActivityIdentifier: A1 });
    expect(request?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(request?.headers.accept).toBe('application/json');
    expect(fake.status(A1)).toBe('NotStarted');
  });

  it('tolerates a trailing slash or /v1 on baseUrl', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    for (const variant of [`${baseUrl}/`, `${baseUrl}/v1`, `${baseUrl}/v1/`]) {
      await createSuperOfficeClient({ baseUrl: variant, auth: BEARER }).toggleActivity(A1);
    }
    const paths = fake.requests.map((request) => new URL(request.url).pathname);
    expect(new Set(paths)).toEqual(new Set(['/api/v1/Agents/Appointment/ToggleActivity']));
    expect(fake.toggleCount(A1)).toBe(3);
  });

  it('sends the locale and app headers only when configured', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    await createSuperOfficeClient({ baseUrl, auth: BEARER }).toggleActivity(A1);
    await createSuperOfficeClient({
      baseUrl,
      auth: BEARER,
      language: 'nb',
      culture: 'sv',
      timeZone: 'CET',
      appToken: 'app-secret-123',
    }).toggleActivity(A1);

    const [plain, localized] = fake.requests.map((request) => request.headers);
    // Node's fetch adds `accept-language: *` by itself.
    expect(plain?.['accept-language'] ?? '*').toBe('*');
    for (const name of ['so-language', 'so-culture', 'so-timezone', 'so-apptoken']) {
      expect(plain).not.toHaveProperty(name);
    }
    expect(localized).toMatchObject({
      'accept-language': 'nb',
      'so-language': 'nb',
      'so-culture': 'sv',
      'so-timezone': 'CET',
      'so-apptoken': 'app-secret-123',
    });
  });

  it('passes select through as a literal $select query parameter', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const client = createSuperOfficeClient({ baseUrl, auth: BEARER });
    await client.toggleActivity(A1, { select: 'name,category/id' });
    await client.toggleActivity(A1);

    expect(fake.requests[0]?.url).toContain('?$select=name%2Ccategory%2Fid');
    expect(new URL(fake.requests[0]?.url ?? '').searchParams.get('$select')).toBe(
      'name,category/id',
    );
    expect(new URL(fake.requests[1]?.url ?? '').search).toBe('');
  });

  it('asks for XML and parses the XML string answer', async () => {
    const { fake, baseUrl } = await startFake({ activities: { 'sale_id=5': 'Started' } });
    const client = createSuperOfficeClient({ baseUrl, auth: BEARER, accept: 'xml' });
    await expect(client.toggleActivity('sale_id=5')).resolves.toBe('Completed');
    expect(fake.requests[0]?.headers.accept).toBe('application/xml');
  });
});

describe('authentication', () => {
  it('sends a Bearer token, read from a function before each request', async () => {
    const { fake, baseUrl } = await startFake({
      activities: { [A1]: 'NotStarted' },
      credentials: { bearerTokens: ['first', 'second'] },
    });
    const tokens = ['first', 'second'];
    const token = vi.fn(async () => tokens.shift() ?? '');
    const client = createSuperOfficeClient({ baseUrl, auth: { scheme: 'Bearer', token } });
    await client.toggleActivity(A1);
    await client.toggleActivity(A1);
    expect(fake.requests.map((request) => request.headers.authorization)).toEqual([
      'Bearer first',
      'Bearer second',
    ]);
    expect(token).toHaveBeenCalledTimes(2);
  });

  it('sends a SoTicket with the app token', async () => {
    const { fake, baseUrl } = await startFake({
      activities: { [A1]: 'NotStarted' },
      credentials: { tickets: ['7T:abc'], appToken: 'app-secret' },
    });
    const client = createSuperOfficeClient({
      baseUrl,
      auth: { scheme: 'SoTicket', ticket: () => '7T:abc' },
      appToken: 'app-secret',
    });
    await expect(client.toggleActivity(A1)).resolves.toBe('Completed');
    expect(fake.requests[0]?.headers).toMatchObject({
      authorization: 'SOTicket 7T:abc',
      'so-apptoken': 'app-secret',
    });
  });

  it.each([
    ['pässwörd', 'fake-user:pässwörd'],
    ['密码', 'fake-user:密码'],
  ])(
    'encodes a Basic password %s as UTF-8 base64, which the server accepts',
    async (password, pair) => {
      const { fake, baseUrl } = await startFake({
        activities: { [A1]: 'NotStarted' },
        credentials: { basic: [{ username: 'fake-user', password }] },
      });
      const client = createSuperOfficeClient({
        baseUrl,
        auth: { scheme: 'Basic', username: 'fake-user', password },
      });
      await expect(client.toggleActivity(A1)).resolves.toBe('Completed');
      expect(fake.requests[0]?.headers.authorization).toBe(
        `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`,
      );
    },
  );

  it('sends X-XSRF-TOKEN and no Authorization header for the XSRF scheme', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const token = FAKE_CREDENTIALS.xsrfTokens[0] as string;
    const client = createSuperOfficeClient({ baseUrl, auth: { scheme: 'XSRF', token } });
    await expect(client.toggleActivity(A1)).resolves.toBe('Completed');
    expect(fake.requests[0]?.headers['x-xsrf-token']).toBe(token);
    expect(fake.requests[0]?.headers).not.toHaveProperty('authorization');
  });

  it('refuses an XSRF scheme without a token outside a page, sending nothing', async () => {
    const { fake, baseUrl } = await startFake();
    const client = createSuperOfficeClient({ baseUrl, auth: { scheme: 'XSRF' } });
    await expect(client.toggleActivity(A1)).rejects.toThrow(/No XSRF token/);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('onUnauthorized', () => {
  it('sends the request once more with the auth it returns, and keeps using that auth', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const onUnauthorized = vi.fn(async (_error: SuperOfficeApiError) => BEARER);
    const client = createSuperOfficeClient({
      baseUrl,
      auth: { scheme: 'Bearer', token: 'expired' },
      onUnauthorized,
    });

    await expect(client.toggleActivity(A1)).resolves.toBe('Completed');
    await expect(client.toggleActivity(A1)).resolves.toBe('NotStarted');

    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(onUnauthorized.mock.calls[0]?.[0]).toBeInstanceOf(SuperOfficeApiError);
    expect(fake.requests.map((request) => request.response)).toMatchObject([
      { status: 401 },
      { status: 200 },
      { status: 200 },
    ]);
    expect(fake.toggleCount(A1)).toBe(2);
  });

  it('tells onSend of each request it sends, the resend after a renewed 401 included', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const client = createSuperOfficeClient({
      baseUrl,
      auth: { scheme: 'Bearer', token: 'expired' },
      onUnauthorized: () => BEARER,
    });
    const sent: number[] = [];
    const onSend = () => sent.push(fake.requests.length);

    await client.toggleActivity(A1, { onSend });
    // Each time before its request reached the server: the 401's, then the resend's.
    expect(sent).toEqual([0, 1]);
    await client.toggleActivity(A1, { onSend });
    expect(sent).toEqual([0, 1, 2]);
  });

  it('shares one onUnauthorized call between concurrent 401s', async () => {
    const { fake, baseUrl } = await startFake({
      activities: { [A1]: 'NotStarted', 'sale_id=2': 'Started' },
    });
    const onUnauthorized = vi.fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return BEARER;
    });
    const client = createSuperOfficeClient({
      baseUrl,
      auth: { scheme: 'Bearer', token: 'expired' },
      onUnauthorized,
    });
    await expect(
      Promise.all([client.toggleActivity(A1), client.toggleActivity('sale_id=2')]),
    ).resolves.toEqual(['Completed', 'Completed']);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(fake.toggleCount()).toBe(2);
  });

  it('gives up with the 401 when onUnauthorized returns nothing, or the renewed auth fails too', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const expired = { scheme: 'Bearer', token: 'expired' } as const;
    const givesUp = createSuperOfficeClient({
      baseUrl,
      auth: expired,
      onUnauthorized: () => undefined,
    });
    const error = await givesUp.toggleActivity(A1).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(SuperOfficeApiError);
    expect(error).toMatchObject({ status: 401, outcomeUnknown: false });

    const onUnauthorized = vi.fn(() => ({ scheme: 'Bearer', token: 'also-wrong' }) as const);
    const stillWrong = createSuperOfficeClient({ baseUrl, auth: expired, onUnauthorized });
    await expect(stillWrong.toggleActivity(A1)).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(fake.requests).toHaveLength(3);
    expect(fake.status(A1)).toBe('NotStarted');
  });
});

describe('errors', () => {
  it('turns a WebAPI error body into a SuperOfficeApiError, and never retries', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    fake.inject({
      status: 404,
      body: {
        Error: true,
        ErrorType: 'SoNotFoundException',
        ErrorMessage: 'Contact id 99999 not found',
        ErrorSource: 'SuperOffice.Services.Implementation',
      },
    });
    const error = await createSuperOfficeClient({ baseUrl, auth: BEARER })
      .toggleActivity(A1)
      .catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(SuperOfficeApiError);
    expect(error).toMatchObject({
      status: 404,
      errorType: 'SoNotFoundException',
      errorSource: 'SuperOffice.Services.Implementation',
      message: 'Contact id 99999 not found',
      outcomeUnknown: false,
    });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'SuperOfficeApiError',
      message: 'Contact id 99999 not found',
      status: 404,
      errorType: 'SoNotFoundException',
      errorSource: 'SuperOffice.Services.Implementation',
      outcomeUnknown: false,
    });
    expect(fake.requests).toHaveLength(1);
  });

  it('explains a proxy HTML page without showing its markup, and marks a gateway error unknown', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    fake.inject({ status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' });
    const error = (await createSuperOfficeClient({ baseUrl, auth: BEARER })
      .toggleActivity(A1)
      .catch((failure: unknown) => failure)) as SuperOfficeApiError;
    expect(error).toBeInstanceOf(SuperOfficeApiError);
    expect(error.status).toBe(502);
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toMatch(/answered 502 .*without a WebAPI error body.*proxy or gateway/);
    expect(error.message).not.toContain('<');
  });

  it.each([
    ['an unknown status string', '"Maybe"'],
    ['malformed JSON', '"Compl'],
    ['an empty body', ''],
  ])('treats a 200 with %s as an error whose outcome is unknown', async (_, body) => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    fake.inject({ status: 200, body, contentType: 'application/json; charset=utf-8' });
    const error = await createSuperOfficeClient({ baseUrl, auth: BEARER })
      .toggleActivity(A1)
      .catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(SuperOfficeApiError);
    expect(error).toMatchObject({
      status: 200,
      errorType: 'UnexpectedResponse',
      outcomeUnknown: true,
    });
  });

  it.each([
    ['before', 'NotStarted'],
    ['after', 'Completed'],
  ] as const)(
    'reports a connection dropped %s the toggle as a network error with unknown outcome',
    async (when, serverState) => {
      const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
      fake.inject({ drop: `${when}-apply` });
      const error = await createSuperOfficeClient({ baseUrl, auth: BEARER })
        .toggleActivity(A1)
        .catch((failure: unknown) => failure);
      expect(error).toBeInstanceOf(SuperOfficeNetworkError);
      expect(error).toMatchObject({ reason: 'network', outcomeUnknown: true });
      expect(fake.status(A1)).toBe(serverState);
      expect(fake.requests).toHaveLength(1);
    },
  );

  it('times out after the configured time with an unknown outcome, without retrying', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    fake.inject({ delayMs: 2_000 });
    const client = createSuperOfficeClient({ baseUrl, auth: BEARER, timeout: 100 });
    const error = await client.toggleActivity(A1).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(SuperOfficeNetworkError);
    expect(error).toMatchObject({ reason: 'timeout', outcomeUnknown: true });
    expect((error as Error).message).toContain('100 ms');
    expect(fake.requests).toHaveLength(1);
  });

  it('stops waiting when the signal aborts', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const release = fake.hold();
    const controller = new AbortController();
    const toggled = createSuperOfficeClient({ baseUrl, auth: BEARER }).toggleActivity(A1, {
      signal: controller.signal,
    });
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
    controller.abort();
    await expect(toggled).rejects.toMatchObject({
      name: 'SuperOfficeNetworkError',
      reason: 'aborted',
    });
    release();
  });
});

describe('bad input', () => {
  it.each(BAD_IDENTIFIERS)(
    'rejects an identifier that is %s before sending anything',
    async (_, identifier) => {
      const { fake, baseUrl } = await startFake();
      const client = createSuperOfficeClient({ baseUrl, auth: BEARER });
      const error = await client
        .toggleActivity(identifier as string)
        .catch((failure: unknown) => failure);
      expect(error).toBeInstanceOf(InvalidActivityIdentifierError);
      expect((error as Error).message).toContain(
        '"appointment_id=<id>", "sale_id=<id>" or "document_id=<id>"',
      );
      expect((error as Error).message.length).toBeLessThan(300);
      expect(fake.requests).toHaveLength(0);
    },
  );

  it.each([
    ['relative', '/api'],
    ['empty', ''],
    ['ftp:', 'ftp://example.com/api'],
    ['with credentials in it', 'https://user:pw@example.com/api'],
  ])('rejects a %s baseUrl with a SuperOfficeConfigError', (_, baseUrl) => {
    expect(() => createSuperOfficeClient({ baseUrl, auth: BEARER })).toThrow(
      SuperOfficeConfigError,
    );
  });

  it('refuses credentials over plain http to a non-loopback host unless allowed', () => {
    const baseUrl = 'http://crm.example.com/api';
    for (const auth of [
      BEARER,
      { scheme: 'SoTicket', ticket: 't' } as const,
      { scheme: 'Basic', username: 'u', password: 'p' } as const,
    ]) {
      expect(() => createSuperOfficeClient({ baseUrl, auth })).toThrow(
        /over plain http.*allowInsecureHttp/,
      );
      expect(() =>
        createSuperOfficeClient({ baseUrl, auth, allowInsecureHttp: true }),
      ).not.toThrow();
    }
    expect(() =>
      createSuperOfficeClient({ baseUrl: 'http://localhost:8080/api', auth: BEARER }),
    ).not.toThrow();
  });
});

describe('credential hygiene', () => {
  it('never lets a credential into an error message, toString or JSON form', async () => {
    const { fake, baseUrl } = await startFake({
      activities: { [A1]: 'NotStarted' },
      credentials: { basic: [{ username: 'u', password: 'hunter2-secret' }] },
    });
    const encoded = Buffer.from('u:hunter2-secret').toString('base64');
    fake.inject({
      status: 500,
      body: {
        Error: true,
        ErrorType: 'SoException',
        ErrorMessage: `Bad header Basic ${encoded} for hunter2-secret`,
      },
    });
    const client = createSuperOfficeClient({
      baseUrl,
      auth: { scheme: 'Basic', username: 'u', password: 'hunter2-secret' },
      appToken: 'app-token-secret',
    });
    const error = (await client.toggleActivity(A1).catch((failure: unknown) => failure)) as Error;
    const forms = [error.message, String(error), JSON.stringify(error), error.stack ?? ''];
    for (const form of forms) {
      expect(form).not.toContain('hunter2-secret');
      expect(form).not.toContain(encoded);
      expect(form).not.toContain('app-token-secret');
    }
    expect(error.message).toContain('[redacted]');
  });

  it('does not follow a redirect, so credentials never reach another origin', async () => {
    const received: string[] = [];
    const elsewhere = createServer((request, response) => {
      received.push(`${request.method} ${request.url} ${request.headers.authorization ?? ''}`);
      response.end('"Completed"');
    });
    const redirecting = createServer((_, response) => {
      const { port } = elsewhere.address() as AddressInfo;
      response.writeHead(307, {
        Location: `http://127.0.0.1:${port}/api/v1/Agents/Appointment/ToggleActivity`,
      });
      response.end();
    });
    await Promise.all([
      new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve)),
      new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve)),
    ]);
    try {
      const { port } = redirecting.address() as AddressInfo;
      const client = createSuperOfficeClient({
        baseUrl: `http://127.0.0.1:${port}/api`,
        auth: BEARER,
      });
      const error = await client.toggleActivity(A1).catch((failure: unknown) => failure);
      expect(error).toBeInstanceOf(SuperOfficeApiError);
      expect(error).toMatchObject({ status: 307, errorType: 'Redirect' });
      expect(received).toEqual([]);
    } finally {
      elsewhere.closeAllConnections();
      redirecting.closeAllConnections();
      elsewhere.close();
      redirecting.close();
    }
  });
});
