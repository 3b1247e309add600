// Compile-time checks of the public types; `npm run typecheck` fails if one breaks.
import { expectTypeOf } from 'vitest';
import {
  type ActivityCompleteCheckboxProps,
  type ActivityStatus,
  activityIdentifier,
  activityStatusQueryKey,
  createSuperOfficeClient,
  type SuperOfficeAuth,
  type SuperOfficeError,
  useActivityStatus,
  useSetActivityCompleted,
  useToggleActivity,
} from '../../src/index.js';

expectTypeOf(
  activityIdentifier('sale', 7),
).toEqualTypeOf<`${'appointment' | 'sale' | 'document'}_id=${number}`>();
expectTypeOf(activityStatusQueryKey('sale_id=7', 'https://x.test/api')).toEqualTypeOf<
  readonly ['superoffice', 'activityStatus', string, string]
>();

const client = createSuperOfficeClient({
  baseUrl: 'https://x.test/api',
  auth: { scheme: 'Bearer', token: async () => 'token' },
});
expectTypeOf(client.toggleActivity('appointment_id=1')).resolves.toEqualTypeOf<ActivityStatus>();
expectTypeOf(client.getActivityStatus('sale_id=7')).resolves.toEqualTypeOf<ActivityStatus>();
expectTypeOf(
  client.setActivityCompleted('sale_id=7', true),
).resolves.toEqualTypeOf<ActivityStatus>();

// @ts-expect-error: Basic needs a password.
const incomplete: SuperOfficeAuth = { scheme: 'Basic', username: 'u' };
void incomplete;

function Hooks() {
  const setCompleted = useSetActivityCompleted();
  expectTypeOf(setCompleted.mutate).parameter(0).toEqualTypeOf<{
    activityIdentifier: string;
    completed: boolean;
  }>();
  const toggle = useToggleActivity();
  expectTypeOf(toggle.data).toEqualTypeOf<ActivityStatus | undefined>();
  expectTypeOf(toggle.error).toEqualTypeOf<SuperOfficeError | null>();
  expectTypeOf(toggle.mutate).parameter(0).toEqualTypeOf<{
    activityIdentifier: string;
    select?: string | undefined;
  }>();
  const state = useActivityStatus('sale_id=7', { completed: true });
  expectTypeOf(state.status).toEqualTypeOf<ActivityStatus | undefined>();
  return null;
}
void Hooks;

expectTypeOf<ActivityCompleteCheckboxProps['onCompletedChange']>().toEqualTypeOf<
  ((completed: boolean, status: ActivityStatus) => void) | undefined
>();
const controlled: ActivityCompleteCheckboxProps = {
  activityIdentifier: 'sale_id=7',
  // @ts-expect-error: the checkbox owns `checked`.
  checked: true,
};
void controlled;
