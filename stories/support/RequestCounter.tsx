import { useSyncExternalStore } from 'react';
import { useStoryFake } from './StoryWebApiContext.js';
import { isOffline, refusedWhileOffline, subscribeConnection } from './storyConnection.js';

/**
 * How many ToggleActivity requests the story's fake WebAPI has answered (or seen dropped), and
 * how many of them actually flipped an activity. Updates as each request finishes. While the
 * toolbar is offline (or once it has been), also how many requests failed for want of a
 * connection: the library should send none.
 */
export function RequestCounter() {
  const fake = useStoryFake();
  const requests = useSyncExternalStore(
    (onChange) => fake.subscribe(onChange),
    () => fake.requests,
  );
  const offline = useSyncExternalStore(subscribeConnection, isOffline);
  const refused = useSyncExternalStore(subscribeConnection, () => refusedWhileOffline(fake).length);
  const finished = requests.filter((request) => request.response !== 'pending').length;
  return (
    <p data-testid="request-counter" data-requests={finished} data-refused-offline={refused}>
      Requests answered by SuperOffice: <strong>{finished}</strong> · toggles applied:{' '}
      <strong>{fake.toggleCount()}</strong>
      {offline || refused > 0 ? (
        <>
          {' '}
          · sent while offline (failed): <strong>{refused}</strong>
        </>
      ) : null}
    </p>
  );
}
