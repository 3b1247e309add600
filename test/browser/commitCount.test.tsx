import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Profiler, type ProfilerOnRenderCallback } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ActivityCompleteCheckbox, SuperOfficeProvider } from '../../src/index.js';
import { createFakeFetch, FakeWebApi } from '../../src/testing/index.js';
import { mount, unmount } from './support/mount.js';

// Issue 14: the clicked row commits twice per toggle, for the click and for the answer (it was 5
// while each checkbox kept a mutation observer and a keep-alive query observer).
const MAX_COMMITS_PER_TOGGLE = 2;

const ROWS = 50;
const CLICKED = 17;
const ids = Array.from({ length: ROWS }, (_, index) => `appointment_id=${index + 1}`);

afterEach(() => unmount());

/** Commits per row since the last reset, from one `<Profiler>` around each row. */
function commitCounter() {
  const commits = new Map<string, number>();
  let lastCommitAt = performance.now();
  const onRender: ProfilerOnRenderCallback = (id) => {
    commits.set(id, (commits.get(id) ?? 0) + 1);
    lastCommitAt = performance.now();
  };
  return {
    onRender,
    commits,
    sinceLastCommit: () => performance.now() - lastCommitAt,
  };
}

/** `fetch` into the fake that knows how many requests are still open. */
function countingFetch(fake: FakeWebApi) {
  const fetch = createFakeFetch(fake);
  let open = 0;
  return {
    open: () => open,
    fetch: (async (input, init) => {
      open += 1;
      try {
        return await fetch(input, init);
      } finally {
        open -= 1;
      }
    }) as typeof globalThis.fetch,
  };
}

function renderDashboard(latencyMs: number) {
  const fake = new FakeWebApi({
    activities: Object.fromEntries(ids.map((id) => [id, 'NotStarted'])),
    latencyMs,
  });
  const network = countingFetch(fake);
  const queryClient = new QueryClient();
  const counter = commitCounter();
  const container = mount(
    <QueryClientProvider client={queryClient}>
      <SuperOfficeProvider
        baseUrl="https://tenant.superoffice.test/api"
        auth={{ scheme: 'Bearer', token: 'fake-bearer-token' }}
        language="en"
        fetch={network.fetch}
      >
        <ul>
          {ids.map((id) => (
            <Profiler key={id} id={id} onRender={counter.onRender}>
              <li>
                <span>Follow-up call {id}</span>
                <ActivityCompleteCheckbox activityIdentifier={id} completed={false} />
              </li>
            </Profiler>
          ))}
        </ul>
      </SuperOfficeProvider>
    </QueryClientProvider>,
  );
  /** No request open, nothing mutating or fetching, and no commit for 100 ms. */
  const settled = () =>
    expect
      .poll(
        () =>
          network.open() === 0 &&
          queryClient.isMutating() === 0 &&
          queryClient.isFetching() === 0 &&
          counter.sinceLastCommit() > 100,
        { timeout: 5000, interval: 20 },
      )
      .toBe(true);
  const inputs = [...container.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
  return { fake, counter, settled, inputs };
}

describe('commits per toggle in a list of 50 checkboxes (issue 14: the click and the answer)', () => {
  it.each([0, 300])(
    `commits the clicked row at most ${MAX_COMMITS_PER_TOGGLE} times per toggle, and no other row, with the fake answering after %i ms`,
    async (latencyMs) => {
      const { fake, counter, settled, inputs } = renderDashboard(latencyMs);
      const clickedId = ids[CLICKED] as string;
      const input = inputs[CLICKED] as HTMLInputElement;
      await settled();

      const perToggle: number[] = [];
      for (const expected of ['Completed', 'NotStarted']) {
        counter.commits.clear();
        await userEvent.click(input);
        await settled();

        expect(fake.status(clickedId)).toBe(expected);
        expect(input.checked).toBe(expected === 'Completed');
        const others = [...counter.commits.keys()].filter((id) => id !== clickedId);
        expect(others, 'rows that committed without being clicked').toEqual([]);
        perToggle.push(counter.commits.get(clickedId) ?? 0);
      }

      console.info(
        `[commitCount] fake at ${latencyMs} ms: the clicked row committed ${perToggle.join(' and ')} times per toggle (bound: ${MAX_COMMITS_PER_TOGGLE})`,
      );
      for (const commits of perToggle) {
        expect(commits).toBeGreaterThanOrEqual(1);
        expect(commits).toBeLessThanOrEqual(MAX_COMMITS_PER_TOGGLE);
      }
    },
  );
});
