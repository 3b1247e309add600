// Everything the dashboard talks to, in one Node process: the library's fake WebAPI for
// ToggleActivity (over real HTTP, CORS enabled) and, as a Vite plugin, the archive list the
// dashboard starts from. A real dashboard would read that list from the WebAPI's Archive
// endpoint; the fake WebAPI only implements ToggleActivity, so the list is served here, from
// the fake's current state, so that a reload shows what the server now says.
import { readFileSync } from 'node:fs';
import { activityIdentifier } from 'superoffice-activity-react';
import { FakeWebApi } from 'superoffice-activity-react/testing';
import { startFakeWebApiServer } from 'superoffice-activity-react/testing/node';

/** Where the dashboard fetches its rows (src/archive.ts). */
export const ARCHIVE_PATH = '/demo-archive/activities';

/** The seed: kind, id, title, date and the status the fake WebAPI starts with. */
export const SEED_ACTIVITIES = JSON.parse(
  readFileSync(new URL('./activities.json', import.meta.url), 'utf8'),
);

/** The fake's options for the seed; `fake.reset(seedOptions())` starts over. */
export function seedOptions(options = {}) {
  const activities = Object.fromEntries(
    SEED_ACTIVITIES.map((row) => [activityIdentifier(row.kind, row.id), row.status]),
  );
  return { activities, ...options };
}

/**
 * Starts the fake WebAPI on 127.0.0.1 and returns it with the archive's Vite plugin.
 *
 * @example
 * const backend = await startFakeBackend({ latencyMs: 400 });
 * process.env.VITE_SUPEROFFICE_API = backend.api.url;
 * await createServer({ plugins: [backend.archivePlugin] });
 */
export async function startFakeBackend(options = {}) {
  const fake = new FakeWebApi(seedOptions(options));
  const api = await startFakeWebApiServer(fake);
  return { fake, api, archivePlugin: archivePlugin(fake) };
}

function archivePlugin(fake) {
  const serveArchive = (_req, res) => {
    const rows = SEED_ACTIVITIES.map(({ kind, id, title, date }) => ({
      kind,
      id,
      title,
      date,
      completed: fake.status(activityIdentifier(kind, id)) === 'Completed',
    }));
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Cache-Control', 'no-store');
    res.end(JSON.stringify(rows));
  };
  return {
    name: 'demo-archive',
    configureServer: (server) => {
      server.middlewares.use(ARCHIVE_PATH, serveArchive);
    },
    configurePreviewServer: (server) => {
      server.middlewares.use(ARCHIVE_PATH, serveArchive);
    },
  };
}
