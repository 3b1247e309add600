export const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
export const MB = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
export const ms = (value) => `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`;
export const count = (value) => value.toLocaleString('en-US');
export const plural = (value, one, many) => `${count(value)} ${value === 1 ? one : many}`;
export const percent = (fraction) => `${fraction >= 0 ? '+' : ''}${(fraction * 100).toFixed(1)}%`;

export function ratio(ours, theirs) {
  const value = ours / theirs;
  return `${value < 0.1 ? value.toFixed(3) : value.toFixed(2)}×`;
}

/**
 * One line of the results table; `met` is true, false, or null when there is no target.
 * `missNote` says what the miss comes from and what meeting the target would take.
 */
export function row(section, measure, ours, alternative, ratioText, target, met, missNote) {
  return { section, measure, ours, alternative, ratio: ratioText, target, met, missNote };
}

export function markdownTable(rows) {
  const header = ['#', 'Measure', 'This library', 'Alternative', 'Ratio', 'Target', 'Met'];
  const lines = rows.map((r) => [
    r.section,
    r.measure,
    r.ours,
    r.alternative,
    r.ratio,
    r.target,
    r.met === null ? '' : r.met ? 'yes' : '**no**',
  ]);
  return [header, header.map(() => '---'), ...lines]
    .map((cells) => `| ${cells.map((cell) => String(cell).replaceAll('|', '\\|')).join(' | ')} |`)
    .join('\n');
}
