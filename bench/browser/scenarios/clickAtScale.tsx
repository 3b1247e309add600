import { BenchProviders } from '../BenchProviders.js';
import { OurList } from '../lists/OurList.js';
import { PlainList } from '../lists/PlainList.js';
import { dashboardRows } from '../lists/rows.js';
import { mount } from '../mount.js';
import { collectGarbage, nextFrame, sleep } from '../waiting.js';
import { createWorld } from '../world.js';

export type ScaleVariant = 'ours' | 'plain';

export interface ScaleSample {
  /** From `click()` to the clicked checkbox's `data-state` showing the new state. */
  toDom: number;
  /** From `click()` until the toggle settled (fake at 0 ms), next frame included. */
  toSettled: number;
}

export type ScaleSamples = Record<ScaleVariant, Record<number, ScaleSample[]>>;

/**
 * Row 8: whether a toggle costs more on a bigger dashboard. For each size in `rowCounts` and each
 * variant (this library's list, and plain inputs with `useState` for what React alone costs), in
 * alternating order over `rounds`, mounts that many rows, clicks `clicksPerRound` checkboxes
 * spread over the list (one warm-up click first), and times each click.
 */
export async function clickAtScale(
  rowCounts: number[] = [100, 10_000],
  rounds = 3,
  clicksPerRound = 7,
): Promise<ScaleSamples> {
  const samples: ScaleSamples = { ours: {}, plain: {} };
  for (const rows of rowCounts) {
    samples.ours[rows] = [];
    samples.plain[rows] = [];
  }
  const runs = rowCounts.flatMap((rows) =>
    (['ours', 'plain'] as const).map((variant) => ({ rows, variant })),
  );
  for (let round = 0; round < rounds; round++) {
    for (const { rows, variant } of round % 2 === 0 ? runs : [...runs].reverse()) {
      samples[variant][rows]?.push(...(await clicksOn(variant, rows, clicksPerRound)));
    }
  }
  return samples;
}

async function clicksOn(
  variant: ScaleVariant,
  rows: number,
  clicks: number,
): Promise<ScaleSample[]> {
  const data = dashboardRows(rows);
  const world = createWorld(
    data.map((row) => row.activityIdentifier),
    0,
  );
  const mounted = mount(
    variant === 'ours' ? (
      <BenchProviders queryClient={world.queryClient} fetch={world.fakeFetch.fetch}>
        <OurList rows={data} />
      </BenchProviders>
    ) : (
      <PlainList rows={data} />
    ),
  );
  await world.settled();
  collectGarbage();
  const inputs = mounted.container.querySelectorAll<HTMLInputElement>('input[type=checkbox]');
  const samples: ScaleSample[] = [];
  // Click 0 warms the click path up and is not counted.
  for (let click = 0; click <= clicks; click++) {
    const input = inputs[Math.floor(((click + 0.5) * rows) / (clicks + 1))];
    if (!input) throw new Error(`No checkbox for click ${click}`);
    await nextFrame();
    await sleep(click % 5);
    const sample = await timeToggle(input, () => world.settled());
    if (click > 0) samples.push(sample);
  }
  mounted.unmount();
  world.queryClient.clear();
  return samples;
}

async function timeToggle(input: HTMLInputElement, settled: () => Promise<void>) {
  const wanted = input.getAttribute('data-state') === 'checked' ? 'unchecked' : 'checked';
  let toDom = Number.NaN;
  const observer = new MutationObserver(() => {
    if (Number.isNaN(toDom) && input.getAttribute('data-state') === wanted) {
      toDom = performance.now() - start;
    }
  });
  observer.observe(input, { attributes: true, attributeFilter: ['data-state'] });
  const start = performance.now();
  input.click();
  await settled();
  const toSettled = performance.now() - start;
  observer.disconnect();
  if (Number.isNaN(toDom)) throw new Error('The clicked checkbox never showed its new state');
  return { toDom, toSettled };
}
