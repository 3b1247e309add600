import { describe, expect, it } from 'vitest';
import { createSuperOfficeClient, SuperOfficeNetworkError } from '../../src/index.js';
import { createFakeFetch, FAKE_CREDENTIALS, FakeWebApi } from '../../src/testing/index.js';

const BASE_URL = 'https://fake.superoffice.test/Cust1/api';

function clientOver(fake: FakeWebApi) {
  return createSuperOfficeClient({
    baseUrl: BASE_URL,
    auth: { scheme: 'Bearer', token: FAKE_CREDENTIALS.bearerTokens[0] as string },
    fetch: createFakeFetch(fake),
  });
}

describe('createFakeFetch', () => {
  it('lets the client toggle an activity in the fake, with no MSW and no socket', async () => {
    const fake = new FakeWebApi({ activities: { 'appointment_id=1': 'NotStarted' } });
    await expect(clientOver(fake).toggleActivity('appointment_id=1')).resolves.toBe('Completed');
    expect(fake.status('appointment_id=1')).toBe('Completed');
    expect(fake.requestsFor('appointment_id=1')[0]?.headers.authorization).toBe(
      'Bearer fake-bearer-token',
    );
  });

  it('turns a dropped connection into the network error a real fetch gives', async () => {
    const fake = new FakeWebApi({ activities: { 'sale_id=7': 'Started' } });
    fake.inject({ drop: 'after-apply' });
    const error = await clientOver(fake)
      .toggleActivity('sale_id=7')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SuperOfficeNetworkError);
    expect(error).toMatchObject({ reason: 'network', outcomeUnknown: true });
    expect(fake.status('sale_id=7')).toBe('Completed');
  });

  it('rejects at once when aborted, and the fake drops the request unapplied', async () => {
    const fake = new FakeWebApi({ activities: { 'appointment_id=1': 'NotStarted' } });
    const release = fake.hold();
    const controller = new AbortController();
    const fetch = createFakeFetch(fake);
    const sent = fetch(`${BASE_URL}/v1/Agents/Appointment/ToggleActivity`, {
      method: 'POST',
      headers: { Authorization: 'Bearer fake-bearer-token', 'Content-Type': 'application/json' },
      body: JSON.stringify({ ActivityIdentifier: 'appointment_id=1' }),
      signal: controller.signal,
    });
    controller.abort(new DOMException('gone', 'AbortError'));
    await expect(sent).rejects.toMatchObject({ name: 'AbortError', message: 'gone' });
    release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fake.status('appointment_id=1')).toBe('NotStarted');
  });
});
