import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useSuperOfficeClient } from '../../../src/index.js';

/**
 * A plain optimistic `useMutation` over this library's own client: shows the click at once,
 * sends one toggle, takes the answer as the truth and rolls back on failure. The same client as
 * the library's checkbox, so that only the toggle rules differ.
 */
export function OptimisticClientCheckbox(props: {
  activityIdentifier: string;
  completed: boolean;
  label: string;
}) {
  const id = useId();
  const client = useSuperOfficeClient();
  const [checked, setChecked] = useState(props.completed);
  const toggle = useMutation({ mutationFn: (target: string) => client.toggleActivity(target) });
  return (
    <span>
      <input
        type="checkbox"
        id={id}
        checked={checked}
        data-state={checked ? 'checked' : 'unchecked'}
        onChange={(event) => {
          const next = event.target.checked;
          setChecked(next);
          toggle.mutate(props.activityIdentifier, {
            onSuccess: (status) => setChecked(status === 'Completed'),
            onError: () => setChecked(!next),
          });
        }}
      />
      <label htmlFor={id}>{props.label}</label>
    </span>
  );
}
