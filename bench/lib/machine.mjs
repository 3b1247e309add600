// What the figures were measured on: they only compare within one run on one machine.
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

const PACKAGES = [
  'react',
  'react-dom',
  '@tanstack/react-query',
  'ky',
  '@radix-ui/react-checkbox',
  'react-aria-components',
  '@superoffice/webapi',
  'axios',
  'vite',
  'playwright-core',
];

export function describeMachine(chromiumVersion) {
  const own = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: osName(),
    node: process.version,
    chromium: chromiumVersion,
    packages: {
      [own.name]: own.version,
      ...Object.fromEntries(PACKAGES.map((name) => [name, versionOf(name)])),
    },
  };
}

// Read from node_modules directly: some packages' exports hide or remap package.json.
function versionOf(name) {
  const path = new URL(`../../node_modules/${name}/package.json`, import.meta.url);
  return JSON.parse(readFileSync(path, 'utf8')).version;
}

function osName() {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    return /^PRETTY_NAME="?([^"\n]*)"?/m.exec(release)?.[1] ?? process.platform;
  } catch {
    return process.platform;
  }
}
