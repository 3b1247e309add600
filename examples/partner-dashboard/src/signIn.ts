import type { SuperOfficeAuth } from 'superoffice-activity-react';

/** The ways a dashboard can authenticate, as offered by the sign-in switch. */
export const SIGN_IN_CHOICES = [
  { value: 'Bearer', label: 'Bearer token (Online)' },
  { value: 'SoTicket', label: 'SoTicket' },
  { value: 'XSRF', label: 'XSRF cookie (inside SuperOffice)' },
] as const;

export type SignInChoice = (typeof SIGN_IN_CHOICES)[number]['value'];

// The fake WebAPI's demo credentials (FAKE_CREDENTIALS in superoffice-activity-react/testing).
// A real dashboard gets a token from its SuperId sign-in, or runs inside SuperOffice.
const DEMO_BEARER_TOKEN = 'fake-bearer-token';
const DEMO_TICKET = 'fake-ticket';
const DEMO_XSRF_TOKEN = 'fake-xsrf-token';

/** The provider's `auth` for a choice. */
export function authFor(choice: SignInChoice): SuperOfficeAuth {
  switch (choice) {
    case 'Bearer':
      return { scheme: 'Bearer', token: () => DEMO_BEARER_TOKEN };
    case 'SoTicket':
      return { scheme: 'SoTicket', ticket: DEMO_TICKET };
    case 'XSRF':
      // No token given: the library reads the XSRF-TOKEN cookie, as on a SuperOffice page.
      return { scheme: 'XSRF' };
  }
}

/** Inside SuperOffice the server sets this cookie; the demo sets it itself. */
export function setDemoXsrfCookie(): void {
  // biome-ignore lint/suspicious/noDocumentCookie: synchronous, so the cookie is there before the first toggle; a fixed value needs no escaping.
  document.cookie = `XSRF-TOKEN=${DEMO_XSRF_TOKEN}; path=/; SameSite=Strict`;
}
