import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { ActivityToggles } from '../../src/core/toggleRules.js';
import type { ActivityStatus } from '../../src/index.js';
import { activityStatusQueryKey, SuperOfficeApiError } from '../../src/index.js';

const A1 = 'appointment_id=1';

/** A server whose answers the test hands out one request at a time. */
function controlledServer(start: ActivityStatus) {
  let status = start;
  const inFlight: PromiseWithResolvers<ActivityStatus>[] = [];
  let sent = 0;
  return {
    get sent() {
      return sent;
    },
    send: () => {
      sent += 1;
      const request = Promise.withResolvers<ActivityStatus>();
      inFlight.push(request);
      return request.promise;
    },
    answer() {
      status = status === 'Completed' ? 'NotStarted' : 'Completed';
      inFlight.shift()?.resolve(status);
    },
    fail(error: Error) {
      inFlight.shift()?.reject(error);
    },
  };
}

function setup(shown: ActivityStatus) {
  const queryClient = new QueryClient();
  queryClient.setQueryData(activityStatusQueryKey(A1), shown);
  return { queryClient, toggles: new ActivityToggles(queryClient) };
}

describe('ActivityToggles', () => {
  it('shows a click synchronously, before the send is even called', () => {
    const { toggles } = setup('NotStarted');
    const server = controlledServer('NotStarted');
    void toggles.toggle(A1, server.send);
    expect(toggles.getState(A1)).toMatchObject({ status: 'Completed', pending: true });
  });

  it('sends the first click of a burst at once and the rest only if the last intent needs it', async () => {
    const { toggles } = setup('NotStarted');
    const server = controlledServer('NotStarted');
    const turns = [0, 1, 2].map(() => toggles.toggle(A1, server.send));
    await Promise.resolve();
    expect(server.sent).toBe(1);
    server.answer();
    await expect(Promise.all(turns)).resolves.toEqual(['Completed', 'Completed', 'Completed']);
    expect(server.sent).toBe(1);
    expect(toggles.getState(A1)).toMatchObject({ status: 'Completed', pending: false });
  });

  it('fails the toggles queued behind a failure with that failure, even after a new click', async () => {
    const { toggles } = setup('NotStarted');
    const server = controlledServer('NotStarted');
    const failure = new SuperOfficeApiError('Locked', { status: 500 });
    const first = toggles.toggle(A1, server.send);
    await Promise.resolve();
    const queued = toggles.toggle(A1, server.send);
    server.fail(failure);
    await expect(first).rejects.toBe(failure);
    // A click arriving before the queued one has drained must not change what it fails with.
    const later = toggles.toggle(A1, server.send);
    await expect(queued).rejects.toBe(failure);
    await Promise.resolve();
    server.answer();
    await expect(later).resolves.toBe('Completed');
    expect(server.sent).toBe(2);
  });

  it('drops a queued toggle whose view is gone, and shows the confirmed status', async () => {
    const { toggles } = setup('NotStarted');
    const server = controlledServer('NotStarted');
    const first = toggles.toggle(A1, server.send);
    await Promise.resolve();
    const orphan = toggles.toggle(A1, server.send, () => false);
    server.answer();
    await expect(first).resolves.toBe('Completed');
    await expect(orphan).resolves.toBe('Completed');
    expect(server.sent).toBe(1);
    expect(toggles.getState(A1).status).toBe('Completed');
  });

  it('sends nothing for two clicks made before the first could be sent', async () => {
    const { toggles } = setup('NotStarted');
    const server = controlledServer('NotStarted');
    const turns = [toggles.toggle(A1, server.send), toggles.toggle(A1, server.send)];
    await expect(Promise.all(turns)).resolves.toEqual(['NotStarted', 'NotStarted']);
    expect(server.sent).toBe(0);
    expect(toggles.getState(A1)).toMatchObject({ status: 'NotStarted', pending: false });
  });

  it('keeps the same state object until something changes', () => {
    const { toggles } = setup('NotStarted');
    expect(toggles.getState(A1)).toBe(toggles.getState(A1));
  });
});
