import { useSyncExternalStore } from 'react';
import { useStoryFake } from './StoryWebApiContext.js';

/**
 * How many ToggleActivity requests the story's fake WebAPI has answered (or seen dropped), and
 * how many of them actually flipped an activity. Updates as each request finishes.
 */
export function RequestCounter() {
  const fake = useStoryFake();
  const requests = useSyncExternalStore(
    (onChange) => fake.subscribe(onChange),
    () => fake.requests,
  );
  const finished = requests.filter((request) => request.response !== 'pending').length;
  return (
    <p data-testid="request-counter" data-requests={finished}>
      Requests answered by SuperOffice: <strong>{finished}</strong> · toggles applied:{' '}
      <strong>{fake.toggleCount()}</strong>
    </p>
  );
}
