import { ActivityCompleteCheckbox } from '../../../src/index.js';
import { BenchProviders } from '../BenchProviders.js';
import { AwaitThenSetCheckbox } from '../checkboxes/AwaitThenSetCheckbox.js';
import { GeneratedHookCheckbox } from '../checkboxes/GeneratedHookCheckbox.js';
import { mount } from '../mount.js';
import { sleep } from '../waiting.js';
import { createWorld } from '../world.js';

export const FEEDBACK_VARIANTS = ['ours', 'generatedHook', 'awaitThenSet'] as const;
export type FeedbackVariant = (typeof FEEDBACK_VARIANTS)[number];

export interface ClickSample {
  /** From `click()` to the DOM showing the new state (data-state and checkedness agree). */
  toDom: number;
  /** From `click()` to a task after the next animation frame following that DOM update. */
  toFrame: number;
  /** The DOM changed before a `setTimeout(0)` queued just before the click could run. */
  inClickTask: boolean;
  /** Which animation frame after the click painted the change: 1 is the very next one. */
  paintedInFrame: number;
  /** `checked`/`aria-checked` already agreed with `data-state` when it changed. */
  consistent: boolean;
}

/**
 * Row 3: with the fake answering after `latencyMs`, clicks each variant once to warm up, then
 * `samples` times (in rotating order), and times the visible feedback.
 */
export async function clickToFeedback(
  latencyMs = 300,
  samples = 15,
): Promise<Record<FeedbackVariant, ClickSample[]>> {
  const ids = {
    ours: 'appointment_id=1',
    generatedHook: 'appointment_id=2',
    awaitThenSet: 'appointment_id=3',
  };
  const world = createWorld(Object.values(ids), latencyMs);
  const mounted = mount(
    <BenchProviders queryClient={world.queryClient} fetch={world.fakeFetch.fetch}>
      <div data-variant="ours">
        <ActivityCompleteCheckbox activityIdentifier={ids.ours} completed={false} />
      </div>
      <div data-variant="generatedHook">
        <GeneratedHookCheckbox
          activityIdentifier={ids.generatedHook}
          completed={false}
          label="Completed"
        />
      </div>
      <div data-variant="awaitThenSet">
        <AwaitThenSetCheckbox
          activityIdentifier={ids.awaitThenSet}
          completed={false}
          label="Completed"
        />
      </div>
    </BenchProviders>,
  );
  await world.settled();

  const samplesBy: Record<FeedbackVariant, ClickSample[]> = {
    ours: [],
    generatedHook: [],
    awaitThenSet: [],
  };
  // Round 0 warms each variant's click path up and is not counted.
  for (let round = 0; round <= samples; round++) {
    for (let offset = 0; offset < FEEDBACK_VARIANTS.length; offset++) {
      const variant = FEEDBACK_VARIANTS[
        (round + offset) % FEEDBACK_VARIANTS.length
      ] as FeedbackVariant;
      const control = mounted.container.querySelector<HTMLElement>(
        `[data-variant="${variant}"] [data-state]:is(input, button)`,
      );
      if (!control) throw new Error(`No control for ${variant}`);
      // Spread the clicks over the frame so the frame wait is sampled fairly.
      await sleep((round * 7 + offset * 5) % 17);
      const sample = await timeClick(control);
      if (round > 0) samplesBy[variant].push(sample);
      await world.settled();
    }
  }
  mounted.unmount();
  world.queryClient.clear();
  return samplesBy;
}

function timeClick(control: HTMLElement): Promise<ClickSample> {
  const wanted = control.getAttribute('data-state') === 'checked' ? 'unchecked' : 'checked';
  let clickTaskOver = false;
  let framesSinceClick = 0;
  let counting = true;
  const countFrame = () => {
    framesSinceClick += 1;
    if (counting) requestAnimationFrame(countFrame);
  };
  let start = 0;
  const sample = new Promise<ClickSample>((resolve) => {
    const observer = new MutationObserver(() => {
      if (control.getAttribute('data-state') !== wanted) return;
      const toDom = performance.now() - start;
      const inClickTask = !clickTaskOver;
      const paintedInFrame = framesSinceClick + 1;
      const consistent = showsChecked(control) === (wanted === 'checked');
      observer.disconnect();
      counting = false;
      // A task after the next frame's callbacks: that frame has been painted by then.
      requestAnimationFrame(() =>
        setTimeout(() => {
          const toFrame = performance.now() - start;
          resolve({ toDom, toFrame, inClickTask, paintedInFrame, consistent });
        }),
      );
    });
    observer.observe(control, { attributes: true, attributeFilter: ['data-state'] });
  });
  setTimeout(() => {
    clickTaskOver = true;
  });
  requestAnimationFrame(countFrame);
  start = performance.now();
  control.click();
  return sample;
}

function showsChecked(control: HTMLElement): boolean {
  return control instanceof HTMLInputElement
    ? control.checked
    : control.getAttribute('aria-checked') === 'true';
}
