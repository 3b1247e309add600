// React Aria Components' checkbox (CheckboxField + CheckboxButton, the non-deprecated pair),
// tree-shaken out of the package's main entry.
export { CheckboxButton, CheckboxField } from 'react-aria-components';
