import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { KNOWN_VIOLATIONS, knownViolationOf } from './knownViolations.js';
import type { SequenceResult } from './runSequence.js';

/** Totals over every sequence a fuzz run played (shrinking included). */
export class FuzzSummary {
  sequences = 0;
  clicks = 0;
  toggles = 0;
  reads = 0;
  mountReadBacks = 0;
  runs = 0;
  violations = 0;
  /** Sequences played in two tabs at once, and the tab events of all of them. */
  twoTabSequences = 0;
  readonly tabs: SequenceResult['tabs'] = {
    tabs: 0,
    reloads: 0,
    closes: 0,
    reopens: 0,
    recoveries: 0,
    resumed: 0,
    lockTimeouts: 0,
    offline: 0,
    leftInFlight: 0,
  };
  /** The first violations of no known kind, for the report. */
  readonly examples: string[] = [];
  /** Per kind of violation of no known kind (numbers blanked): how many, and the smallest sequence. */
  readonly unknownKinds = new Map<string, { count: number; sequence: string; actions: number }>();
  /** Per known library bug: how many violations, and the smallest sequence that showed it. */
  readonly known = new Map<string, { count: number; sequence: string; actions: number }>();
  readonly outcomes = new Map<string, number>();
  readonly injected = new Map<string, number>();
  // performance.now: Date is virtual during the run.
  readonly startedAt = performance.now();

  add(result: SequenceResult): void {
    this.sequences += 1;
    this.clicks += result.clicks;
    this.toggles += result.toggles;
    this.reads += result.reads;
    this.mountReadBacks += result.mountReadBacks;
    this.runs += result.runs;
    this.violations += result.violations.length;
    if (result.sequence.tabs > 1) this.twoTabSequences += 1;
    for (const [name, count] of Object.entries(result.tabs)) {
      this.tabs[name as keyof SequenceResult['tabs']] += count;
    }
    for (const violation of result.violations) {
      const known = knownViolationOf(violation);
      if (!known) {
        if (this.examples.length < 20) this.examples.push(violation);
        const kind = violation
          .replace(/^step \d+: /, '')
          .replace(/\d+/g, 'N')
          .replace(/[{[].*/, '…');
        const seen = this.unknownKinds.get(kind);
        const actions = result.sequence.actions.length;
        if (!seen || actions < seen.actions) {
          const sequence = JSON.stringify(result.sequence);
          this.unknownKinds.set(kind, { count: (seen?.count ?? 0) + 1, sequence, actions });
        } else {
          seen.count += 1;
        }
        continue;
      }
      const seen = this.known.get(known.name);
      const actions = result.sequence.actions.length;
      if (!seen || actions < seen.actions) {
        const sequence = JSON.stringify(result.sequence);
        this.known.set(known.name, { count: (seen?.count ?? 0) + 1, sequence, actions });
      } else {
        seen.count += 1;
      }
    }
    for (const outcome of result.outcomes) increment(this.outcomes, outcome);
    for (const fault of result.injected) increment(this.injected, fault);
  }

  /** Known library bugs met, with the smallest sequence that showed each. */
  knownExamples(): Record<string, string> {
    return Object.fromEntries([...this.known].map(([name, { sequence }]) => [name, sequence]));
  }

  toMarkdown(settings: { seed: number; runs: number; command: string }): string {
    const seconds = ((performance.now() - this.startedAt) / 1000).toFixed(1);
    const met = [...this.outcomes.entries()].sort(byName);
    const injected = [...this.injected.entries()].sort(byName);
    return [
      '# Toggle fuzz: last run',
      '',
      `\`${settings.command}\` — seed ${settings.seed}, ${settings.runs} runs asked, ${seconds} s.`,
      '',
      '| figure | value |',
      '| --- | --- |',
      `| sequences played | ${this.sequences} |`,
      `| clicks | ${this.clicks} |`,
      `| toggle requests (a renewed 401's resend included) | ${this.toggles} |`,
      `| read requests | ${this.reads} |`,
      `| of which read-backs of a mounting view | ${this.mountReadBacks} |`,
      `| runs of a lane judged at their end | ${this.runs} |`,
      `| sequences in two tabs at once (the rest in one) | ${this.twoTabSequences} |`,
      `| page loads (tabs opened, reloads and a fresh tab at the end included) | ${this.tabs.tabs} |`,
      `| reloads mid-run | ${this.tabs.reloads} |`,
      `| tabs closed / opened again | ${this.tabs.closes} / ${this.tabs.reopens} |`,
      `| toggles a closed or reloaded tab left in flight at the server | ${this.tabs.leftInFlight} |`,
      `| intents resumed by another page load (rule 13) | ${this.tabs.resumed} |`,
      `| sequences ended by a fresh tab taking over what closed tabs left | ${this.tabs.recoveries} |`,
      `| waits for another tab's turn that ran out (rule 12) | ${this.tabs.lockTimeouts} |`,
      `| offline periods | ${this.tabs.offline} |`,
      `| invariant violations | ${this.violations} |`,
      `| of which known library bugs (listed below) | ${[...this.known.values()].reduce((sum, { count }) => sum + count, 0)} |`,
      '',
      'Faults injected, by kind (a fault stays unmet when its activity sends nothing more):',
      '',
      '| fault | injected |',
      '| --- | --- |',
      ...injected.map(([kind, count]) => `| ${kind} | ${count} |`),
      '',
      'What the requests met:',
      '',
      '| request: outcome | requests |',
      '| --- | --- |',
      ...met.map(([kind, count]) => `| ${kind} | ${count} |`),
      '',
      ...[...this.known].flatMap(([name, { count, sequence }]) => [
        `Known library bug, ${count} violations: **${name}**. ${KNOWN_VIOLATIONS.find((known) => known.name === name)?.why ?? ''}`,
        '',
        `Smallest sequence seen: \`${sequence}\``,
        '',
      ]),
      ...(this.examples.length > 0
        ? ['First violations:', '', ...this.examples.map((line) => `- ${line}`), '']
        : []),
      ...[...this.unknownKinds].flatMap(([kind, { count, sequence }]) => [
        `Violations of no known kind, ${count}: **${kind}**. Smallest sequence seen: \`${sequence}\``,
        '',
      ]),
    ].join('\n');
  }

  write(path: string, markdown: string): void {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, markdown);
  }
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function byName([a]: [string, number], [b]: [string, number]): number {
  return a.localeCompare(b);
}
