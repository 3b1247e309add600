// Every story, loaded STORY_LOADS times (default 10) from the static Storybook build: the first
// time in the Storybook UI, then in its preview frame alone, each time with the fake's service
// worker unregistered first (so it starts from nothing, as for a newcomer). Chromium resolves
// no host name but 127.0.0.1, and any request for another host that the fake did not answer
// fails the test; so does a story that errors.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { serveFolder } from './staticServer.mjs';

const STATIC = join(import.meta.dirname, '../../storybook-static');
const LOADS = Number(process.env.STORY_LOADS ?? 10);
// e.g. STORY_FILTER=failures to load only some stories while working on them.
const FILTER = new RegExp(process.env.STORY_FILTER ?? '');
const LOCAL = /^(https?|wss?):\/\/127\.0\.0\.1(:\d+)?\//;

/** In the preview frame: how the story ended, as Storybook reports it. */
function recordStoryOutcome() {
  const outcome = { status: undefined, errors: [] };
  window.__storyOutcome = outcome;
  const attach = () => {
    const channel = window.__STORYBOOK_PREVIEW__?.channel;
    if (!channel) return setTimeout(attach, 5);
    // A toolbar change during a play (the Offline switch) re-renders the story, and each
    // re-render reports finished: only the end of the play counts.
    let playing = false;
    channel.on('storyRenderPhaseChanged', ({ newPhase }) => {
      if (newPhase === 'playing') playing = true;
      if (newPhase === 'played' || newPhase === 'errored') playing = false;
    });
    channel.on('storyFinished', ({ status, reporters }) => {
      if (playing) return;
      outcome.status = status;
      for (const report of reporters ?? []) {
        if (report.status === 'failed') outcome.errors.push(`${report.type} report failed`);
      }
    });
    for (const event of ['storyErrored', 'storyThrewException', 'playFunctionThrewException']) {
      channel.on(event, (error) => {
        outcome.status = 'error';
        outcome.errors.push(`${event}: ${error?.message ?? error?.title ?? JSON.stringify(error)}`);
      });
    }
  };
  attach();
}

describe(`each story, loaded ${LOADS} times`, () => {
  let site;
  let browser;
  let stories;

  before(async () => {
    assert.ok(existsSync(STATIC), 'Build Storybook first: npm run build-storybook');
    const index = JSON.parse(readFileSync(join(STATIC, 'index.json'), 'utf8'));
    stories = Object.values(index.entries).filter(
      (entry) => entry.type === 'story' && FILTER.test(entry.id),
    );
    site = await serveFolder(STATIC);
    browser = await chromium.launch({
      ...chromiumLaunchOptions(),
      args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
    });
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('never reaches the network, and every story finishes without an error', async () => {
    assert.ok(stories.length > 0, 'no stories');
    const attempts = [];
    const failures = [];
    const context = await browser.newContext();
    await context.addInitScript(recordStoryOutcome);
    let where = '';
    // A request for another host is fine only if the fake's service worker answered it.
    context.on('requestfinished', async (request) => {
      if (LOCAL.test(request.url())) return;
      const response = await request.response();
      if (!response?.fromServiceWorker()) attempts.push(`${where}: ${request.url()}`);
    });
    // Refused by Chromium (no such host). Not counted here: a request cut short by leaving the
    // page (ERR_ABORTED), and a connection the fake drops on purpose (ERR_FAILED); a request no
    // fake answered is refused by the service worker, which says so on the console (below).
    context.on('requestfailed', (request) => {
      const error = request.failure()?.errorText;
      if (
        !LOCAL.test(request.url()) &&
        error !== 'net::ERR_ABORTED' &&
        error !== 'net::ERR_FAILED'
      ) {
        attempts.push(`${where}: ${request.url()} (${request.failure()?.errorText})`);
      }
    });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.text().includes('refused a request for the network')) {
        attempts.push(`${where}: ${message.text()}`);
      }
    });
    const open = async (story, load) => {
      // Leave the last story first (its requests end as a tab closing ends them), then remove
      // the fake's service worker, so this load starts it from nothing.
      await page.goto(`${site.url}/__blank`);
      await page.evaluate(async () => {
        const registrations = await navigator.serviceWorker.getRegistrations();
        await Promise.all(registrations.map((registration) => registration.unregister()));
      });
      where = `${story.id} (load ${load})`;
      if (load > 1) {
        await page.goto(`${site.url}/iframe.html?id=${story.id}&viewMode=story`);
        return page.mainFrame();
      }
      await page.goto(`${site.url}/?path=/story/${story.id}`);
      const iframe = await page.waitForSelector('#storybook-preview-iframe', { state: 'attached' });
      return iframe.contentFrame();
    };
    const finished = (preview) =>
      preview
        .waitForFunction(() => window.__storyOutcome?.status && window.__storyOutcome, null, {
          timeout: 60_000,
        })
        .then((handle) => handle.jsonValue())
        .catch((error) => ({ status: 'timeout', errors: [String(error).split('\n')[0]] }));

    // The detector works: a request for another host, made from a story's page, is caught.
    const control = await open(stories[0], 2);
    await finished(control);
    await control.evaluate(() => fetch('https://escape.example/').catch(() => {}));
    await page.waitForTimeout(500);
    assert.ok(
      attempts.some((attempt) => attempt.includes('escape.example')),
      `the detector missed a request to another host: ${JSON.stringify(attempts)}`,
    );
    attempts.length = 0;

    for (const story of stories) {
      for (let load = 1; load <= LOADS; load++) {
        const outcome = await finished(await open(story, load));
        if (outcome.status !== 'success' || outcome.errors.length > 0) {
          failures.push(`${where}: ${outcome.status} ${outcome.errors.join('; ')}`);
        }
      }
    }
    await context.close();
    assert.deepEqual(attempts, [], 'a story reached for the network');
    assert.deepEqual(failures, [], 'a story did not finish cleanly');
  });
});
