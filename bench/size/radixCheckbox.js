// A Radix checkbox as a partner would use it: root and indicator.
export { Checkbox, CheckboxIndicator } from '@radix-ui/react-checkbox';
