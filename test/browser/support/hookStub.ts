import type { ActivityCheckbox } from '../../../src/react/useActivityCheckbox.js';
import { CHECKBOX_STATES, type CheckboxStateName } from './checkboxStates.js';

/**
 * Stands in for `useActivityCheckbox` (via `vi.mock`): the activity identifier names the state
 * to draw, e.g. `"appointment_id=1#pending"`, so one page can show every state at once.
 */
export function useActivityCheckboxStub(activityIdentifier: string): ActivityCheckbox {
  const name = activityIdentifier.split('#')[1] as CheckboxStateName;
  const state = CHECKBOX_STATES[name];
  if (!state) throw new Error(`No checkbox state named ${name}`);
  return state.hook;
}
