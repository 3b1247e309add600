import { useId, useState } from 'react';
import { postAgentsAppointmentToggleActivity } from '../generatedClient.js';

/**
 * The non-optimistic baseline, as hand-written around SuperOffice's own client: the click awaits
 * the request and only then sets state.
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
