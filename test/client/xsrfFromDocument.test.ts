// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { createSuperOfficeClient } from '../../src/index.js';
import { startFake } from '../support/fakeServer.js';

const A1 = 'appointment_id=1';

afterEach(() => {
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
  document.body.innerHTML = '';
});

describe('XSRF auth inside a SuperOffice page', () => {
  it('finds the cookie among others, and keeps an = in the token', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    document.cookie = 'theme=dark';
    document.cookie = 'XSRF-TOKEN=tok%3Den=x';
    // Not the first cookie (the first has no space before its name). First in the file: a
    // cookie set again keeps its first creation time, and so its place.
    expect(document.cookie).toMatch(/^theme=dark; XSRF-TOKEN=/);
    const client = createSuperOfficeClient({ baseUrl, auth: { scheme: 'XSRF' } });
    await client.toggleActivity(A1).catch(() => undefined);
    expect(fake.requests[0]?.headers['x-xsrf-token']).toBe('tok=en=x');
    document.cookie = 'theme=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
  });

  it('reads the token from the XSRF-TOKEN cookie', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    document.cookie = 'XSRF-TOKEN=fake-xsrf-token';
    const client = createSuperOfficeClient({ baseUrl, auth: { scheme: 'XSRF' } });
    await expect(client.toggleActivity(A1)).resolves.toBe('Completed');
    expect(fake.requests[0]?.headers['x-xsrf-token']).toBe('fake-xsrf-token');
  });

  it('falls back to the hidden input named XSRF_TOKEN', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    document.body.innerHTML = '<input type="hidden" name="XSRF_TOKEN" value="fake-xsrf-token">';
    const client = createSuperOfficeClient({ baseUrl, auth: { scheme: 'XSRF' } });
    await expect(client.toggleActivity(A1)).resolves.toBe('Completed');
    expect(fake.requests[0]?.headers['x-xsrf-token']).toBe('fake-xsrf-token');
  });

  it('refuses to send without a cookie or an input, sending nothing', async () => {
    const { fake, baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const client = createSuperOfficeClient({ baseUrl, auth: { scheme: 'XSRF' } });
    await expect(client.toggleActivity(A1)).rejects.toThrow(/^No XSRF token/);
    expect(fake.requests).toHaveLength(0);
  });
});
