// A server component: it reads the rows and the site's WebAPI URL on the server and renders the
// client dashboard with plain props. No token is passed: the browser asks for one (see
// ActivityDashboard), so it never lands in the page's payload.
import { connection } from 'next/server';
import { ActivityDashboard } from './ActivityDashboard';
import { ACTIVITIES } from './activities';

export default async function Page() {
  // The WebAPI URL is read per request, not baked in at build time.
  await connection();
  const baseUrl = process.env.SUPEROFFICE_API_URL ?? 'http://127.0.0.1:5099/api';
  return (
    <main>
      <h1>Activities</h1>
      <ActivityDashboard baseUrl={baseUrl} rows={ACTIVITIES} />
    </main>
  );
}
