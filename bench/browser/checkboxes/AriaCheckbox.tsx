import { useState } from 'react';
import { CheckboxButton, CheckboxField } from 'react-aria-components';

/** React Aria Components' checkbox (CheckboxField + CheckboxButton), label inside, controlled. */
export function AriaCheckbox({ label }: { label: string }) {
  const [checked, setChecked] = useState(false);
  return (
    <CheckboxField isSelected={checked} onChange={setChecked}>
      <CheckboxButton>{label}</CheckboxButton>
    </CheckboxField>
  );
}
