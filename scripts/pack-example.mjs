// Installs the library into examples/partner-dashboard the way a partner gets it: built, packed
// with `npm pack`, and installed from the tarball (never linked to src/).
//
//   node scripts/pack-example.mjs
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packLibrary, ROOT } from './pack-library.mjs';

export const EXAMPLE = join(ROOT, 'examples/partner-dashboard');

export function installLibraryIntoExample() {
  const tarball = packLibrary({ destination: join(EXAMPLE, '.pack') });
  if (needsCleanInstall()) npm(['ci']);
  // --no-save: the tarball's name changes with every build; package.json and the lock stay.
  npm(['install', '--no-save', tarball]);
  console.log(`[example] installed ${relative(ROOT, tarball)} into ${relative(ROOT, EXAMPLE)}`);
  return tarball;
}

// `npm ci` only when the example's own dependencies are missing or its lock changed.
function needsCleanInstall() {
  const installed = join(EXAMPLE, 'node_modules/.package-lock.json');
  if (!existsSync(installed)) return true;
  return statSync(join(EXAMPLE, 'package-lock.json')).mtimeMs > statSync(installed).mtimeMs;
}

function npm(args) {
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: EXAMPLE,
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
  installLibraryIntoExample();
}
