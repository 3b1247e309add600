import { ActivityCompleteCheckbox } from '../../../src/index.js';
import { BenchProviders } from '../BenchProviders.js';
import { mount } from '../mount.js';
import { until } from '../waiting.js';
import { createWorld } from '../world.js';

export interface TabSyncSamples {
  /** Click → settled (fake at 0 ms, next frame), ms, one per click. */
  on: number[];
  off: number[];
}

/**
 * Row 10: the same checkbox under the default provider (tab sync and persistence on) and under
 * `syncTabs={false} persist={false}`, both mounted, clicked alternately so that the machine's
 * drift falls on both alike.
 */
export async function tabSyncCost(clicks = 30): Promise<TabSyncSamples> {
  const ids = { on: 'appointment_id=1', off: 'appointment_id=2' };
  const world = createWorld(Object.values(ids), 0);
  const mounted = mount(
    <>
      <BenchProviders queryClient={world.queryClient} fetch={world.fakeFetch.fetch}>
        <span data-variant="on">
          <ActivityCompleteCheckbox activityIdentifier={ids.on} completed={false} />
        </span>
      </BenchProviders>
      <BenchProviders
        queryClient={world.queryClient}
        fetch={world.fakeFetch.fetch}
        options={{ baseUrl: 'http://127.0.0.2/api', syncTabs: false, persist: false }}
      >
        <span data-variant="off">
          <ActivityCompleteCheckbox activityIdentifier={ids.off} completed={false} />
        </span>
      </BenchProviders>
    </>,
  );
  await world.settled();
  const samples: TabSyncSamples = { on: [], off: [] };
  const order: ('on' | 'off')[] = ['on', 'off'];
  // Two warm-up clicks each, then alternate which goes first.
  for (let click = -2; click < clicks; click++) {
    if (click % 2 === 1) order.reverse();
    for (const variant of order) {
      const control = mounted.container.querySelector<HTMLElement>(
        `[data-variant="${variant}"] [data-state]:is(input, button)`,
      );
      if (!control) throw new Error('No checkbox');
      const id = ids[variant];
      const toggles = world.fake.toggleRequestsFor(id).length;
      const start = performance.now();
      control.click();
      await until(() => world.fake.toggleRequestsFor(id).length > toggles);
      await world.settled();
      if (click >= 0) samples[variant].push(performance.now() - start);
    }
  }
  mounted.unmount();
  world.queryClient.clear();
  return samples;
}
