import { createServer, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';

export interface ScriptedAnswer {
  status: number;
  /** The reason phrase; Node's own for the status by default. */
  statusText?: string;
  headers?: OutgoingHttpHeaders;
  body?: string;
  /** Answers this late (the client may have given up by then). */
  delayMs?: number;
}

/**
 * A real HTTP server on 127.0.0.1 that answers every request with what the test scripted, and
 * records what it received: for the edges of how an answer becomes a result or an error, where
 * the fake WebAPI's model of SuperOffice would get in the way. Closed when the test finishes.
 *
 * @example
 * const { baseUrl } = await scriptedServer(() => ({ status: 503, headers: { 'Retry-After': '2' } }));
 */
export async function scriptedServer(answer: (request: IncomingMessage) => ScriptedAnswer) {
  const received: IncomingMessage[] = [];
  const server = createServer((request, response) => {
    received.push(request);
    const { status, statusText, headers = {}, body = '', delayMs = 0 } = answer(request);
    setTimeout(() => {
      if (statusText === undefined) response.writeHead(status, headers);
      else response.writeHead(status, statusText, headers);
      response.end(body);
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => {
    server.closeAllConnections();
    server.close();
  });
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}/api`, received };
}
