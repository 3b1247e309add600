// `npm run bench`: every row of bench/results.md in one run on this machine, printed as one
// table and written to bench/.out/ (ignored by git). `npm run bench -- --record` also copies the
// page to bench/results.md, the one the README cites. Needs `npm run build` first (the script
// does it).
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { launchBrowser } from './lib/browser.mjs';
import { buildPages, PAGES_DIR, PROFILING_DIR } from './lib/buildPages.mjs';
import { markdownTable } from './lib/format.mjs';
import { describeMachine } from './lib/machine.mjs';
import { resultsMarkdown } from './lib/resultsMarkdown.mjs';
import { serveStatic } from './lib/staticServer.mjs';
import {
  burstRows,
  clickRows,
  clientRows,
  faultRows,
  memoryRows,
  mountRows,
  renderRows,
  scaleRows,
  sizeRows,
  tabSyncRows,
} from './lib/tableRows.mjs';
import { measureClientOverhead } from './node/clientOverhead.mjs';
import { measureSizes } from './size/measureSize.mjs';
import {
  runBursts,
  runClickAtScale,
  runClickToFeedback,
  runFaults,
  runMemory,
  runMountCost,
  runRenderIsolation,
  runTabSyncCost,
} from './suites/browserSuites.mjs';

const OUT_DIR = new URL('./.out/', import.meta.url);
const RECORDED = new URL('./results.md', import.meta.url);
const record = process.argv.includes('--record');

const started = performance.now();
// Other work on the machine shows here: the ratios are meant to survive it, absolutes less so.
const loadAtStart = loadavg()[0].toFixed(1);
const progress = (message) =>
  console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0)}s] ${message}`);

progress('building the bench pages (vite, production and profiling builds)');
await buildPages();
progress('1 size');
const sizes = await measureSizes();
// Before Chromium starts, so that the browser does not compete for the two cores.
progress('7 client overhead over loopback');
const client = await measureClientOverhead();

const server = await serveStatic({ pages: PAGES_DIR, profiling: PROFILING_DIR });
const browser = await launchBrowser();
const chromiumVersion = browser.version();
const raw = { sizes, client };
try {
  const pages = `${server.origin}/pages/`;
  progress('2 render isolation');
  raw.render = await runRenderIsolation(browser, `${server.origin}/profiling/`);
  progress('3 click-to-feedback');
  raw.click = await runClickToFeedback(browser, pages);
  progress('4 mount cost');
  raw.mount = await runMountCost(browser, pages);
  progress('5 memory');
  raw.memory = await runMemory(browser, pages);
  progress('6 requests per burst');
  raw.bursts = await runBursts(browser, pages);
  progress('8 click at scale (100 and 10,000 rows)');
  raw.scale = await runClickAtScale(browser, pages);
  progress('9 faults: stale view, resend, drop');
  raw.faults = await runFaults(browser, pages);
  progress('10 tab sync on vs off');
  raw.tabSync = await runTabSyncCost(browser, pages);
} finally {
  await browser.close().catch(() => undefined);
  await server.close();
}
const machine = describeMachine(chromiumVersion);

const rows = [
  ...sizeRows(raw.sizes),
  ...renderRows(raw.render),
  ...clickRows(raw.click),
  ...mountRows(raw.mount),
  ...memoryRows(raw.memory),
  ...burstRows(raw.bursts),
  ...clientRows(raw.client),
  ...scaleRows(raw.scale),
  ...faultRows(raw.faults),
  ...tabSyncRows(raw.tabSync),
];
const table = markdownTable(rows);
const machineLine = `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}; Node ${machine.node}; Chromium ${machine.chromium}; load average at the start ${loadAtStart}`;
const packagesLine = Object.entries(machine.packages)
  .map(([name, version]) => `${name} ${version}`)
  .join(', ');
const seconds = ((performance.now() - started) / 1000).toFixed(0);

console.log(`\nMachine: ${machineLine}\nPackages: ${packagesLine}\n\n${table}\n`);
await mkdir(OUT_DIR, { recursive: true });
const written = new URL('results.md', OUT_DIR);
await writeFile(
  written,
  resultsMarkdown({ rows, table, machineLine, packagesLine, seconds, raw, node: machine.node }),
);
await writeFile(new URL('raw.json', OUT_DIR), `${JSON.stringify(raw, null, 1)}\n`);
if (record) await copyFile(written, RECORDED);
progress(
  record
    ? 'done: bench/.out/results.md written and recorded to bench/results.md'
    : 'done: bench/.out/results.md written (npm run bench -- --record copies it to bench/results.md)',
);
