import { ActivityChangedElsewhereError } from '../../../src/client/errors/ActivityChangedElsewhereError.js';
import { SuperOfficeError } from '../../../src/client/errors/SuperOfficeError.js';
import type { ActivityCheckbox } from '../../../src/react/useActivityCheckbox.js';

/** What `useActivityCheckbox` returns for a checkbox that is neither busy nor failed. */
const IDLE: ActivityCheckbox = {
  status: 'NotStarted',
  checked: false,
  indeterminate: false,
  isPending: false,
  isChecking: false,
  isQueued: false,
  error: undefined,
  toggle: () => {},
};

/**
 * Every state the checkbox draws, as the binding hook reports it, plus the one state that is a
 * prop (`disabled`). The visual and layout tests render each of these.
 */
export const CHECKBOX_STATES = {
  unchecked: { hook: IDLE },
  checked: { hook: { ...IDLE, status: 'Completed', checked: true } },
  indeterminate: { hook: { ...IDLE, status: 'Started', indeterminate: true } },
  pending: { hook: { ...IDLE, status: 'Completed', checked: true, isPending: true } },
  checking: { hook: { ...IDLE, status: 'Completed', checked: true, isChecking: true } },
  queued: { hook: { ...IDLE, status: 'Completed', checked: true, isQueued: true } },
  failed: {
    hook: { ...IDLE, error: new SuperOfficeError('The appointment is locked by another user') },
  },
  unconfirmed: {
    hook: { ...IDLE, error: new SuperOfficeError('502', { outcomeUnknown: true }) },
  },
  changedElsewhere: {
    hook: {
      ...IDLE,
      status: 'Completed',
      checked: true,
      error: new ActivityChangedElsewhereError('appointment_id=1', 'Completed'),
    },
  },
  disabled: { hook: { ...IDLE, status: 'Completed', checked: true }, disabled: true },
} satisfies Record<string, { hook: ActivityCheckbox; disabled?: boolean }>;

export type CheckboxStateName = keyof typeof CHECKBOX_STATES;

export const STATE_NAMES = Object.keys(CHECKBOX_STATES) as CheckboxStateName[];
