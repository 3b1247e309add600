// Installs the library into the examples the way a partner gets it: built, packed with
// `npm pack`, and installed from the tarball (never linked to src/).
//
//   node scripts/pack-example.mjs [partner-dashboard|nextjs …]   (default: every example)
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packLibrary, ROOT } from './pack-library.mjs';

export const EXAMPLES = ['partner-dashboard', 'nextjs'];

/** Builds and packs once, then installs the tarball into each named example. */
export function installLibraryIntoExamples(names = EXAMPLES) {
  const unknown = names.filter((name) => !EXAMPLES.includes(name));
  if (unknown.length > 0) throw new Error(`No such example: ${unknown.join(', ')}`);
  const tarball = packLibrary({ destination: join(ROOT, 'examples/.pack') });
  for (const name of names) {
    const example = join(ROOT, 'examples', name);
    if (needsCleanInstall(example)) npm(example, ['ci']);
    // --no-save: the tarball's name changes with every build; package.json and the lock stay.
    npm(example, ['install', '--no-save', tarball]);
    console.log(`[example] installed ${relative(ROOT, tarball)} into ${relative(ROOT, example)}`);
  }
  return tarball;
}

// `npm ci` only when the example's own dependencies are missing or its lock changed.
function needsCleanInstall(example) {
  const installed = join(example, 'node_modules/.package-lock.json');
  if (!existsSync(installed)) return true;
  return statSync(join(example, 'package-lock.json')).mtimeMs > statSync(installed).mtimeMs;
}

function npm(cwd, args) {
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    stdio: 'inherit',
    env: withoutNpmConfigOf(process.env),
  });
}

// Run from `npm run`, npm's own settings for the root (npm_config_*) would leak into the
// example's install; it is a project of its own.
function withoutNpmConfigOf(env) {
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => !/^npm_(config|package|lifecycle)_/i.test(name)),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const names = process.argv.slice(2);
  installLibraryIntoExamples(names.length > 0 ? names : EXAMPLES);
}
