// The example dashboard, built and served like a partner's app, in real Chromium against the
// fake WebAPI (a Node HTTP server on 127.0.0.1), which records every request it receives.
// Run `node scripts/pack-example.mjs` from the repository root first (`npm run test:example`).
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { FAKE_CREDENTIALS } from 'superoffice-activity-react/testing';
import { build, preview } from 'vite';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';
import {
  SEED_ACTIVITIES,
  seedOptions,
  startFakeBackend,
} from '../fake-backend/startFakeBackend.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// The committed screenshot changes only on request (RECORD_SCREENSHOT=1): a test run must leave
// the working tree as it was.
const SCREENSHOT = fileURLToPath(
  new URL(
    process.env.RECORD_SCREENSHOT ? '../screenshot.png' : '../dist/screenshot.png',
    import.meta.url,
  ),
);

describe('the partner dashboard', () => {
  let backend;
  let site;
  let browser;
  let page;
  let problems;

  before(async () => {
    backend = await startFakeBackend();
    process.env.VITE_SUPEROFFICE_API = backend.api.url;
    // 'error': react-query's and the library's 'use client' directives make Vite chatty.
    await build({ root: ROOT, logLevel: 'error' });
    site = await preview({
      root: ROOT,
      logLevel: 'error',
      plugins: [backend.archivePlugin],
      preview: { host: '127.0.0.1', port: 0 },
    });
    browser = await chromium.launch(chromiumLaunchOptions());
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    await backend?.api.close();
  });

  beforeEach(async () => {
    backend.fake.reset(seedOptions());
    // Reduced motion: the saving spinner stands still, so the screenshot is the same every run.
    page = await browser.newPage({
      viewport: { width: 1200, height: 560 },
      reducedMotion: 'reduce',
    });
    page.setDefaultTimeout(10_000);
    problems = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        problems.push(`${message.type()}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    await page.goto(site.resolvedUrls.local[0]);
    await page.locator('tr[data-activity]').first().waitFor();
  });

  afterEach(async () => {
    await page.close();
    assert.deepEqual(problems, [], 'the page logged warnings or errors');
  });

  const row = (id) => page.locator(`tr[data-activity="${id}"]`);
  const rowCheckbox = (id) => row(id).getByRole('checkbox');
  const detail = (id) => page.locator(`section[data-detail="${id}"]`);
  const lastRequestFor = (id) => backend.fake.requestsFor(id).at(-1);

  /** Waits until the activity's checkbox (in `scope`) shows `state` and nothing is pending. */
  async function settled(scope, state) {
    await scope.locator(`input[data-state="${state}"]:not([data-pending])`).waitFor();
  }

  it("lists the archive's activities, ticked where they are completed", async () => {
    assert.equal(await page.locator('tr[data-activity]').count(), SEED_ACTIVITIES.length);
    for (const { kind, id, status } of SEED_ACTIVITIES) {
      const checked = await rowCheckbox(`${kind}_id=${id}`).isChecked();
      assert.equal(checked, status === 'Completed', `${kind}_id=${id} is ${status}`);
    }
  });

  it('ticks an activity with one Bearer request in English, which completes it', async () => {
    await rowCheckbox('appointment_id=101').click();
    await settled(row('appointment_id=101'), 'checked');

    assert.equal(backend.fake.status('appointment_id=101'), 'Completed');
    assert.equal(backend.fake.requestsFor('appointment_id=101').length, 1);
    const { headers } = lastRequestFor('appointment_id=101');
    assert.equal(headers.authorization, `Bearer ${FAKE_CREDENTIALS.bearerTokens[0]}`);
    assert.equal(headers['x-xsrf-token'], undefined);
    assert.equal(headers['accept-language'], 'en');
    assert.equal(headers['so-language'], 'en');
  });

  it('authenticates as the sign-in switch says: SoTicket, then the XSRF cookie', async () => {
    await page.getByLabel('Sign-in').selectOption('SoTicket');
    await rowCheckbox('document_id=301').click();
    await settled(row('document_id=301'), 'checked');
    assert.equal(
      lastRequestFor('document_id=301').headers.authorization,
      `SOTicket ${FAKE_CREDENTIALS.tickets[0]}`,
    );

    await page.getByLabel('Sign-in').selectOption('XSRF');
    await rowCheckbox('document_id=301').click();
    await settled(row('document_id=301'), 'unchecked');
    const { headers } = lastRequestFor('document_id=301');
    assert.equal(headers.authorization, undefined);
    assert.equal(headers['x-xsrf-token'], FAKE_CREDENTIALS.xsrfTokens[0]);
    assert.equal(backend.fake.status('document_id=301'), 'NotStarted');
  });

  it("speaks the chosen language: the checkbox's texts and the request headers", async () => {
    await page.getByLabel('Language').selectOption('nb');
    await row('sale_id=201').getByText('Fullført').waitFor();

    await rowCheckbox('sale_id=201').click();
    await settled(row('sale_id=201'), 'checked');
    const { headers } = lastRequestFor('sale_id=201');
    assert.equal(headers['accept-language'], 'nb');
    assert.equal(headers['so-language'], 'nb');

    await page.getByLabel('Language').selectOption('de');
    await row('sale_id=201').getByText('Erledigt').waitFor();
  });

  it('keeps the detail panel and its row in sync, whichever checkbox is clicked', async () => {
    await row('appointment_id=103').getByRole('button').click();
    const panel = detail('appointment_id=103');
    await panel.getByRole('heading', { name: 'Workshop: onboarding the sales team' }).waitFor();

    // While the server has not answered, the row already shows the panel's click.
    const release = backend.fake.hold();
    await panel.getByRole('checkbox').click();
    await row('appointment_id=103').locator('input[data-state="checked"][data-pending]').waitFor();
    release();
    await settled(panel, 'checked');
    await settled(row('appointment_id=103'), 'checked');
    assert.equal(await panel.locator('dd[data-status]').getAttribute('data-status'), 'Completed');

    await rowCheckbox('appointment_id=103').click();
    await settled(row('appointment_id=103'), 'unchecked');
    await settled(panel, 'unchecked');
    assert.equal(await panel.locator('dd[data-status]').getAttribute('data-status'), 'NotStarted');
    assert.equal(backend.fake.requestsFor('appointment_id=103').length, 2);
    assert.equal(backend.fake.status('appointment_id=103'), 'NotStarted');
  });

  it('hides completed activities, keeping a just-ticked one until the server confirms it', async () => {
    await page.getByLabel('Hide completed').check();
    const open = SEED_ACTIVITIES.filter((activity) => activity.status !== 'Completed');
    await page.locator('tr[data-activity]').nth(open.length).waitFor({ state: 'detached' });
    assert.equal(await page.locator('tr[data-activity]').count(), open.length);
    assert.equal(await row('appointment_id=102').count(), 0);

    const release = backend.fake.hold();
    await rowCheckbox('appointment_id=101').click();
    await row('appointment_id=101').locator('input[data-pending]').waitFor();
    assert.equal(await row('appointment_id=101').isVisible(), true);
    release();
    await row('appointment_id=101').waitFor({ state: 'detached' });
    assert.equal(backend.fake.status('appointment_id=101'), 'Completed');

    await page.getByLabel('Hide completed').uncheck();
    await settled(row('appointment_id=101'), 'checked');
    assert.equal(await page.locator('tr[data-activity]').count(), SEED_ACTIVITIES.length);
  });

  it('rolls a failed toggle back and says why, in an alert', async () => {
    backend.fake.inject({ status: 500 }, { activityIdentifier: 'appointment_id=101' });
    await rowCheckbox('appointment_id=101').click();
    await row('appointment_id=101').getByRole('alert').waitFor();
    await settled(row('appointment_id=101'), 'unchecked');
    assert.match(
      await row('appointment_id=101').getByRole('alert').textContent(),
      /Could not save/,
    );
    assert.equal(backend.fake.status('appointment_id=101'), 'NotStarted');
    // Chromium reports the 500 itself; that is the fake's answer, not the page misbehaving.
    problems = problems.filter((problem) => !/Failed to load resource.*500/.test(problem));
  });

  it('shows a toggle as saving until the server answers (README screenshot)', async () => {
    await row('sale_id=201').getByRole('button').click();
    await detail('sale_id=201').waitFor();
    const release = backend.fake.hold();
    await rowCheckbox('appointment_id=103').click();
    const pending = rowCheckbox('appointment_id=103');
    await row('appointment_id=103').getByRole('status').getByText('Saving…').waitFor();
    assert.equal(await pending.getAttribute('aria-busy'), 'true');
    assert.equal(await pending.isChecked(), true);
    await page.screenshot({ path: SCREENSHOT });
    release();
    await settled(row('appointment_id=103'), 'checked');
  });
});
