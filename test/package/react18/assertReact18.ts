// Fails the React 18 run up front if anything still reaches the root's React 19, which would
// otherwise show up as puzzling "older version of React" errors, or as a silent pass on React 19.
import { createRequire } from 'node:module';
import { version as reactVersion } from 'react';
import { version as reactDomVersion } from 'react-dom';

// What packages Node loads itself (not transformed by vitest) get for `react` and `react-dom`.
const requireFromTestingLibrary = createRequire(import.meta.resolve('@testing-library/react'));
const versions = {
  react: reactVersion,
  'react-dom': reactDomVersion,
  'react (from node_modules)': requireFromTestingLibrary('react').version,
  'react-dom (from node_modules)': requireFromTestingLibrary('react-dom').version,
};
for (const [name, version] of Object.entries(versions)) {
  if (!String(version).startsWith('18.')) {
    throw new Error(`The React 18 run resolved ${name} to ${version}, not 18.x`);
  }
}
