// Takes the README's screenshots of the checkbox from the States story of the static Storybook
// build (npm run build-storybook first): docs/checkbox-states-light.png and -dark.png, and the
// Storybook UI on the Overview, docs/storybook.png.
//   node .storybook/docsScreenshots.mjs
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { serveFolder } from '../test/storybook/staticServer.mjs';

const ROOT = join(import.meta.dirname, '..');
const site = await serveFolder(join(ROOT, 'storybook-static'));
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  for (const theme of ['light', 'dark']) {
    const page = await browser.newPage({
      deviceScaleFactor: 2,
      viewport: { width: 640, height: 480 },
    });
    await page.goto(
      `${site.url}/iframe.html?id=activitycompletecheckbox--states&viewMode=story&globals=theme:${theme}`,
    );
    // The play function leaves one row saving and one refused.
    await page.locator('[data-testid="states"] [role="alert"]').waitFor();
    await page.locator('[data-testid="states"] input[data-pending]').waitFor();
    const card = page.locator('[data-theme]').filter({ has: page.getByTestId('states') });
    const path = join(ROOT, 'docs', `checkbox-states-${theme}.png`);
    await card.screenshot({ path, animations: 'disabled' });
    console.log(`wrote ${path}`);
    await page.close();
  }
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  await page.goto(`${site.url}/?path=/story/activitycompletecheckbox--overview&panel=false`);
  const preview = await (await page.waitForSelector('#storybook-preview-iframe')).contentFrame();
  // Once the Overview's play function is done (it ends where it began).
  await preview.waitForFunction(
    () => window.__STORYBOOK_PREVIEW__?.storyRenders?.[0]?.phase === 'finished',
    null,
    { timeout: 60_000 },
  );
  await page.screenshot({ path: join(ROOT, 'docs', 'storybook.png'), animations: 'disabled' });
  console.log('wrote docs/storybook.png');
} finally {
  await browser.close();
  await site.close();
}
