import { writeFileSync } from 'node:fs';
import type { SequenceResult } from './runSequence.js';

/** Totals over every sequence a fuzz run played (shrinking included). */
export class FuzzSummary {
  sequences = 0;
  clicks = 0;
  requests = 0;
  intentsChecked = 0;
  bursts = 0;
  /** Bursts that rightly sent more than 2 requests: the user clicked during each request. */
  burstsOverTwo = 0;
  largestBurst = 0;
  violations = 0;
  readonly outcomes = new Map<string, number>();
  readonly injected = new Map<string, number>();
  readonly startedAt = Date.now();

  add(result: SequenceResult): void {
    this.sequences += 1;
    this.clicks += result.clicks;
    this.requests += result.requests;
    this.intentsChecked += result.intentsChecked;
    for (const sends of result.burstSizes) {
      this.bursts += 1;
      if (sends > 2) this.burstsOverTwo += 1;
      this.largestBurst = Math.max(this.largestBurst, sends);
    }
    this.violations += result.violations.length;
    for (const outcome of result.outcomes) increment(this.outcomes, outcome);
    for (const fault of result.injected) increment(this.injected, fault);
  }

  toMarkdown(settings: { seed: number; runs: number; command: string }): string {
    const seconds = ((Date.now() - this.startedAt) / 1000).toFixed(1);
    const met = [...this.outcomes.entries()].filter(([kind]) => kind !== 'ok').sort(byName);
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
      `| requests | ${this.requests} |`,
      `| requests answered with a status | ${this.outcomes.get('ok') ?? 0} |`,
      `| activities whose server state was checked against the last click | ${this.intentsChecked} |`,
      `| bursts of clicks (one activity, some toggle unsettled) | ${this.bursts} |`,
      `| bursts that sent more than 2 requests (a click during each) | ${this.burstsOverTwo} |`,
      `| most requests sent by one burst | ${this.largestBurst} |`,
      `| invariant violations | ${this.violations} |`,
      '',
      'Faults injected, by kind (a fault stays unmet when its activity sends nothing more):',
      '',
      '| fault | injected |',
      '| --- | --- |',
      ...injected.map(([kind, count]) => `| ${kind} | ${count} |`),
      '',
      'What the requests met, by outcome (a renewed 401 is followed by its retry):',
      '',
      '| outcome | requests |',
      '| --- | --- |',
      ...met.map(([kind, count]) => `| ${kind} | ${count} |`),
      '',
    ].join('\n');
  }

  write(path: string, markdown: string): void {
    writeFileSync(path, markdown);
  }
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function byName([a]: [string, number], [b]: [string, number]): number {
  return a.localeCompare(b);
}
