// Loaded with `--import` into the React 18 test workers: every bare `react` / `react-dom` import
// that Node resolves itself (from packages vitest does not transform, such as
// @testing-library/react or @tanstack/react-query) resolves to React 18 in this folder.
import { createRequire, registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';

const requireFromHere = createRequire(import.meta.url);
const REACT = /^(react|react-dom)(\/|$)/;
let resolvingHere = false;

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (resolvingHere || !REACT.test(specifier)) return nextResolve(specifier, context);
    resolvingHere = true;
    try {
      const url = pathToFileURL(requireFromHere.resolve(specifier)).href;
      return { url, format: 'commonjs', shortCircuit: true };
    } finally {
      resolvingHere = false;
    }
  },
});
