// Rows 2–6 and 8–10: drive the scenarios of bench/browser in Chromium and return their raw figures.
import { openBenchPage } from '../lib/browser.mjs';
import { heapByKind, perRow } from '../lib/heapSnapshot.mjs';

/**
 * Row 2, on the profiling build (the only production build whose <Profiler>s report): every list
 * variant with the fake answering at once and after 300 ms.
 */
export async function runRenderIsolation(browser, profilingUrl, { latencies = [0, 300] } = {}) {
  const { page, close } = await openBenchPage(browser, profilingUrl);
  try {
    const results = {};
    for (const variant of ['ours', 'naive', 'naiveMemo']) {
      results[variant] = [];
      for (const latency of latencies) {
        results[variant].push(
          await page.evaluate(
            ([name, ms]) => window.bench.renderIsolation(name, ms),
            [variant, latency],
          ),
        );
      }
    }
    return results;
  } finally {
    await close();
  }
}

/** Row 3. */
export async function runClickToFeedback(browser, url, { latencyMs = 300, samples = 15 } = {}) {
  const { page, close } = await openBenchPage(browser, url);
  try {
    return await page.evaluate(
      ([latency, count]) => window.bench.clickToFeedback(latency, count),
      [latencyMs, samples],
    );
  } finally {
    await close();
  }
}

/** Row 4. */
export async function runMountCost(browser, url, { count = 1000, warmups = 3, runs = 15 } = {}) {
  const { page, close } = await openBenchPage(browser, url);
  try {
    return await page.evaluate(
      ([n, w, r]) => window.bench.mountCost(n, w, r),
      [count, warmups, runs],
    );
  } finally {
    await close();
  }
}

/** Row 5: heap read over CDP after forced collections, between steps run in the page. */
export async function runMemory(browser, url, { count = 1000, batches = 10 } = {}) {
  const { page, close } = await openBenchPage(browser, url);
  try {
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      for (let pass = 0; pass < 3; pass++) await cdp.send('HeapProfiler.collectGarbage');
      const usage = await cdp.send('Runtime.getHeapUsage');
      return { js: usage.usedSize, dom: usage.embedderHeapUsedSize ?? 0 };
    };
    const step = (name, ...args) =>
      page.evaluate(([fn, rest]) => window.bench[fn](...rest), [name, args]);

    // Warm up: compile every path once, so that code does not count as data.
    await step('memoryMount', 'ours', count);
    await step('memoryToggleBatch');
    await step('memoryUnmount');
    await step('memoryMount', 'plain', count);
    await step('memoryUnmount');

    // Each snapshot is taken after the heap reading beside it, so that it does not count there.
    const empty = await heap();
    await step('memoryMount', 'plain', count);
    const plain = await heap();
    const plainKinds = await heapByKind(cdp);
    await step('memoryUnmount');
    const emptyAgain = await heap();
    await step('memoryMount', 'ours', count);
    const ours = await heap();
    const oursKinds = await heapByKind(cdp);
    // The first toggle of each row gives React its second fiber tree; growth is counted after it.
    const firstBatch = await step('memoryToggleBatch');
    const beforeToggles = await heap();
    const batchResults = [];
    for (let batch = 0; batch < batches; batch++)
      batchResults.push(await step('memoryToggleBatch'));
    const afterToggles = await heap();
    await step('memoryUnmount');
    return {
      count,
      toggles: batches * count,
      empty,
      plain,
      emptyAgain,
      ours,
      // What a row of this library's list holds beyond a plain row, per kind of JS object.
      extraPerRow: perRow(plainKinds, oursKinds, count).slice(0, 8),
      firstBatch,
      beforeToggles,
      afterToggles,
      batchResults,
    };
  } finally {
    await close();
  }
}

/** Row 6. */
export async function runBursts(
  browser,
  url,
  { clickCounts = [1, 2, 3, 10], latencyMs = 300 } = {},
) {
  const { page, close } = await openBenchPage(browser, url);
  try {
    const results = { ours: [], generatedHook: [] };
    for (const clicks of clickCounts) {
      for (const variant of Object.keys(results)) {
        results[variant].push(
          await page.evaluate(
            ([name, n, latency]) => window.bench.burst(name, n, latency),
            [variant, clicks, latencyMs],
          ),
        );
      }
    }
    return results;
  } finally {
    await close();
  }
}

/** Row 8. */
export async function runClickAtScale(
  browser,
  url,
  { rowCounts = [100, 10_000], rounds = 3, clicksPerRound = 7 } = {},
) {
  const { page, close } = await openBenchPage(browser, url);
  try {
    return await page.evaluate(
      ([counts, r, c]) => window.bench.clickAtScale(counts, r, c),
      [rowCounts, rounds, clicksPerRound],
    );
  } finally {
    await close();
  }
}

/** Row 9: each fault for each variant, on a fresh world. */
export async function runFaults(browser, url, { kinds = ['stale', 'resend', 'drop'] } = {}) {
  const { page, close } = await openBenchPage(browser, url);
  try {
    const results = { ours: [], optimistic: [] };
    for (const kind of kinds) {
      for (const variant of Object.keys(results)) {
        results[variant].push(
          await page.evaluate(([name, k]) => window.bench.fault(name, k), [variant, kind]),
        );
      }
    }
    return results;
  } finally {
    await close();
  }
}

/** Row 10. */
export async function runTabSyncCost(browser, url, { clicks = 30 } = {}) {
  const { page, close } = await openBenchPage(browser, url);
  try {
    return await page.evaluate((n) => window.bench.tabSyncCost(n), clicks);
  } finally {
    await close();
  }
}
