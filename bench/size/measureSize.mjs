// Row 1: bundles each entry the way size-limit's preset does (rolldown, minified, tree-shaken,
// peers external) and reports gzip (level 9) and brotli (quality 11) sizes of the result.
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'rolldown';

const root = fileURLToPath(new URL('../..', import.meta.url));
const here = (file) => fileURLToPath(new URL(file, import.meta.url));

const REACT = ['react', 'react-dom'];
const PEERS = [...REACT, '@tanstack/react-query'];

/** The entries compared; `external` lists packages left out of the bundle. */
const SIZE_ENTRIES = [
  {
    key: 'own',
    input: `${root}dist/index.js`,
    external: [...PEERS, 'ky'],
  },
  {
    key: 'withKy',
    input: `${root}dist/index.js`,
    external: PEERS,
  },
  {
    key: 'official',
    input: here('officialClient.js'),
    external: [],
  },
  {
    key: 'radix',
    input: here('radixCheckbox.js'),
    external: REACT,
  },
  {
    key: 'aria',
    input: here('ariaCheckbox.js'),
    external: REACT,
  },
];

/** Sizes in bytes of every entry; needs `npm run build` first for the library's entries. */
export async function measureSizes() {
  const sizes = {};
  for (const entry of SIZE_ENTRIES) sizes[entry.key] = await bundleSize(entry);
  return sizes;
}

async function bundleSize({ input, external }) {
  const escaped = external.map((name) => name.replace(/[/.]/g, '\\$&'));
  const result = await build({
    input,
    cwd: root,
    write: false,
    logLevel: 'silent',
    treeshake: true,
    platform: 'browser',
    transform: { define: { 'process.env.NODE_ENV': '"production"' } },
    external: escaped.length ? new RegExp(`^(${escaped.join('|')})($|/)`) : [],
    output: { format: 'esm', minify: true, comments: { annotation: false }, codeSplitting: false },
  });
  const chunks = result.output.filter((chunk) => chunk.type === 'chunk');
  const bytes = Buffer.from(chunks.map((chunk) => chunk.code).join('\n'));
  // Where the bytes come from: each module's share of the bundle, largest first.
  const largestModules = chunks
    .flatMap((chunk) => Object.entries(chunk.modules))
    .map(([id, module]) => ({ module: relative(root, id), rendered: module.renderedLength }))
    .sort((a, b) => b.rendered - a.rendered)
    .slice(0, 5);
  return {
    largestModules,
    minified: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  };
}
