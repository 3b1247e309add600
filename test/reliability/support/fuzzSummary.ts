import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
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
  /** The first violations, for the report. */
  readonly examples: string[] = [];
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
    for (const violation of result.violations) {
      if (this.examples.length < 20) this.examples.push(violation);
    }
    for (const outcome of result.outcomes) increment(this.outcomes, outcome);
    for (const fault of result.injected) increment(this.injected, fault);
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
      `| invariant violations | ${this.violations} |`,
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
      ...(this.examples.length > 0
        ? ['First violations:', '', ...this.examples.map((line) => `- ${line}`), '']
        : []),
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
