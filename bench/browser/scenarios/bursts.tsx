import { ActivityCompleteCheckbox } from '../../../src/index.js';
import { BenchProviders } from '../BenchProviders.js';
import { GeneratedHookCheckbox } from '../checkboxes/GeneratedHookCheckbox.js';
import { mount } from '../mount.js';
import { sleep } from '../waiting.js';
import { createWorld } from '../world.js';

export type BurstVariant = 'ours' | 'generatedHook';

export interface BurstResult {
  clicks: number;
  /** Toggle requests the fake received, and status reads (the library's read-backs). */
  toggles: number;
  reads: number;
  /** What the user's last click asked for. */
  intended: string;
  /** The fake server's status once everything settled. */
  server: string | undefined;
  /** What the checkbox shows once everything settled. */
  shown: string | null;
}

/**
 * Row 6: `clicks` clicks `gapMs` apart on one checkbox while its first request takes
 * `latencyMs`; counts the toggle requests and reads, and compares the end state with the last click's intent.
 */
export async function burst(
  variant: BurstVariant,
  clicks: number,
  latencyMs = 300,
  gapMs = 20,
): Promise<BurstResult> {
  const id = 'appointment_id=1';
  const world = createWorld([id], latencyMs);
  const mounted = mount(
    <BenchProviders queryClient={world.queryClient} fetch={world.fakeFetch.fetch}>
      {variant === 'ours' ? (
        <ActivityCompleteCheckbox activityIdentifier={id} completed={false} />
      ) : (
        <GeneratedHookCheckbox activityIdentifier={id} completed={false} label="Completed" />
      )}
    </BenchProviders>,
  );
  await world.settled();
  const control = mounted.container.querySelector<HTMLElement>('[data-state]:is(input, button)');
  if (!control) throw new Error('No checkbox');
  for (let click = 0; click < clicks; click++) {
    if (click > 0) await sleep(gapMs);
    control.click();
  }
  await world.settled();
  const result: BurstResult = {
    clicks,
    toggles: world.fake.toggleRequestsFor(id).length,
    reads: world.fake.readCount(id),
    intended: clicks % 2 === 1 ? 'Completed' : 'NotStarted',
    server: world.fake.status(id),
    shown: control.getAttribute('data-state'),
  };
  mounted.unmount();
  world.queryClient.clear();
  return result;
}
