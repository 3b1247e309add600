import { ActivityCompleteCheckbox } from '../../../src/index.js';
import { BenchProviders } from '../BenchProviders.js';
import { OptimisticClientCheckbox } from '../checkboxes/OptimisticClientCheckbox.js';
import { mount } from '../mount.js';
import { sleep, until } from '../waiting.js';
import { createWorld } from '../world.js';

export type FaultVariant = 'ours' | 'optimistic';
/** A stale view (server Completed, row shows open), the browser's resend, a drop before apply. */
export type FaultKind = 'stale' | 'resend' | 'drop';

export interface FaultResult {
  kind: FaultKind;
  toggles: number;
  reads: number;
  /** The intent of the one click: always Completed (the row shows open). */
  intended: 'Completed';
  server: string | undefined;
  shown: string | null;
}

// Short, so that a dropped request's unknown outcome is settled within the run.
const TIMEOUT_MS = 300;

/** Row 9: one click on an open row while `kind` goes wrong; counts toggles and reads. */
export async function fault(variant: FaultVariant, kind: FaultKind): Promise<FaultResult> {
  const id = 'appointment_id=1';
  const world = createWorld([id], 20);
  if (kind === 'stale') world.fake.setStatus(id, 'Completed');
  const mounted = mount(
    <BenchProviders
      queryClient={world.queryClient}
      fetch={world.fakeFetch.fetch}
      options={{ timeout: TIMEOUT_MS }}
    >
      {variant === 'ours' ? (
        <ActivityCompleteCheckbox activityIdentifier={id} completed={false} />
      ) : (
        <OptimisticClientCheckbox activityIdentifier={id} completed={false} label="Completed" />
      )}
    </BenchProviders>,
  );
  await world.settled();
  // The mount's own read-back, if any, is not the click's: count from here.
  const readsBefore = world.fake.readCount(id);
  if (kind === 'resend') world.fake.inject({ appliedTwice: true }, { activityIdentifier: id });
  if (kind === 'drop') world.fake.inject({ drop: 'before-apply' }, { activityIdentifier: id });
  const control = mounted.container.querySelector<HTMLElement>('[data-state]:is(input, button)');
  if (!control) throw new Error('No checkbox');
  control.click();
  await until(() => world.fake.toggleRequestsFor(id).length > 0);
  await world.settled();
  // Retries after a failure may wait a moment before they start.
  await sleep(2 * TIMEOUT_MS);
  await world.settled();
  const result: FaultResult = {
    kind,
    toggles: world.fake.toggleRequestsFor(id).length,
    reads: world.fake.readCount(id) - readsBefore,
    intended: 'Completed',
    server: world.fake.status(id),
    shown: control.getAttribute('data-state'),
  };
  mounted.unmount();
  world.queryClient.clear();
  return result;
}
