// `npm run dev` (here, after `node scripts/pack-example.mjs nextjs` at the repository root): the
// fake WebAPI on 127.0.0.1:5099 and `next dev` pointed at it.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startFakeWebApi } from './startFakeWebApi.mjs';

const { server } = await startFakeWebApi({ port: 5099, latencyMs: 600 });
console.log(`  Fake WebAPI: ${server.url}`);
const next = spawn(fileURLToPath(new URL('../node_modules/.bin/next', import.meta.url)), ['dev'], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  env: { ...process.env, SUPEROFFICE_API_URL: server.url, NEXT_TELEMETRY_DISABLED: '1' },
  stdio: 'inherit',
});
next.once('exit', async (code) => {
  await server.close();
  process.exit(code ?? 0);
});
