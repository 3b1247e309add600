import { useQuery } from '@tanstack/react-query';
import { act } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ActivityCompleteCheckbox, activityStatusQueryKey } from '../../src/index.js';
import { checkbox, settled } from '../support/checkboxQueries.js';
import { startFake } from '../support/fakeServer.js';
import { renderWithProviders } from '../support/renderWithProviders.js';

// Found by mutation testing: no test read the cache entry the lanes write for partners.

const A1 = 'appointment_id=1';

/** A partner's own reader of the entry (it never fetches: the library fills it). */
function PartnerReader({ baseUrl }: { baseUrl: string }) {
  const { data } = useQuery({
    queryKey: activityStatusQueryKey(A1, baseUrl),
    queryFn: () => new Promise<never>(() => undefined),
    enabled: false,
  });
  return <output aria-label="partner">{String(data)}</output>;
}

describe("the QueryClient's entry for an activity", () => {
  it('holds what every view shows: the report, the click at once, the server after', async () => {
    const { baseUrl, fake } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const release = fake.hold();
    const { queryClient, user, getByLabelText } = renderWithProviders(
      <>
        <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />
        <PartnerReader baseUrl={baseUrl} />
      </>,
      baseUrl,
    );
    const key = activityStatusQueryKey(A1, baseUrl);
    expect(queryClient.getQueryData(key)).toBe('NotStarted');
    await user.click(checkbox());
    expect(queryClient.getQueryData(key)).toBe('Completed');
    expect(getByLabelText('partner').textContent).toBe('Completed');
    release();
    await settled();
    expect(queryClient.getQueryData(key)).toBe('Completed');
  });

  it('goes with the last view, unless a partner still reads it', async () => {
    const { baseUrl } = await startFake({ activities: { [A1]: 'NotStarted' } });
    const key = activityStatusQueryKey(A1, baseUrl);
    const alone = renderWithProviders(
      <ActivityCompleteCheckbox activityIdentifier={A1} completed={false} />,
      baseUrl,
    );
    expect(alone.queryClient.getQueryData(key)).toBe('NotStarted');
    act(() => alone.rerenderWith(<p>no view</p>));
    expect(alone.queryClient.getQueryCache().find({ queryKey: key })).toBeUndefined();
    alone.unmount();

    const read = renderWithProviders(
      <>
        <ActivityCompleteCheckbox activityIdentifier={A1} completed />
        <PartnerReader baseUrl={baseUrl} />
      </>,
      baseUrl,
    );
    act(() => read.rerenderWith(<PartnerReader baseUrl={baseUrl} />));
    expect(read.queryClient.getQueryData(key)).toBe('Completed');
  });
});
