import { useId, useState } from 'react';

/** The floor: a native checkbox and its label, state in `useState`. */
export function PlainCheckbox({ label }: { label: string }) {
  const id = useId();
  const [checked, setChecked] = useState(false);
  return (
    <span>
      <input
        type="checkbox"
        id={id}
        checked={checked}
        data-state={checked ? 'checked' : 'unchecked'}
        onChange={(event) => setChecked(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
    </span>
  );
}
