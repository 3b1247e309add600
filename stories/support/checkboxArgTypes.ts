import type { ArgTypes } from '@storybook/react-vite';
import type { ActivityCompleteCheckboxProps } from '../../src/index.js';

/**
 * Controls for the checkbox's props. react-docgen reads `boolean | undefined` as a union and
 * would offer a JSON editor; these are the controls a person wants.
 */
export const checkboxArgTypes: Partial<ArgTypes<ActivityCompleteCheckboxProps>> = {
  activityIdentifier: { control: 'text' },
  completed: { control: 'boolean' },
  status: {
    control: 'select',
    options: ['NotStarted', 'Started', 'Completed', 'Unknown'],
  },
  label: { control: 'text' },
  labels: { control: 'object' },
  converge: { control: 'boolean' },
  disabled: { control: 'boolean' },
  className: { control: 'text' },
  classNames: { control: 'object' },
  styles: { control: 'object' },
  onCompletedChange: { control: false },
  onError: { control: false },
};
