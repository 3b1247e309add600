// The App Router example as a partner runs it: `next build` (run first, by
// `npm run test:example:nextjs`), then `next start` against the fake WebAPI over HTTP, in real
// Chromium. The page is rendered on the server and hydrated in the browser without a warning,
// and a click reaches the fake.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { FAKE_CREDENTIALS } from 'superoffice-activity-react/testing';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';
import { ACTIVITIES, seedOptions, startFakeWebApi } from '../scripts/startFakeWebApi.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NEXT = fileURLToPath(new URL('../node_modules/.bin/next', import.meta.url));

describe('the Next.js App Router example', () => {
  let fake;
  let api;
  let app;
  let browser;
  let page;
  let problems;

  before(async () => {
    ({ fake, server: api } = await startFakeWebApi());
    app = await nextStart({ SUPEROFFICE_API_URL: api.url });
    browser = await chromium.launch(chromiumLaunchOptions());
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
    await api?.close();
  });

  beforeEach(async () => {
    fake.reset(seedOptions());
    page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    problems = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        problems.push(`${message.type()}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
    });
  });

  afterEach(async () => {
    await page.close();
  });

  const checkbox = (id) => page.locator(`li[data-activity="${id}"] input`);

  it('renders every row on the server, labelled with its title, in the state the page passed', async () => {
    const html = await (await fetch(app.url)).text();
    const states = ACTIVITIES.map((row) => {
      const item = new RegExp(`data-activity="${row.activityIdentifier}"[\\s\\S]*?</li>`).exec(
        html,
      );
      assert.ok(item, `${row.activityIdentifier} is not in the server HTML`);
      assert.ok(
        item[0].includes(row.title),
        `${row.activityIdentifier} is not labelled "${row.title}"`,
      );
      return /<input[^>]*data-state="(\w+)"/.exec(item[0])?.[1];
    });
    assert.deepEqual(states, ['unchecked', 'checked', 'indeterminate', 'unchecked', 'checked']);
    assert.ok(!html.includes(FAKE_CREDENTIALS.bearerTokens[0]), 'the token is in the page');
  });

  it('hydrates in Chromium without a warning or error', async () => {
    await page.goto(app.url);
    await hydrated();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(problems, []);
  });

  it('sends a click to the fake WebAPI with the token from the route handler', async () => {
    await page.goto(app.url);
    await hydrated();
    const box = checkbox('appointment_id=1');
    await box.click();
    await page
      .locator(
        'li[data-activity="appointment_id=1"] input[data-state="checked"]:not([data-pending])',
      )
      .waitFor();
    assert.equal(await box.isChecked(), true);
    assert.equal(fake.status('appointment_id=1'), 'Completed');
    const requests = fake.requestsFor('appointment_id=1');
    assert.equal(requests.length, 1);
    assert.equal(requests[0]?.headers.authorization, `Bearer ${FAKE_CREDENTIALS.bearerTokens[0]}`);
    assert.deepEqual(problems, []);
  });

  // `indeterminate` is a DOM property the checkbox sets once hydrated: the server HTML cannot.
  async function hydrated() {
    await page.waitForFunction(
      () => document.querySelector('li[data-activity="appointment_id=3"] input')?.indeterminate,
    );
  }
});

/** `next start` on a free port of 127.0.0.1, resolved once it answers. */
async function nextStart(env) {
  const port = await freePort();
  const child = spawn(NEXT, ['start', '--hostname', '127.0.0.1', '--port', String(port)], {
    cwd: ROOT,
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`next start did not answer in 60 s:\n${output}`);
    const answered = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
