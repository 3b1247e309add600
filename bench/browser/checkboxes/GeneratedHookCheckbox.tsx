import { Checkbox, CheckboxIndicator } from '@radix-ui/react-checkbox';
import { useId, useState } from 'react';
import { usePostAgentsAppointmentToggleActivity } from '../generatedClient.js';

/**
 * The alternative stack: a Radix checkbox over a generated `useMutation`. Shows the click at once,
 * sends one request per click, takes each answer as the truth and rolls back on failure.
 */
export function GeneratedHookCheckbox(props: {
  activityIdentifier: string;
  completed: boolean;
  label: string;
}) {
  const id = useId();
  const [checked, setChecked] = useState(props.completed);
  const toggle = usePostAgentsAppointmentToggleActivity();
  return (
    <span>
      <Checkbox
        id={id}
        checked={checked}
        onCheckedChange={(next) => {
          setChecked(next === true);
          toggle.mutate(props.activityIdentifier, {
            onSuccess: (status) => setChecked(status === 'Completed'),
            onError: () => setChecked(next !== true),
          });
        }}
      >
        <CheckboxIndicator>✓</CheckboxIndicator>
      </Checkbox>
      <label htmlFor={id}>{props.label}</label>
    </span>
  );
}
