import { useSyncExternalStore } from 'react';
import { useStoryFake } from './StoryWebApiContext.js';

/** The activity's status as the fake SuperOffice has it, next to what the user sees. */
export function ServerStatus({ activityIdentifier }: { activityIdentifier: string }) {
  const fake = useStoryFake();
  const status = useSyncExternalStore(
    (onChange) => fake.subscribe(onChange),
    () => fake.status(activityIdentifier) ?? 'unknown to the server',
  );
  return (
    <span data-testid={`server-status-${activityIdentifier}`} data-server-status={status}>
      On the server: {status}
    </span>
  );
}
