// Next.js App Router (and every React Server Components bundler) only lets a server component
// render a module that uses state or context if that module starts with 'use client'. The
// directive must be in the source and survive the build into the published files.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../../scripts/pack-library.mjs';
import { installPackedLibrary } from './support/installPackedLibrary.mjs';

const SRC = join(ROOT, 'src');
// Hooks, context or components from React or react-query: a module that needs a client.
const USES_CLIENT_REACT =
  /import\s*\{[^}]*\b(use[A-Z]\w*|createContext|forwardRef|QueryClientContext)\b[^}]*\}\s*from\s*['"](react|@tanstack\/react-query)['"]/;

const sources = filesUnder(SRC).filter((path) => /\.tsx?$/.test(path) && !path.endsWith('.d.ts'));
const clientModules = sources.filter((path) => USES_CLIENT_REACT.test(read(path)));

describe("the 'use client' directive", () => {
  let consumer;
  let published;
  before(() => {
    consumer = installPackedLibrary();
    published = join(consumer.dir, 'node_modules/superoffice-activity-react/dist');
  });
  after(() => consumer?.remove());

  it('is found on the provider, the hooks and the checkbox (the check sees them)', () => {
    const names = clientModules.map((path) => relative(SRC, path));
    for (const expected of [
      'react/SuperOfficeProvider.tsx',
      'react/useActivityStatus.ts',
      'react/useToggleActivity.ts',
      'checkbox/ActivityCompleteCheckbox.tsx',
    ]) {
      assert.ok(names.includes(expected), `${expected} was not recognised as a client module`);
    }
  });

  it('opens every source module that uses React state or context', () => {
    const missing = clientModules.filter((path) => !startsWithUseClient(read(path)));
    assert.deepEqual(
      missing.map((path) => relative(ROOT, path)),
      [],
    );
  });

  it('opens the published file of every source module that has it', () => {
    const withDirective = sources.filter((path) => startsWithUseClient(read(path)));
    assert.ok(withDirective.length >= clientModules.length);
    const lost = withDirective
      .map((path) => join(published, relative(SRC, path)).replace(/\.tsx?$/, '.js'))
      .filter((file) => !startsWithUseClient(read(file)));
    assert.deepEqual(
      lost.map((file) => relative(published, file)),
      [],
    );
  });
});

/** True when the first statement, after comments, is the 'use client' directive. */
function startsWithUseClient(code) {
  const withoutComments = code.replace(/^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*/, '');
  return /^(['"])use client\1;?/.test(withoutComments);
}

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function read(path) {
  return readFileSync(path, 'utf8');
}
