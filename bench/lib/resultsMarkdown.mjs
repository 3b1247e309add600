// The results page: the table, what the misses come from, how each row is measured, and the
// figures behind the table (medians; every sample is in bench/.out/raw.json).
import { median, percentile } from './stats.mjs';

export function resultsMarkdown({ rows, table, machineLine, packagesLine, seconds, raw, node }) {
  return `# Benchmarks

Written by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)} in ${seconds} s;
\`npm run bench -- --record\` copies it here from bench/.out/results.md.
Every ratio compares figures measured in this same run, on this machine:

- **Machine:** ${machineLine}
- **Packages:** ${packagesLine}

${table}
${misses(rows)}
## How each row is measured

1. **Size**: each entry bundled like size-limit's preset-small-lib (rolldown, minified,
   tree-shaken, \`process.env.NODE_ENV = "production"\`), then gzip -9 and brotli -11.
   "Own code" is \`dist/index.js\` with react, react-dom, @tanstack/react-query and ky external;
   "with ky" bundles ky too. The official client is an entry that imports \`AppointmentAgent\`
   from \`@superoffice/webapi\` and calls \`toggleActivityAsync\` (axios and the agent's
   converters included). Radix and React Aria are bundled with react external. The own-code
   target is issue 14's 6.8 kB; \`.size-limit.json\` (run by \`npm test\`) holds a budget at
   today's size so that it cannot grow unseen.
2. **Renders**: 1,000 rows, each an \`ActivityCompleteCheckbox\` inside a
   \`<Profiler id={activityIdentifier}>\`; a render counter in the row and the list components;
   React's profiling build (production build with working Profilers). One checkbox is clicked;
   every commit from the click until the toggle settled (no request open, no mutation running,
   next frame, then 50 ms more) is counted, with the fake WebAPI in-page answering at once and
   after 300 ms. A Profiler reports once per commit its subtree rendered in, so the clicked
   checkbox's count is its commits. The naive baseline keeps the whole list in one
   \`useQuery\` and patches it with \`setQueryData\` on click and again with the answer; the
   memo variant adds \`React.memo\` rows. The same count is asserted, without timing, by
   \`test/browser/commitCount.test.tsx\`.
3. **Click-to-feedback**: the fake answers after 300 ms. In-page \`element.click()\`; a
   MutationObserver timestamps the \`data-state\` change (and checks \`checked\` /
   \`aria-checked\` agree), a \`setTimeout(0)\` queued before the click tells whether that was
   still the click's task, and \`requestAnimationFrame\` + a following task marks the frame that
   painted it. ${raw.click.ours.length} clicks per variant, interleaved. Baselines:
   await-then-set (a plain input that awaits the request, then sets state) and the generated
   \`useMutation\` + Radix checkbox with optimistic \`useState\`.
4. **Mount cost**: \`flushSync(root.render(...))\` of 1,000 checkboxes with a label, then a
   forced layout (\`offsetHeight\`); fresh root (and QueryClient where needed) each time, GC
   before each; 3 warm-up rounds, then ${raw.mount.ours.length} rounds, each mounting every kind in
   rotating order. Times are medians; ratios are medians of the ratios within each round.
5. **Memory**: JS heap (\`Runtime.getHeapUsage\` usedSize after three
   \`HeapProfiler.collectGarbage\` over Chromium's CDP session) with 1,000 rows mounted, minus
   the empty page, divided by 1,000, against the same list with plain inputs and \`useState\`;
   a heap snapshot of each mounted list, counted per kind of JS object (fibers told by their
   \`memoizedProps\` field, the page being minified), says where a row's extra bytes are.
   Then 1,000 toggles (one per row, all at once, fake at 0 ms) to warm up and give React its
   second fiber tree, then ${raw.memory.toggles.toLocaleString('en-US')} more in batches of 1,000,
   waiting for every toggle to settle between batches; growth is after vs before those. The
   fake's request log is cleared between batches. Default \`QueryClient\`.
6. **Requests per burst**: 1, 2, 3 and 10 clicks 20 ms apart on one checkbox while the fake
   takes 300 ms per request; toggle requests and status reads counted by the fake (the ratio
   compares all requests); the server's final status and the checkbox's final state compared
   with the last click's intent.
7. **Client overhead**: Node ${node}, \`startFakeWebApiServer\` over loopback; the
   library's \`toggleActivity\`, ky called with the options the client gives it (\`ky.post\`
   with prefix, timeout, \`retry: 0\`, \`redirect: 'manual'\`, the same headers and body: ky's
   share is ky's, the rest is the library's own layer), \`fetch\` with the same headers and
   body, and \`AppointmentAgent.toggleActivityAsync\` (axios; its camelCase
   \`activityIdentifier\` body gets a PascalCase twin because the fake's binder, unlike the
   real server's, is case-sensitive), interleaved call by call in rotating order after 100
   warm-up rounds; medians of ${raw.client.calls.toLocaleString('en-US')} calls each.
8. **Scale**: this library's list and the plain-input list (\`useState\` per row, no network),
   ${Object.keys(raw.scale.ours)
     .map(Number)
     .map((n) => n.toLocaleString('en-US'))
     .join(' and ')} rows each, mounted in turn (alternating order, fresh QueryClient each
   time; production build); clicks spread over the list, one warm-up click per mount; click →
   DOM as in row 3, and click → settled with the fake at 0 ms. Ratio of the medians; the plain
   list's own ratio tells React's share of the growth.
9. **Faults**: one checkbox showing open, one click (intent Completed), fake at 20 ms, provider
   \`timeout\` 300 ms, fresh QueryClient each time: a stale view (\`fake.setStatus\` Completed
   before the click), the browser's resend (\`inject({ appliedTwice: true })\` on the first
   toggle) and a drop (\`inject({ drop: 'before-apply' })\`). Toggles and reads counted by the
   fake from the click until settled (mount reads excluded); the server's end status against the
   intent. The alternative is a plain optimistic \`useMutation\` over the same
   \`client.toggleActivity\` that takes the answer as the truth and rolls back on error.
10. **Tab sync**: two checkboxes on one page, one under the default provider (Web Locks,
   BroadcastChannel, localStorage intents), one under \`syncTabs={false} persist={false}\` (another
   site, so that they share no lane), fake at 0 ms, clicked alternately (2 warm-up clicks each);
   click → settled as in row 8. Ratio of the medians; "within noise" when 1 lies between the
   25th and 75th percentiles of the per-pair ratios.

## Raw figures

<details><summary>JSON</summary>

\`\`\`json
${JSON.stringify(summarize(raw), null, 1)}
\`\`\`

</details>
`;
}

// Samples become medians here (the raw ones go to bench/.out/raw.json); small results stay whole.
function summarize(raw) {
  const medians = (samples) =>
    Object.fromEntries(
      Object.keys(samples[0] ?? {})
        .filter((key) => typeof samples[0][key] === 'number')
        .map((key) => [`${key}Median`, round(median(samples.map((sample) => sample[key])))]),
    );
  const perVariant = (byVariant) =>
    Object.fromEntries(
      Object.entries(byVariant).map(([name, samples]) => [
        name,
        { samples: samples.length, ...medians(samples) },
      ]),
    );
  const durations = Object.fromEntries(
    Object.entries(raw.client.durations).map(([name, values]) => [
      name,
      { medianMs: round(median(values)), p90Ms: round(percentile(values, 0.9)) },
    ]),
  );
  const { batchResults, ...memory } = raw.memory;
  return {
    ...raw,
    client: { calls: raw.client.calls, durations },
    click: perVariant(raw.click),
    mount: perVariant(raw.mount),
    memory: { ...memory, batches: batchResults.length },
    tabSync: Object.fromEntries(
      Object.entries(raw.tabSync).map(([variant, values]) => [
        variant,
        { samples: values.length, medianMs: round(median(values)) },
      ]),
    ),
    scale: Object.fromEntries(
      Object.entries(raw.scale).map(([variant, bySize]) => [variant, perVariant(bySize)]),
    ),
  };
}

const round = (value) => Math.round(value * 1000) / 1000;

// One note per missed target, written by the row that missed it.
function misses(rows) {
  const notes = rows
    .filter((r) => r.met === false && r.missNote)
    .map((r) => `- **${r.section.replace(/^\d+ /, '')}:** ${r.missNote}`);
  return notes.length
    ? `\n## Where targets are missed, and what meeting them takes\n\n${notes.join('\n')}\n`
    : '';
}
