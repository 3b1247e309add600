// Where a real app hands the browser the signed-in user's SuperOffice access token from its
// server-side session. Here: the fake WebAPI's demo token.
import { FAKE_CREDENTIALS } from 'superoffice-activity-react/testing';

export function GET(): Response {
  return new Response(FAKE_CREDENTIALS.bearerTokens[0], {
    headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' },
  });
}
