import { Checkbox, CheckboxIndicator } from '@radix-ui/react-checkbox';
import { useId, useState } from 'react';

/** Radix's checkbox as its docs show it: root, indicator and a label, controlled. */
export function RadixCheckbox({ label }: { label: string }) {
  const id = useId();
  const [checked, setChecked] = useState(false);
  return (
    <span>
      <Checkbox id={id} checked={checked} onCheckedChange={(next) => setChecked(next === true)}>
        <CheckboxIndicator>✓</CheckboxIndicator>
      </Checkbox>
      <label htmlFor={id}>{label}</label>
    </span>
  );
}
