// The built package in a server-rendered app: renderToString in Node, hydrateRoot in Chromium,
// on React 19 and on React 18.3, from the packed tarball.
import assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { buildPage } from './support/buildPage.mjs';
import { installPackedLibrary } from './support/installPackedLibrary.mjs';

const ROWS = [
  { activityIdentifier: 'appointment_id=1', title: 'Kick-off', status: 'NotStarted' },
  { activityIdentifier: 'appointment_id=2', title: 'Workshop', status: 'Completed' },
  { activityIdentifier: 'appointment_id=3', title: 'Follow-up', status: 'Started' },
  { activityIdentifier: 'sale_id=4', title: 'Licence renewal', status: 'Started' },
  { activityIdentifier: 'document_id=5', title: 'Offer letter', status: 'Completed' },
];

for (const react of [19, 18]) {
  describe(`server rendering on React ${react}`, () => {
    let consumer;
    let fake;
    let api;
    let site;
    let browser;
    let serverHtml;

    before(async () => {
      consumer = installPackedLibrary({ react });
      const ssr = join(consumer.dir, 'ssr');
      cpSync(join(import.meta.dirname, 'ssr'), ssr, { recursive: true });
      const testing = await importFrom(consumer.dir, 'superoffice-activity-react/testing');
      const testingNode = await importFrom(consumer.dir, 'superoffice-activity-react/testing/node');
      fake = new testing.FakeWebApi({
        activities: Object.fromEntries(ROWS.map((row) => [row.activityIdentifier, row.status])),
      });
      api = await testingNode.startFakeWebApiServer(fake);
      const props = {
        baseUrl: api.url,
        token: testing.FAKE_CREDENTIALS.bearerTokens[0],
        language: 'nb',
        rows: ROWS,
      };
      const { renderDashboard } = await import(pathToFileURL(join(ssr, 'render.mjs')).href);
      serverHtml = renderDashboard(props);
      site = await serve(await buildPage(ssr, 'hydrate'), page(serverHtml, props));
      browser = await chromium.launch(chromiumLaunchOptions());
    });

    after(async () => {
      await browser?.close();
      await site?.close();
      await api?.close();
      consumer?.remove();
    });

    it('renders each checkbox in the state the dashboard reported, with localized labels', () => {
      const inputs = [...serverHtml.matchAll(/<input[^>]*>/g)].map(([input]) => input);
      assert.equal(inputs.length, ROWS.length);
      const states = inputs.map((input) => /data-state="(\w+)"/.exec(input)?.[1]);
      assert.deepEqual(states, ['unchecked', 'checked', 'indeterminate', 'unchecked', 'checked']);
      const checked = inputs.map((input) => /\schecked=""/.test(input));
      assert.deepEqual(checked, [false, true, false, false, true]);
      assert.equal(serverHtml.match(/>Fullført</g)?.length, ROWS.length);
    });

    it('hydrates in Chromium without a mismatch, warning or error', async () => {
      const { tab, problems } = await open(browser, site.url);
      try {
        const recoverable = await tab.evaluate(() => window.recoverableErrors);
        assert.deepEqual(recoverable, []);
        assert.deepEqual(problems, []);
        // The indeterminate look is a DOM property: set after hydration, not in the HTML.
        const indeterminate = await tab.$eval(
          '[data-activity="appointment_id=3"] input',
          (input) => input.indeterminate,
        );
        assert.equal(indeterminate, true);
      } finally {
        await tab.close();
      }
    });

    it('toggles an activity through the fake WebAPI once hydrated', async () => {
      const { tab, problems } = await open(browser, site.url);
      try {
        const checkbox = tab.locator('[data-activity="appointment_id=1"] input');
        await checkbox.click();
        await tab.waitForSelector(
          '[data-activity="appointment_id=1"] input[data-state="checked"]:not([data-pending])',
        );
        assert.equal(await checkbox.isChecked(), true);
        assert.equal(fake.status('appointment_id=1'), 'Completed');
        const [request] = fake.requestsFor('appointment_id=1');
        assert.equal(request?.headers.authorization, 'Bearer fake-bearer-token');
        assert.equal(request?.headers['so-language'], 'nb');
        assert.deepEqual(problems, []);
      } finally {
        await tab.close();
      }
    });
  });
}

async function importFrom(dir, specifier) {
  const [name, ...subpath] = specifier.split('/');
  const manifest = JSON.parse(
    readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8'),
  );
  const entry = manifest.exports[['.', ...subpath].join('/')].default;
  return import(pathToFileURL(join(dir, 'node_modules', name, entry)).href);
}

function page(rootHtml, props) {
  // `<` escaped so that no prop can close the script element.
  const json = JSON.stringify(props).replaceAll('<', '\\u003c');
  return `<!doctype html>
<html lang="nb">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>SSR</title></head>
<body>
<div id="root">${rootHtml}</div>
<script type="application/json" id="props">${json}</script>
<script type="module" src="/hydrate.js"></script>
</body>
</html>`;
}

const TYPES = { '.js': 'text/javascript', '.map': 'application/json' };

function serve(assets, html) {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/') {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(html);
      return;
    }
    try {
      const body = readFileSync(join(assets, path.replaceAll('..', '')));
      res.setHeader('Content-Type', TYPES[extname(path)] ?? 'application/octet-stream');
      res.end(body);
    } catch {
      res.statusCode = 404;
      res.end();
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}

/** A new tab on the page, once hydrated, with every console warning, error and page error. */
async function open(browser, url) {
  const tab = await browser.newPage();
  tab.setDefaultTimeout(10_000);
  const problems = [];
  tab.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`${message.type()}: ${message.text()}`);
    }
  });
  tab.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await tab.goto(url);
  await tab.waitForFunction(() => window.hydrated === true);
  return { tab, problems };
}
