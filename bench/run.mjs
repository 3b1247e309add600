// `npm run bench`: every row of bench/results.md in one run on this machine, printed as one
// table and written to bench/results.md. Needs `npm run build` first (the script does it).
import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { launchBrowser } from './lib/browser.mjs';
import { buildPages, PAGES_DIR, PROFILING_DIR } from './lib/buildPages.mjs';
import { markdownTable } from './lib/format.mjs';
import { describeMachine } from './lib/machine.mjs';
import { serveStatic } from './lib/staticServer.mjs';
import { median, percentile } from './lib/stats.mjs';
import {
  burstRows,
  clickRows,
  clientRows,
  memoryRows,
  mountRows,
  renderRows,
  sizeRows,
} from './lib/tableRows.mjs';
import { measureClientOverhead } from './node/clientOverhead.mjs';
import { measureSizes } from './size/measureSize.mjs';
import {
  runBursts,
  runClickToFeedback,
  runMemory,
  runMountCost,
  runRenderIsolation,
} from './suites/browserSuites.mjs';

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
} finally {
  await browser.close().catch(() => undefined);
  await server.close();
}
const machine = describeMachine(browser.version());

const table = markdownTable([
  ...sizeRows(raw.sizes),
  ...renderRows(raw.render),
  ...clickRows(raw.click),
  ...mountRows(raw.mount),
  ...memoryRows(raw.memory),
  ...burstRows(raw.bursts),
  ...clientRows(raw.client),
]);
const machineLine = `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}; Node ${machine.node}; Chromium ${machine.chromium}; load average at the start ${loadAtStart}`;
const packagesLine = Object.entries(machine.packages)
  .map(([name, version]) => `${name} ${version}`)
  .join(', ');
const seconds = ((performance.now() - started) / 1000).toFixed(0);

console.log(`\nMachine: ${machineLine}\nPackages: ${packagesLine}\n\n${table}\n`);
await writeFile(
  new URL('./results.md', import.meta.url),
  resultsMarkdown({ table, machineLine, packagesLine, seconds, raw }),
);
progress('done: bench/results.md written');

function resultsMarkdown({ table, machineLine, packagesLine, seconds, raw }) {
  return `# Benchmarks

Written by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)} in ${seconds} s.
Every ratio compares figures measured in this same run, on this machine:

- **Machine:** ${machineLine}
- **Packages:** ${packagesLine}

${table}

## How each row is measured

1. **Size**: each entry bundled like size-limit's preset-small-lib (rolldown, minified,
   tree-shaken, \`process.env.NODE_ENV = "production"\`), then gzip -9 and brotli -11.
   "Own code" is \`dist/index.js\` with react, react-dom, @tanstack/react-query and ky external;
   "with ky" bundles ky too. The official client is an entry that imports \`AppointmentAgent\`
   from \`@superoffice/webapi\` and calls \`toggleActivityAsync\` (axios and the agent's
   converters included). Radix and React Aria are bundled with react external. The budgets in
   \`.size-limit.json\` (run by \`npm test\`) guard the first two.
2. **Render isolation**: 1,000 rows, each an \`ActivityCompleteCheckbox\` inside a
   \`<Profiler>\`; a render counter in the row and the list components; React's profiling build
   (production build with working Profilers). One checkbox is clicked; everything rendered
   from the click until the toggle settled (fake WebAPI in-page, no latency) is counted. The
   naive baseline keeps the whole list in one \`useQuery\` and patches it with
   \`setQueryData\` on click and again with the answer.
3. **Click-to-feedback**: the fake answers after 300 ms. In-page \`element.click()\`; a
   MutationObserver timestamps the \`data-state\` change (and checks \`checked\` /
   \`aria-checked\` agree), a \`setTimeout(0)\` queued before the click tells whether that was
   still the click's task, and \`requestAnimationFrame\` + a following task marks the frame that
   painted it. ${raw.click.ours.length} clicks per variant, interleaved. Baselines:
   await-then-set (a plain input that awaits the request, then sets state) and the generated
   \`useMutation\` + Radix checkbox with optimistic \`useState\`.
4. **Mount cost**: \`flushSync(root.render(...))\` of 1,000 checkboxes with a label, then a
   forced layout (\`offsetHeight\`); fresh root (and QueryClient where needed) each time, GC
   before each; 3 warm-up rounds, then ${raw.mount.ours.length} rounds in rotating order; medians.
5. **Memory**: JS heap (\`Runtime.getHeapUsage\` usedSize after three
   \`HeapProfiler.collectGarbage\`) with 1,000 rows mounted, minus the empty page, against the
   same list with plain inputs. Then 1,000 toggles (one per row, all at once, fake at 0 ms) to
   warm up and give React its second fiber tree, then ${raw.memory.withDefaults.toggles.toLocaleString('en-US')} more in batches of 1,000,
   waiting for every toggle to settle between batches; growth is after vs before those. The
   fake's request log is cleared between batches. Run twice: react-query defaults (finished
   mutations are kept for gcTime, 5 minutes), and \`mutations.gcTime: 0\`.
6. **Requests per burst**: 1, 2, 3 and 10 clicks 20 ms apart on one checkbox while the fake
   takes 300 ms per request; requests counted by the fake; the server's final status and the
   checkbox's final state compared with the last click's intent.
7. **Client overhead**: Node ${machine.node}, \`startFakeWebApiServer\` over loopback; the
   library's \`toggleActivity\`, \`fetch\` with the same headers and body, ky with the options
   the client gives it (to tell ky's share from the library's), and
   \`AppointmentAgent.toggleActivityAsync\` (axios; its camelCase \`activityIdentifier\` body
   gets a PascalCase twin because the fake's binder, unlike the real server's, is
   case-sensitive), interleaved call by call in rotating order after 100 warm-up rounds;
   medians of ${raw.client.calls.toLocaleString('en-US')} calls each.

## Raw figures

<details><summary>JSON</summary>

\`\`\`json
${JSON.stringify(summarize(raw), null, 1)}
\`\`\`

</details>
`;
}

// Per-call durations are summarized; everything else is small enough to keep whole.
function summarize(raw) {
  const durations = Object.fromEntries(
    Object.entries(raw.client.durations).map(([name, values]) => [
      name,
      { medianMs: median(values), p90Ms: percentile(values, 0.9) },
    ]),
  );
  return { ...raw, client: { calls: raw.client.calls, durations } };
}
