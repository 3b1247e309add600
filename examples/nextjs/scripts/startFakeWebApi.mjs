// The fake WebAPI the example talks to, seeded with the page's rows, over HTTP on 127.0.0.1.
import { readFileSync } from 'node:fs';
import { FakeWebApi } from 'superoffice-activity-react/testing';
import { startFakeWebApiServer } from 'superoffice-activity-react/testing/node';

/** The rows the page renders (app/activities.json). */
export const ACTIVITIES = JSON.parse(
  readFileSync(new URL('../app/activities.json', import.meta.url), 'utf8'),
);

/** The fake's options for those rows; `fake.reset(seedOptions())` starts over. */
export function seedOptions() {
  return {
    activities: Object.fromEntries(ACTIVITIES.map((row) => [row.activityIdentifier, row.status])),
  };
}

/** Starts the fake WebAPI; `port` 0 picks a free one. */
export async function startFakeWebApi({ port = 0, latencyMs = 0 } = {}) {
  const fake = new FakeWebApi({ ...seedOptions(), latencyMs });
  const server = await startFakeWebApiServer(fake, { port });
  return { fake, server };
}
