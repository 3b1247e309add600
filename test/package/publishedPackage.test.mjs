// The tarball a partner installs: what it contains, what its manifest asks of them, and what
// each testing entry pulls in. Packed into a temporary folder, so nothing in the repository
// (a tarball you made with `npm pack`, say) is touched.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../../scripts/pack-library.mjs';
import { installPackedLibrary } from './support/installPackedLibrary.mjs';

const ATTW = join(ROOT, 'node_modules/.bin/attw');
const IMPORT_SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

describe('the published package', () => {
  let consumer;
  let library;
  let manifest;
  before(() => {
    consumer = installPackedLibrary();
    library = join(consumer.dir, 'node_modules/superoffice-activity-react');
    manifest = JSON.parse(readFileSync(join(library, 'package.json'), 'utf8'));
  });
  after(() => consumer?.remove());

  it('asks nothing of the Node a partner has (no engines)', () => {
    assert.equal(manifest.engines, undefined);
  });

  it('ships the licence, the changelog and the README', () => {
    for (const file of ['LICENSE', 'CHANGELOG.md', 'README.md']) {
      assert.ok(existsSync(join(library, file)), `${file} is not in the tarball`);
    }
    assert.match(readFileSync(join(library, 'LICENSE'), 'utf8'), /^MIT License/);
    assert.equal(manifest.license, 'MIT');
  });

  it('has types that resolve in every module system a partner may use (attw)', () => {
    const result = run(ATTW, [
      consumer.tarball,
      '--profile',
      'esm-only',
      '--exclude-entrypoints',
      './styles.css',
      '--format',
      'table-flipped',
    ]);
    assert.equal(result.status, 0, result.output);
  });

  for (const [entry, allowed, needed] of [
    ['./testing', [], []],
    ['./testing/msw', ['msw'], ['msw']],
    ['./testing/node', ['node:http'], ['node:http']],
  ]) {
    it(`${entry} imports ${needed.length ? needed.join(', ') : 'neither msw nor node:*'} and no other runtime`, () => {
      const file = join(library, manifest.exports[entry].default);
      const external = externalImportsOf(file);
      const runtimeOnly = external.filter((name) => /^(msw|node:)/.test(name));
      assert.deepEqual(
        runtimeOnly.filter((name) => !allowed.includes(name)),
        [],
      );
      for (const name of needed) assert.ok(external.includes(name), `${entry} lost ${name}`);
    });
  }
});

/** Every bare or `node:` specifier reachable from `file` through relative imports. */
function externalImportsOf(file, seen = new Set(), found = new Set()) {
  if (seen.has(file)) return [...found];
  seen.add(file);
  for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT_SPECIFIER)) {
    if (specifier.startsWith('.'))
      externalImportsOf(resolve(dirname(file), specifier), seen, found);
    else found.add(specifier);
  }
  return [...found].sort();
}

function run(command, args) {
  try {
    return { status: 0, output: execFileSync(command, args, { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (error) {
    return { status: error.status, output: `${error.stdout}${error.stderr}` };
  }
}
