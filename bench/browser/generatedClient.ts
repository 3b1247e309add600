import { useMutation } from '@tanstack/react-query';
import type { ActivityStatus } from '../../src/index.js';

// The alternative a partner would get from orval, kubb or hey-api: a fetch function per endpoint
// and a plain `useMutation` around it. One request per call; no ordering, no superseding.

let settings = { baseUrl: '', token: '', fetch: globalThis.fetch };

export function configureGeneratedClient(next: typeof settings): void {
  settings = next;
}

export async function postAgentsAppointmentToggleActivity(
  activityIdentifier: string,
): Promise<ActivityStatus> {
  const response = await settings.fetch(
    `${settings.baseUrl}/v1/Agents/Appointment/ToggleActivity`,
    {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${settings.token}`,
        Accept: 'application/json',
        'Content-Type': 'application/json; charset=utf-8',
      },
      body: JSON.stringify({ ActivityIdentifier: activityIdentifier }),
    },
  );
  if (!response.ok) throw new Error(`ToggleActivity failed with ${response.status}`);
  return (await response.json()) as ActivityStatus;
}

export function usePostAgentsAppointmentToggleActivity() {
  return useMutation({ mutationFn: postAgentsAppointmentToggleActivity });
}
