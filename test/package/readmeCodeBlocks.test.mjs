// Every TypeScript block of the README, as a partner would paste it: each block is a module of
// its own, checked by `tsc` against the packed declarations with strict settings and
// `exactOptionalPropertyTypes`. A block that is deliberately partial is preceded by
// PARTIAL_MARKER and left out.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../../scripts/pack-library.mjs';
import { installPackedLibrary } from './support/installPackedLibrary.mjs';
import { codeBlocksOf, PARTIAL_MARKER } from './support/markdownCodeBlocks.mjs';

const TSC = join(ROOT, 'node_modules/.bin/tsc');
// What a bundler's client types (vite/client, next-env.d.ts) declare: stylesheets are modules.
const BUNDLER_TYPES = "declare module '*.css';\n";
// What the README's testing recipes import beside the library (msw is linked already).
const TEST_RUNNER = ['vitest'];

describe('the README code blocks', () => {
  let consumer;
  before(() => {
    consumer = installPackedLibrary();
    for (const name of TEST_RUNNER) {
      symlinkSync(join(ROOT, 'node_modules', name), join(consumer.dir, 'node_modules', name));
    }
  });
  after(() => consumer?.remove());

  it('type-check against the packed library, each block on its own', () => {
    const blocks = typeScriptBlocks(join(ROOT, 'README.md')).filter((block) => !block.partial);
    assert.ok(blocks.length >= 8, `only ${blocks.length} blocks found: is the README parsed?`);
    assert.deepEqual(typecheckBlocks(consumer.dir, blocks, 'README.md'), []);
  });

  it('report an error in a block at its line in the README', () => {
    const markdown = [
      '# A',
      '',
      '```ts',
      "const fine = 'x';",
      'const broken: number = fine;',
      '```',
    ];
    const blocks = codeBlocksOf(markdown.join('\n'));
    const errors = typecheckBlocks(consumer.dir, blocks, 'BROKEN.md');
    assert.equal(errors.length, 1);
    assert.match(errors[0], /^BROKEN\.md:5: error TS2322/);
  });

  it('skip a block marked partial, and only that one', () => {
    const markdown = [PARTIAL_MARKER, '```tsx', 'x', '```', '', '```ts', 'y', '```'].join('\n');
    assert.deepEqual(
      codeBlocksOf(markdown).map((block) => block.partial),
      [true, false],
    );
  });
});

function typeScriptBlocks(path) {
  return codeBlocksOf(readFileSync(path, 'utf8')).filter((block) =>
    ['ts', 'tsx'].includes(block.language),
  );
}

/** Writes each block to a module in `dir/readme` and returns tsc's errors as `file.md:line: …`. */
function typecheckBlocks(dir, blocks, source) {
  const project = join(dir, `readme-${source}`);
  cpSync(join(import.meta.dirname, 'readme'), project, { recursive: true });
  writeFileSync(join(project, 'bundler.d.ts'), BUNDLER_TYPES);
  const files = new Map();
  for (const block of blocks) {
    const name = `line-${block.firstLine}.${block.language}`;
    // `export {}` keeps a block without imports a module, so blocks never share a scope.
    writeFileSync(join(project, name), `${block.code}\nexport {};\n`);
    files.set(name, block);
  }
  let output = '';
  try {
    execFileSync(TSC, ['-p', project, '--pretty', 'false'], { encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    output = `${error.stdout}${error.stderr}`;
  }
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const located = /^(?:.*\/)?(line-\d+\.tsx?)\((\d+),\d+\): (.*)$/.exec(line);
      const block = located && files.get(located[1]);
      if (!block) return line;
      return `${source}:${block.firstLine + Number(located[2]) - 1}: ${located[3]}`;
    });
}
