import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ActivityCompleteCheckbox,
  SuperOfficeApiError,
  SuperOfficeConfigError,
  type SuperOfficeError,
  SuperOfficeProvider,
} from '../../src/index.js';
import { startFake } from '../support/fakeServer.js';
import { renderWithProviders } from '../support/renderWithProviders.js';
import { leakedSecrets, SCHEME_NAMES, scheme } from './support/schemes.js';

const A1 = 'appointment_id=1';
const TOGGLE_PATH = '/api/v1/Agents/Appointment/ToggleActivity';

interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A loopback server that records every request and answers with `answer`. */
async function recordingServer(
  answer: (request: IncomingMessage, response: ServerResponse) => void,
) {
  const received: Recorded[] = [];
  const server = createServer((request, response) => {
    received.push({
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
    });
    request.resume();
    request.on('end', () => answer(request, response));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { received, origin, baseUrl: `${origin}/api` };
}

/** Everything the console printed while `run` ran. */
async function consoleDuring(run: () => Promise<void>): Promise<string[]> {
  const printed: string[] = [];
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      printed.push(args.map(String).join(' '));
    }),
  );
  try {
    await run();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return printed;
}

function formsOf(error: SuperOfficeError): string[] {
  return [error.message, String(error), error.toString(), JSON.stringify(error), error.stack ?? ''];
}

describe('credentials never reach another origin', () => {
  it.each(SCHEME_NAMES.flatMap((name) => [302, 307, 308].map((status) => [name, status] as const)))(
    '%s: a %i redirect to a second loopback server is not followed',
    async (name, status) => {
      const { auth, appToken } = scheme(name);
      const elsewhere = await recordingServer((_, response) => response.end('"Completed"'));
      const site = await recordingServer((_, response) => {
        response.writeHead(status, { Location: `${elsewhere.origin}${TOGGLE_PATH}` });
        response.end();
      });
      const onError = vi.fn<(error: SuperOfficeError) => void>();
      const { user } = renderWithProviders(
        <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} onError={onError} />,
        site.baseUrl,
        { auth, appToken },
      );

      await user.click(screen.getByRole('checkbox'));
      await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));

      expect(elsewhere.received).toEqual([]);
      expect(site.received).toHaveLength(1);
      expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(SuperOfficeApiError);
      expect(onError.mock.calls[0]?.[0]).toMatchObject({ errorType: 'Redirect' });
      expect(screen.getByRole<HTMLInputElement>('checkbox').checked).toBe(false);
      expect(screen.getByRole('alert').textContent).toMatch(/redirect, which is never followed/);
    },
  );
});

describe('credentials never show in errors or the console', () => {
  // A server that echoes what it was sent is rare but real (debug pages, proxies, logging bugs).
  function echoing(into: 'ErrorMessage' | 'ErrorType and ErrorSource') {
    return recordingServer((request, response) => {
      const echoed = ['authorization', 'x-xsrf-token', 'so-apptoken']
        .map((header) => `${header}: ${String(request.headers[header])}`)
        .join('; ');
      const body =
        into === 'ErrorMessage'
          ? { Error: true, ErrorType: 'SoException', ErrorMessage: `Rejected ${echoed}` }
          : {
              Error: true,
              ErrorType: `Bad ${echoed}`,
              ErrorMessage: 'Rejected',
              ErrorSource: echoed,
            };
      response.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(body));
    });
  }

  it.each(SCHEME_NAMES)(
    '%s: a server echoing the credentials into ErrorMessage gets them redacted everywhere',
    async (name) => {
      const { auth, appToken, secrets } = scheme(name);
      const server = await echoing('ErrorMessage');
      const onError = vi.fn<(error: SuperOfficeError) => void>();
      let shown = '';
      const printed = await consoleDuring(async () => {
        const { user, container } = renderWithProviders(
          <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} onError={onError} />,
          server.baseUrl,
          { auth, appToken },
        );
        await user.click(screen.getByRole('checkbox'));
        await screen.findByRole('alert');
        shown = container.textContent ?? '';
      });

      expect(server.received).toHaveLength(1);
      const error = onError.mock.calls[0]?.[0] as SuperOfficeError;
      expect(error.message).toContain('[redacted]');
      for (const text of [...formsOf(error), shown, ...printed]) {
        expect(leakedSecrets(text, secrets)).toEqual([]);
      }
    },
  );

  it.each(SCHEME_NAMES)(
    '%s: a server echoing the credentials into ErrorType and ErrorSource gets them redacted in the error too',
    async (name) => {
      const { auth, appToken, secrets } = scheme(name);
      const server = await echoing('ErrorType and ErrorSource');
      const onError = vi.fn<(error: SuperOfficeError) => void>();
      const { user } = renderWithProviders(
        <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} onError={onError} />,
        server.baseUrl,
        { auth, appToken },
      );
      await user.click(screen.getByRole('checkbox'));
      await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));

      const error = onError.mock.calls[0]?.[0] as SuperOfficeApiError;
      for (const text of [...formsOf(error), String(error.errorType), String(error.errorSource)]) {
        expect(leakedSecrets(text, secrets)).toEqual([]);
      }
    },
  );
});

describe('server text is shown as text', () => {
  it('renders markup in an ErrorMessage inertly in every checkbox of the activity', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    fake.inject({
      status: 400,
      body: { Error: true, ErrorType: 'SoException', ErrorMessage: hostile },
    });
    const { user, container } = renderWithProviders(
      <>
        <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} label="Row" />
        <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} label="Detail" />
      </>,
      baseUrl,
    );

    await user.click(screen.getByRole('checkbox', { name: 'Row' }));
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2));

    for (const alert of screen.getAllByRole('alert')) {
      expect(alert.textContent).toBe(`Could not save the change: ${hostile}`);
      expect(alert.children).toHaveLength(0);
    }
    expect(container.querySelector('img, script')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('Basic auth with non-ASCII passwords', () => {
  it.each([
    ['jörg', 'pässwörd'],
    ['李', '密码'],
  ])(
    'sends %s:%s as UTF-8 base64 through the provider, and the server accepts it',
    async (username, password) => {
      const { fake, baseUrl } = await startFake({
        activities: { [A1]: 'NotStarted' },
        credentials: { basic: [{ username, password }] },
      });
      const { user } = renderWithProviders(
        <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />,
        baseUrl,
        { auth: { scheme: 'Basic', username, password } },
      );

      await user.click(screen.getByRole('checkbox'));
      await waitFor(() => expect(fake.requests[0]?.response).toMatchObject({ status: 200 }));

      const encoded = Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
      expect(fake.requests[0]?.headers.authorization).toBe(`Basic ${encoded}`);
      expect(fake.status(A1)).toBe('Completed');
    },
  );
});

describe('plain http to a host that is not loopback', () => {
  const insecureUrl = 'http://crm.example.com/api';
  const refused = [
    ...SCHEME_NAMES.filter((name) => name !== 'XSRF').map((name) => [name, scheme(name)] as const),
    ['XSRF with an app token', scheme('XSRF')] as const,
  ];

  it.each(refused)(
    'refuses %s credentials through the provider, sending nothing',
    (_, { auth, appToken }) => {
      const sent = vi.fn<typeof fetch>();
      const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      let error: unknown;
      try {
        render(
          <QueryClientProvider client={new QueryClient()}>
            <SuperOfficeProvider baseUrl={insecureUrl} auth={auth} appToken={appToken} fetch={sent}>
              <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />
            </SuperOfficeProvider>
          </QueryClientProvider>,
        );
      } catch (thrown) {
        error = thrown;
      } finally {
        quiet.mockRestore();
      }
      expect(error).toBeInstanceOf(SuperOfficeConfigError);
      expect((error as Error).message).toMatch(/over plain http.*allowInsecureHttp/);
      expect(sent).not.toHaveBeenCalled();
    },
  );

  it.each(refused)(
    'sends %s credentials once allowInsecureHttp is set',
    async (_, { auth, appToken }) => {
      // Answered in-process: nothing leaves the machine.
      const sent = vi.fn<typeof fetch>(async () => Response.json('Completed'));
      const { user } = renderWithProviders(
        <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />,
        insecureUrl,
        { auth, appToken, fetch: sent, allowInsecureHttp: true },
      );
      await user.click(screen.getByRole('checkbox'));
      await waitFor(() =>
        expect(screen.getByRole('checkbox').getAttribute('aria-busy')).toBeNull(),
      );

      expect(sent).toHaveBeenCalledTimes(1);
      const request = sent.mock.calls[0]?.[0] as Request;
      expect(request.url).toBe(`http://crm.example.com${TOGGLE_PATH}`);
      expect(screen.getByRole<HTMLInputElement>('checkbox').checked).toBe(true);
    },
  );
});
