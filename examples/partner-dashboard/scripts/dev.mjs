// `npm run example` (from the repository root) or `npm run dev` (here): the fake WebAPI and the
// dashboard's Vite dev server, both on 127.0.0.1. Every toggle the fake receives is logged.
//
// PORT (default 5173) picks the dashboard's port; FAKE_LATENCY_MS (default 600) how long the
// fake WebAPI takes to answer, so that the saving state can be seen.
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { startFakeBackend } from '../fake-backend/startFakeBackend.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const backend = await startFakeBackend({ latencyMs: Number(process.env.FAKE_LATENCY_MS ?? 600) });
process.env.VITE_SUPEROFFICE_API = backend.api.url;

const server = await createServer({
  root,
  plugins: [backend.archivePlugin],
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173) },
});
await server.listen();

backend.fake.subscribe((request) => {
  const auth = request.headers.authorization?.split(' ')[0] ?? 'X-XSRF-TOKEN';
  const answer = request.response === 'dropped' ? 'dropped' : request.response.body;
  console.log(
    `[fake WebAPI] ${request.activityIdentifier} via ${auth}, ${request.headers['so-language'] ?? '-'}: ${answer}`,
  );
});

console.log(`\n  Partner dashboard:  ${server.resolvedUrls?.local[0] ?? 'http://127.0.0.1'}`);
console.log(`  Fake WebAPI:        ${backend.api.url}\n  Stop with Ctrl+C.\n`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await server.close();
    await backend.api.close();
    process.exit(0);
  });
}
