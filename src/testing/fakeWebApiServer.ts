/// <reference types="node" />
import type { FakeWebApi } from './FakeWebApi.js';

// Type-only: `node:http` is loaded lazily because this entry is also bundled for browsers.
type IncomingMessage = import('node:http').IncomingMessage;
type ServerResponse = import('node:http').ServerResponse;

/**
 * A running {@link startFakeWebApiServer}.
 *
 * @example
 * const server = await startFakeWebApiServer(fake);
 * const client = createSuperOfficeClient({
 *   baseUrl: server.url,
 *   auth: { scheme: 'Bearer', token: 'fake-bearer-token' }, // in FAKE_CREDENTIALS
 * });
 * await server.close();
 */
export interface FakeWebApiServer {
  /** The base URL a client uses, e.g. `http://127.0.0.1:54321/api`. */
  readonly url: string;
  /** Scheme, host and port, e.g. `http://127.0.0.1:54321`. */
  readonly origin: string;
  /** Stops listening and closes every connection, idle keep-alive ones included. */
  close(): Promise<void>;
}

/**
 * Where {@link startFakeWebApiServer} listens.
 *
 * @example
 * await startFakeWebApiServer(fake, { port: 5099 });
 */
export interface FakeWebApiServerOptions {
  /** Defaults to an ephemeral port. */
  port?: number;
  /** Defaults to `127.0.0.1`. */
  host?: string;
}

/**
 * Serves `fake` over real HTTP in Node, for tests that want a real socket (timeouts, dropped
 * connections, keep-alive) and for apps in another origin (CORS is allowed for any origin). It
 * answers the toggle and the entity reads, like the MSW handlers.
 *
 * @example
 * const fake = new FakeWebApi({ activities: { 'appointment_id=1': 'NotStarted' } });
 * const server = await startFakeWebApiServer(fake);
 * await fetch(`${server.url}/v1/Agents/Appointment/ToggleActivity`, { method: 'POST', … });
 * await server.close();
 */
export async function startFakeWebApiServer(
  fake: FakeWebApi,
  options: FakeWebApiServerOptions = {},
): Promise<FakeWebApiServer> {
  const { createServer } = await import('node:http');
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    void serve(fake, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') {
    throw new Error('The fake WebAPI server is not listening on a TCP port');
  }
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  return {
    url: `${origin}/api`,
    origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function serve(fake: FakeWebApi, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
      answerPreflight(req, res);
      return;
    }
    const clientGone = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) clientGone.abort();
    });
    const request = await toFetchRequest(req, clientGone.signal);
    const outcome = await fake.handle(request);
    if ('dropped' in outcome) {
      req.socket.destroy();
      return;
    }
    if (res.destroyed) return;
    res.statusCode = outcome.status;
    outcome.headers.forEach((value, name) => {
      res.setHeader(name, value);
    });
    setCorsHeaders(req, res);
    res.end(new Uint8Array(await outcome.arrayBuffer()));
  } catch {
    // Only reachable for requests Fetch cannot represent (e.g. a TRACE); answer rather than hang.
    if (res.headersSent) {
      req.socket.destroy();
    } else {
      res.statusCode = 400;
      res.end();
    }
  }
}

async function toFetchRequest(req: IncomingMessage, signal: AbortSignal): Promise<Request> {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    headers.append(req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? '');
  }
  const method = req.method ?? 'GET';
  const chunks: Uint8Array[] = [];
  for await (const chunk of req) chunks.push(chunk as Uint8Array);
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(url, {
    method,
    headers,
    body: hasBody ? concat(chunks) : null,
    signal,
  });
}

function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  res.statusCode = 204;
  setCorsHeaders(req, res);
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
  const requested = req.headers['access-control-request-headers'];
  if (requested !== undefined) res.setHeader('Access-Control-Allow-Headers', requested);
  res.end();
}

// Echoing the origin (not `*`) is what lets a browser send cookies or Authorization cross-origin.
function setCorsHeaders(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  if (origin === undefined) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  // Not a CORS-safelisted response header: without this a browser client cannot honour it.
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
  res.setHeader('Vary', 'Origin');
}

function concat(chunks: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const body = new Uint8Array(chunks.reduce((length, chunk) => length + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}
