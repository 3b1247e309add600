import type { SuperOfficeAuth } from '../../../src/index.js';
import type { FakeCredentials } from '../../../src/testing/index.js';

export type SchemeName = 'Bearer' | 'SoTicket' | 'Basic' | 'XSRF';

export const SCHEME_NAMES: readonly SchemeName[] = ['Bearer', 'SoTicket', 'Basic', 'XSRF'];

/** How a test authenticates with one scheme, and every secret that must never leak from it. */
export interface Scheme {
  name: SchemeName;
  auth: SuperOfficeAuth;
  appToken: string | undefined;
  /** What the fake accepts. */
  credentials: Partial<FakeCredentials>;
  /** The request headers a server would see, e.g. to echo them back. */
  headers: Record<string, string>;
  /** Each secret in every form it travels in (raw, base64). */
  secrets: string[];
}

const BEARER_TOKEN = 'bearer-token-s3cret-0xA1';
const TICKET = '7T:ticket-s3cret-0xB2';
const APP_TOKEN = 'app-token-s3cret-0xC3';
const USERNAME = 'ada';
// Non-ASCII on purpose: the Basic value must be UTF-8 base64, and scrubbed in that form too.
const PASSWORD = 'pässwörd-密码-s3cret';
const XSRF_TOKEN = 'xsrf-token-s3cret-0xD4';

const BASIC_VALUE = Buffer.from(`${USERNAME}:${PASSWORD}`, 'utf8').toString('base64');

/** Every scheme the client supports; XSRF and SoTicket also send an app token. */
export function scheme(name: SchemeName): Scheme {
  switch (name) {
    case 'Bearer':
      return {
        name,
        auth: { scheme: 'Bearer', token: BEARER_TOKEN },
        appToken: undefined,
        credentials: { bearerTokens: [BEARER_TOKEN] },
        headers: { Authorization: `Bearer ${BEARER_TOKEN}` },
        secrets: [BEARER_TOKEN],
      };
    case 'SoTicket':
      return {
        name,
        auth: { scheme: 'SoTicket', ticket: TICKET },
        appToken: APP_TOKEN,
        credentials: { tickets: [TICKET], appToken: APP_TOKEN },
        headers: { Authorization: `SOTicket ${TICKET}`, 'SO-AppToken': APP_TOKEN },
        secrets: [TICKET, APP_TOKEN],
      };
    case 'Basic':
      return {
        name,
        auth: { scheme: 'Basic', username: USERNAME, password: PASSWORD },
        appToken: undefined,
        credentials: { basic: [{ username: USERNAME, password: PASSWORD }] },
        headers: { Authorization: `Basic ${BASIC_VALUE}` },
        secrets: [PASSWORD, BASIC_VALUE],
      };
    case 'XSRF':
      return {
        name,
        auth: { scheme: 'XSRF', token: XSRF_TOKEN },
        appToken: APP_TOKEN,
        credentials: { xsrfTokens: [XSRF_TOKEN] },
        headers: { 'X-XSRF-TOKEN': XSRF_TOKEN, 'SO-AppToken': APP_TOKEN },
        secrets: [XSRF_TOKEN, APP_TOKEN],
      };
  }
}

/** The secrets found in `text`, if any. */
export function leakedSecrets(text: string, secrets: readonly string[]): string[] {
  return secrets.filter((secret) => text.includes(secret));
}
