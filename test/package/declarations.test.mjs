// The published declarations, as a partner's TypeScript sees them: the packed tarball, strict
// settings, `exactOptionalPropertyTypes`, and both `bundler` and `node16` module resolution.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../../scripts/pack-library.mjs';
import { installPackedLibrary } from './support/installPackedLibrary.mjs';

const TSC = join(ROOT, 'node_modules/.bin/tsc');

describe('the packed declarations', () => {
  let consumer;
  before(() => {
    consumer = installPackedLibrary();
    cpSync(join(import.meta.dirname, 'consumer'), consumer.dir, { recursive: true });
  });
  after(() => consumer?.remove());

  for (const resolution of ['bundler', 'node16']) {
    it(`compile in a strict consumer with moduleResolution ${resolution}`, () => {
      const project = join(consumer.dir, `tsconfig.${resolution}.json`);
      const result = typecheck(project);
      assert.equal(result.output, '', `tsc -p tsconfig.${resolution}.json reported errors`);
      assert.equal(result.status, 0);
    });
  }
});

function typecheck(project) {
  try {
    execFileSync(TSC, ['-p', project, '--pretty', 'false'], { encoding: 'utf8', stdio: 'pipe' });
    return { status: 0, output: '' };
  } catch (error) {
    return { status: error.status, output: `${error.stdout}${error.stderr}`.trim() };
  }
}
