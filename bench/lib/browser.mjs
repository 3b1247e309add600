// One Chromium for every browser row, launched the project's way (scripts/chromium.mjs), with
// window.gc() available for the rows that measure memory or want a quiet heap.
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';

export async function launchBrowser() {
  const options = chromiumLaunchOptions();
  return chromium.launch({ ...options, args: [...options.args, '--js-flags=--expose-gc'] });
}

/** A fresh page (own context: own heap accounting, no leftovers) with the bench page loaded. */
export async function openBenchPage(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      console.error(`[page ${message.type()}] ${message.text()}`);
    }
  });
  await page.goto(url);
  await page.waitForFunction(() => window.bench !== undefined);
  return { page, close: () => context.close() };
}
