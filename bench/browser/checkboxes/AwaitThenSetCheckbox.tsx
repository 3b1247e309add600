import { useId, useState } from 'react';
import { postAgentsAppointmentToggleActivity } from '../generatedClient.js';

/**
 * The non-optimistic baseline, as a checkbox hand-written around SuperOffice's own client would
 * be: the click awaits the request and only then sets state. It sends through the same in-page
 * fetch as the other variants, so that only the state handling differs.
 */
export function AwaitThenSetCheckbox(props: {
  activityIdentifier: string;
  completed: boolean;
  label: string;
}) {
  const id = useId();
  const [checked, setChecked] = useState(props.completed);
  return (
    <span>
      <input
        type="checkbox"
        id={id}
        checked={checked}
        data-state={checked ? 'checked' : 'unchecked'}
        onChange={async () => {
          const status = await postAgentsAppointmentToggleActivity(props.activityIdentifier);
          setChecked(status === 'Completed');
        }}
      />
      <label htmlFor={id}>{props.label}</label>
    </span>
  );
}
