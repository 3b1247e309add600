import { BenchProviders } from '../BenchProviders.js';
import { OurList } from '../lists/OurList.js';
import { dashboardRows } from '../lists/rows.js';
import { mount } from '../mount.js';
import { collectGarbage, nextFrame, sleep } from '../waiting.js';
import { createWorld } from '../world.js';

export interface ScaleSample {
  /** From `click()` to the clicked checkbox's `data-state` showing the new state. */
  toDom: number;
  /** From `click()` until the toggle settled (fake at 0 ms), next frame included. */
  toSettled: number;
}

/**
 * Row 8: whether a toggle costs more on a bigger dashboard. For each size in `rowCounts`, in
 * alternating order over `rounds`, mounts that many rows of this library's list, clicks
 * `clicksPerRound` checkboxes spread over it (one warm-up click first), and times each click.
 */
export async function clickAtScale(
  rowCounts: number[] = [100, 10_000],
  rounds = 3,
  clicksPerRound = 7,
): Promise<Record<number, ScaleSample[]>> {
  const samples: Record<number, ScaleSample[]> = {};
  for (const rows of rowCounts) samples[rows] = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? rowCounts : [...rowCounts].reverse();
    for (const rows of order) samples[rows]?.push(...(await clicksOn(rows, clicksPerRound)));
  }
  return samples;
}

async function clicksOn(rows: number, clicks: number): Promise<ScaleSample[]> {
  const data = dashboardRows(rows);
  const world = createWorld(
    data.map((row) => row.activityIdentifier),
    0,
  );
  const mounted = mount(
    <BenchProviders queryClient={world.queryClient} fetch={world.fakeFetch.fetch}>
      <OurList rows={data} />
    </BenchProviders>,
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
