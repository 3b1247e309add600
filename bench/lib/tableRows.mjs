// Turns each suite's raw figures into lines of the one results table.
import { count, kB, MB, ms, percent, plural, ratio, row } from './format.mjs';
import { median } from './stats.mjs';

export function sizeRows(sizes) {
  const { own, withKy, official, radix, aria } = sizes;
  const both = (size) => `${kB(size.gzip)} (${kB(size.brotli)} br)`;
  return [
    row(
      '1 Size',
      'Own code, min+gzip (brotli); peers and ky external',
      both(own),
      '',
      '',
      '≤ 5 kB gzip',
      own.gzip <= 5000,
    ),
    row(
      '1 Size',
      'With ky vs @superoffice/webapi AppointmentAgent + axios',
      both(withKy),
      both(official),
      ratio(withKy.gzip, official.gzip),
      '≤ 0.3×',
      withKy.gzip <= 0.3 * official.gzip,
    ),
    row(
      '1 Size',
      'Own code vs @radix-ui/react-checkbox',
      kB(own.gzip),
      kB(radix.gzip),
      ratio(own.gzip, radix.gzip),
      '',
      null,
    ),
    row(
      '1 Size',
      'Own code vs react-aria-components checkbox',
      kB(own.gzip),
      kB(aria.gzip),
      ratio(own.gzip, aria.gzip),
      '',
      null,
    ),
  ];
}

export function renderRows({ ours, naive, naiveMemo }) {
  const text = (r) =>
    `${plural(r.checkboxesRendered, 'checkbox', 'checkboxes')} (${plural(r.checkboxRenders, 'render', 'renders')}), ${plural(r.rowRenders, 'row', 'rows')}, ${plural(r.listRenders, 'list', 'lists')}, ${plural(r.commits, 'commit', 'commits')}`;
  const isolated = ours.checkboxesRendered === 1 && ours.rowRenders === 0 && ours.listRenders === 0;
  return [
    row(
      '2 Renders',
      'One toggle in 1,000 rows, click to settled, vs naive list query + setQueryData',
      text(ours),
      text(naive),
      `${ratio(ours.checkboxRenders, naive.checkboxRenders)} checkbox renders`,
      'exactly 1 checkbox; 0 rows, 0 lists',
      isolated,
    ),
    row(
      '2 Renders',
      'Same, vs naive list query with React.memo rows',
      text(ours),
      text(naiveMemo),
      `${ratio(ours.commits, naiveMemo.commits)} commits`,
      '',
      null,
    ),
  ];
}

export function clickRows(samples) {
  const ours = samples.ours;
  const toDom = (list) => median(list.map((s) => s.toDom));
  const toFrame = (list) => median(list.map((s) => s.toFrame));
  const inTask = ours.filter((s) => s.inClickTask && s.consistent).length;
  const firstFrame = ours.filter((s) => s.paintedInFrame === 1).length;
  const maxFrame = Math.max(...ours.map((s) => s.toFrame));
  return [
    row(
      '3 Feedback',
      'Click → DOM shows new state, median; fake WebAPI 300 ms; vs await-then-set',
      ms(toDom(ours)),
      ms(toDom(samples.awaitThenSet)),
      ratio(toDom(ours), toDom(samples.awaitThenSet)),
      `in the click's task: ${inTask}/${ours.length}`,
      inTask === ours.length,
    ),
    row(
      '3 Feedback',
      'Click → DOM, median, vs generated useMutation + Radix (optimistic useState)',
      ms(toDom(ours)),
      ms(toDom(samples.generatedHook)),
      ratio(toDom(ours), toDom(samples.generatedHook)),
      '',
      null,
    ),
    row(
      '3 Feedback',
      'Click → next painted frame, median (max); vs await-then-set',
      `${ms(toFrame(ours))} (${ms(maxFrame)})`,
      ms(toFrame(samples.awaitThenSet)),
      ratio(toFrame(ours), toFrame(samples.awaitThenSet)),
      `first frame after the click: ${firstFrame}/${ours.length}`,
      firstFrame === ours.length,
    ),
  ];
}

export function mountRows(samples) {
  const total = (kind) => median(samples[kind].map((s) => s.total));
  const ours = total('ours');
  // Each round mounts every kind back to back: the ratio within a round is immune to the
  // machine slowing down between rounds, so the median of those ratios is the figure.
  const pairedRatio = (kind) =>
    median(samples.ours.map((sample, round) => sample.total / samples[kind][round].total));
  const versus = (kind, label, limit) =>
    row(
      '4 Mount',
      `1,000 with label, median of ${samples[kind].length} rounds; vs ${label}`,
      ms(ours),
      ms(total(kind)),
      ratio(pairedRatio(kind), 1),
      limit === undefined ? '' : `≤ ${limit.toFixed(1)}×`,
      limit === undefined ? null : pairedRatio(kind) <= limit,
    );
  return [
    versus('aria', 'React Aria CheckboxField', 1.0),
    versus('radix', 'Radix Checkbox', 1.5),
    versus('generatedHook', 'Radix + generated useMutation'),
    versus('plain', 'plain <input> + useState'),
  ];
}

export function memoryRows(result) {
  const oursBytes = result.ours.js - result.emptyAgain.js;
  const plainBytes = result.plain.js - result.empty.js;
  const { beforeToggles: before, afterToggles: after } = result;
  const growth = (after.js - before.js) / before.js;
  return [
    row(
      '5 Memory',
      `JS heap of ${count(result.count)} mounted rows vs plain <input> rows`,
      MB(oursBytes),
      MB(plainBytes),
      ratio(oursBytes, plainBytes),
      '',
      null,
    ),
    row(
      '5 Memory',
      `JS heap after ${count(result.toggles)} more toggles vs before`,
      `${MB(before.js)} → ${MB(after.js)}`,
      '',
      percent(growth),
      '≤ +5%',
      growth <= 0.05,
    ),
  ];
}

export function burstRows(results) {
  return results.ours.map((ours, index) => {
    const theirs = results.generatedHook[index];
    const rightEnd = (r) =>
      r.server === r.intended && r.shown === (r.intended === 'Completed' ? 'checked' : 'unchecked');
    const describe = (r) =>
      `${plural(r.requests, 'request', 'requests')}, ends ${rightEnd(r) ? 'at last intent' : `WRONG (${r.server})`}`;
    return row(
      '6 Burst',
      `${plural(ours.clicks, 'click', 'clicks')} during a 300 ms request; vs generated useMutation`,
      describe(ours),
      describe(theirs),
      ratio(ours.requests, theirs.requests),
      '≤ 2 requests, last intent',
      ours.requests <= 2 && rightEnd(ours),
    );
  });
}

export function clientRows({ calls, durations }) {
  const ours = median(durations.ours);
  const raw = median(durations.rawFetch);
  const kyAlone = median(durations.ky);
  const official = median(durations.official);
  const us = (value) => `${(value * 1000).toFixed(0)} µs`;
  return [
    row(
      '7 Client',
      `${count(calls)} sequential toggles over loopback, median per call; vs raw fetch`,
      us(ours),
      us(raw),
      ratio(ours, raw),
      '≤ 1.2×',
      ours / raw <= 1.2,
    ),
    row(
      '7 Client',
      'Same, vs @superoffice/webapi toggleActivityAsync (axios)',
      us(ours),
      us(official),
      ratio(ours, official),
      '',
      null,
    ),
    row(
      '7 Client',
      'Of which ky: ky alone, configured as the client configures it, vs raw fetch',
      us(kyAlone),
      us(raw),
      ratio(kyAlone, raw),
      '',
      null,
    ),
  ];
}
