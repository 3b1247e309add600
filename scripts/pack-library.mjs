// Builds the library and packs it with `npm pack`, exactly as it would be published, so that the
// example and the package tests consume the tarball a partner gets, never the source tree.
//
//   node scripts/pack-library.mjs [destination]   → prints the tarball's path
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');

/**
 * `npm run build`, then `npm pack` into `destination`. The tarball's name carries a hash of its
 * content, so that `npm install <tgz>` never mistakes a new build for one it already installed.
 * Older tarballs in `destination` are removed.
 */
export function packLibrary({ destination, build = true }) {
  mkdirSync(destination, { recursive: true });
  for (const old of readdirSync(destination).filter((name) => name.endsWith('.tgz'))) {
    rmSync(join(destination, old));
  }
  if (build) execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  const output = execFileSync(
    'npm',
    ['pack', '--json', '--ignore-scripts', '--pack-destination', destination],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [{ filename }] = JSON.parse(output);
  const packed = join(destination, filename);
  const hash = createHash('sha256').update(readFileSync(packed)).digest('hex').slice(0, 10);
  const tarball = packed.replace(/\.tgz$/, `-${hash}.tgz`);
  renameSync(packed, tarball);
  return tarball;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const destination = resolve(process.argv[2] ?? join(ROOT, '.pack'));
  console.log(packLibrary({ destination }));
}
