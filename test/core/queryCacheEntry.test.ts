import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { ActivityLanes } from '../../src/core/activityLanes.js';
import { activityStatusQueryKey } from '../../src/core/activityStatusQueryKey.js';
import { isolatedPlatform } from '../../src/core/browser/platform.js';
import { cacheMirror } from '../../src/core/cacheMirror.js';
import { SuperOfficeError } from '../../src/index.js';

// The QueryClient entry a lane is mirrored to, without React: what the partner's writes to it
// mean (rules 8, 11), and what the mirror leaves alone.

const SITE = 'https://crm.mirror.test/api';
const A1 = 'appointment_id=1';
const KEY = activityStatusQueryKey(A1, SITE);

function setup() {
  const queryClient = new QueryClient();
  const lanes = new ActivityLanes(isolatedPlatform);
  const lane = lanes.lane(SITE, A1);
  const detach = cacheMirror(queryClient).attach(lane, KEY);
  return { queryClient, lanes, lane, detach };
}

describe("the QueryClient's entry for a mirrored activity", () => {
  it('is not made before the activity has a status', () => {
    const { queryClient, lane } = setup();
    expect(queryClient.getQueryCache().find({ queryKey: KEY })).toBeUndefined();
    lane.report({}, 'NotStarted', true);
    expect(queryClient.getQueryData(KEY)).toBe('NotStarted');
  });

  it('is written only when the status changes, so a partner reading it is not told of more', () => {
    const { queryClient, lane } = setup();
    lane.report({}, 'NotStarted', true);
    const updates = vi.fn();
    const stop = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated') updates();
    });
    lane.refuse(new SuperOfficeError('not sent')).catch(() => undefined); // same status
    expect(lane.state.error).toBeDefined();
    expect(updates).not.toHaveBeenCalled();
    lane.report({}, 'Completed', false);
    expect(updates).toHaveBeenCalledTimes(1);
    stop();
  });

  it('written by the partner with a status is a report every view follows (rule 8); anything else is ignored', () => {
    const { queryClient, lane } = setup();
    lane.report({}, 'NotStarted', true);
    queryClient.setQueryData(KEY, 'Completed');
    expect(lane.state.status).toBe('Completed');
    queryClient.setQueryData(KEY, 'Done');
    queryClient.setQueryData(KEY, 42);
    expect(lane.state.status).toBe('Completed');
  });

  it('reset by the partner (resetQueries) forgets what it showed: views fall back to their reports (rule 11)', async () => {
    const { queryClient, lane } = setup();
    lane.report({}, 'NotStarted', true);
    // Shown from another tab: no view reported it.
    lane.hear({
      site: SITE,
      activityIdentifier: A1,
      status: 'Completed',
      pending: false,
      checking: false,
      queued: false,
    });
    expect(queryClient.getQueryData(KEY)).toBe('Completed');
    await queryClient.resetQueries({ queryKey: KEY });
    expect(lane.state.status).toBe('NotStarted');
  });

  it("leaves the partner's own queries in the same QueryClient alone", () => {
    const { queryClient, lane } = setup();
    lane.report({}, 'NotStarted', true);
    expect(() => queryClient.setQueryData(['todos'], ['write the report'])).not.toThrow();
    queryClient.removeQueries({ queryKey: ['todos'] });
    expect(queryClient.getQueryData(['todos'])).toBeUndefined();
    expect(lane.state.status).toBe('NotStarted');
  });
});
