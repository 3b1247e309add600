// A throwaway consumer project with the packed library in its node_modules, as `npm install`
// would leave it, and the peers linked from the repository's node_modules. With `react: 18`,
// React 18.3 from test/package/react18 is linked instead (run `npm run test:react18` or
// `npm ci --prefix test/package/react18` once first).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { packLibrary, ROOT } from '../../../scripts/pack-library.mjs';

const ROOT_MODULES = join(ROOT, 'node_modules');
const REACT_18_MODULES = join(ROOT, 'test/package/react18/node_modules');

// Linked, so they resolve their own dependencies from the repository.
const LINKED = [
  '@tanstack/query-core',
  'ky',
  'msw',
  '@types/node',
  '@types/react',
  '@types/react-dom',
];
// Copied, so that their `import 'react'` finds the React linked into the consumer.
const COPIED = ['@tanstack/react-query'];

/**
 * Packs the library (without rebuilding: run `npm run build` first) and installs the tarball
 * into a new temporary folder. Returns the folder and a `remove()`.
 *
 * @example
 * const consumer = installPackedLibrary({ react: 19 });
 * await import(join(consumer.dir, 'node_modules/superoffice-activity-react/dist/index.js'));
 * consumer.remove();
 */
export function installPackedLibrary({ react = 19 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), `superoffice-consumer-react${react}-`));
  const modules = join(dir, 'node_modules');
  const tarball = packLibrary({ destination: join(dir, '.pack'), build: false });
  const library = join(modules, 'superoffice-activity-react');
  mkdirSync(library, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', library, '--strip-components=1']);

  const reactModules = react === 18 ? REACT_18_MODULES : ROOT_MODULES;
  if (!existsSync(join(reactModules, 'react'))) {
    throw new Error(`React ${react} is not installed in ${reactModules}`);
  }
  link(join(reactModules, 'react'), join(modules, 'react'));
  link(join(reactModules, 'react-dom'), join(modules, 'react-dom'));
  for (const name of LINKED) link(join(ROOT_MODULES, name), join(modules, name));
  for (const name of COPIED) {
    cpSync(join(ROOT_MODULES, name), join(modules, name), { recursive: true, dereference: true });
  }
  return { dir, tarball, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function link(target, path) {
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(target, path, 'dir');
}
