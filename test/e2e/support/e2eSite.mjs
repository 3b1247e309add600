// One SuperOffice site on one loopback origin: the page's bundle at `/` and a fake WebAPI under
// `/api`, over a real Node socket. A thin adapter over the package's FakeWebApi, like its own
// `startFakeWebApiServer`, plus what only a socket can show: which connection each toggle came
// on (Chromium's silent resend), how many toggles of one activity the fake was processing at
// once, and a gateway that answers 504 after the toggle was applied.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';

const TYPES = { '.js': 'text/javascript', '.map': 'application/json' };
const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>e2e</title></head>
<body><div id="root"></div><script type="module" src="/main.js"></script></body>
</html>`;
const GATEWAY_TIMEOUT = '<html><body><h1>504 Gateway Time-out</h1></body></html>';

/**
 * Starts a site on `host` (e.g. `127.0.0.2`) serving `assets` and `fake`.
 *
 * @example
 * const site = await startSite({ host: '127.0.0.1', fake, assets });
 * site.toggles; // [{ socket: 1, onReusedSocket: true, body: '{"ActivityIdentifier":…}' }]
 */
export async function startSite({ host, fake, assets }) {
  const site = {
    fake,
    /** Every toggle request, in arrival order: the socket it came on and its body. */
    toggles: [],
    inFlight: new Map(),
    maxInFlight: new Map(),
    gateway504AfterApply: 0,
  };
  // Counts per activity from the fake's own arrival/finish notifications: server-side overlap.
  fake.subscribe((request) => {
    if (request.endpoint !== 'toggle') return;
    const id = request.activityIdentifier;
    const now = (site.inFlight.get(id) ?? 0) + (request.response === 'pending' ? 1 : -1);
    site.inFlight.set(id, now);
    site.maxInFlight.set(id, Math.max(site.maxInFlight.get(id) ?? 0, now));
  });

  let sockets = 0;
  const server = createServer((req, res) => {
    void serve(site, assets, req, res);
  });
  // Chromium resends a POST only on a kept-alive connection: keep idle ones for the whole run.
  server.keepAliveTimeout = 120_000;
  server.on('connection', (socket) => {
    sockets += 1;
    socket.e2eId = sockets;
    socket.e2eRequests = 0;
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  const origin = `http://${host}:${server.address().port}`;
  return Object.assign(site, {
    origin,
    url: `${origin}/api`,
    /** Starts over: the fake with `activities`, and this site's own records. */
    reset(activities) {
      fake.reset({ activities });
      site.toggles = [];
      site.inFlight = new Map();
      site.maxInFlight = new Map();
      site.gateway504AfterApply = 0;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      }),
  });
}

async function serve(site, assets, req, res) {
  const socket = req.socket;
  const onReusedSocket = socket.e2eRequests > 0;
  socket.e2eRequests += 1;
  const url = new URL(req.url ?? '/', site.origin ?? `http://${req.headers.host}`);
  if (!url.pathname.startsWith('/api/')) {
    serveAsset(assets, url.pathname, res);
    return;
  }
  if (req.method === 'OPTIONS') {
    res.statusCode = 204;
    setCorsHeaders(req, res);
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
    res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers']);
    res.end();
    return;
  }
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const body = Buffer.concat(chunks);
  const isToggle = req.method === 'POST' && url.pathname.endsWith('/ToggleActivity');
  if (isToggle) {
    site.toggles.push({ socket: socket.e2eId, onReusedSocket, body: body.toString('utf8') });
  }
  const clientGone = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) clientGone.abort();
  });
  const outcome = await site.fake.handle(
    new Request(url, {
      method: req.method,
      headers: headersOf(req),
      body: req.method === 'GET' || req.method === 'HEAD' ? null : body,
      signal: clientGone.signal,
    }),
  );
  if ('dropped' in outcome) {
    socket.destroy();
    return;
  }
  if (res.destroyed) return;
  setCorsHeaders(req, res);
  if (isToggle && outcome.ok && site.gateway504AfterApply > 0) {
    // The toggle was applied; the gateway in front gave up waiting for its answer.
    site.gateway504AfterApply -= 1;
    res.statusCode = 504;
    res.setHeader('Content-Type', 'text/html');
    res.end(GATEWAY_TIMEOUT);
    return;
  }
  res.statusCode = outcome.status;
  outcome.headers.forEach((value, name) => {
    res.setHeader(name, value);
  });
  res.end(Buffer.from(await outcome.arrayBuffer()));
}

function serveAsset(assets, path, res) {
  if (path === '/') {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(PAGE);
    return;
  }
  try {
    const body = readFileSync(join(assets, path.replaceAll('..', '')));
    res.setHeader('Content-Type', TYPES[extname(path)] ?? 'application/octet-stream');
    // Cached (and its compiled code with it), so a new tab per test opens quickly.
    res.setHeader('Cache-Control', 'max-age=3600, immutable');
    res.end(body);
  } catch {
    res.statusCode = 404;
    res.end();
  }
}

function headersOf(req) {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
  }
  return headers;
}

function setCorsHeaders(req, res) {
  const origin = req.headers.origin;
  if (origin === undefined) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
  res.setHeader('Vary', 'Origin');
}
