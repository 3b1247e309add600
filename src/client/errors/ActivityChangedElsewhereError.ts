import type { ActivityStatus } from '../activityStatus.js';
import { SuperOfficeError } from './SuperOfficeError.js';

/**
 * The server kept ending somewhere other than where the user's last click said, after the
 * corrective toggles the library allows: someone or something else is changing the activity.
 * `status` is where the server now says it is; the checkbox shows that.
 *
 * @example
 * if (error instanceof ActivityChangedElsewhereError) toast(`Now ${error.status}`);
 */
export class ActivityChangedElsewhereError extends SuperOfficeError {
  override name = 'ActivityChangedElsewhereError';
  /** The activity's status as the server last confirmed it. */
  readonly status: ActivityStatus;

  constructor(activityIdentifier: string, status: ActivityStatus) {
    super(
      `${activityIdentifier} was changed elsewhere while it was being saved; SuperOffice now says ${status}.`,
    );
    this.status = status;
  }
}
