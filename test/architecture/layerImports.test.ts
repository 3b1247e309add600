import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The layer rules live in biome.json (`noRestrictedImports` per folder of src/). This lints a
// throw-away tree of one-import files with that config, so a rule that stops firing, or starts
// firing on an allowed import, fails here and not only when someone reads the config.

interface Case {
  file: string;
  source: string;
  forbidden: boolean;
}

const CASES: Case[] = [
  // client/: HTTP only, the bottom layer
  { file: 'src/client/a.ts', source: "import { useState } from 'react';", forbidden: true },
  { file: 'src/client/b.ts', source: "import { jsx } from 'react/jsx-runtime';", forbidden: true },
  {
    file: 'src/client/c.ts',
    source: "import { QueryClient } from '@tanstack/react-query';",
    forbidden: true,
  },
  {
    file: 'src/client/d.ts',
    source: "import { x } from '../core/activityLanes.js';",
    forbidden: true,
  },
  {
    file: 'src/client/errors/e.ts',
    source: "import { x } from '../../react/useToggleActivity.js';",
    forbidden: true,
  },
  { file: 'src/client/f.ts', source: "import ky from 'ky';", forbidden: false },
  {
    file: 'src/client/errors/g.ts',
    source: "import type { ActivityStatus } from '../activityStatus.js';",
    forbidden: false,
  },
  // core/: framework-free, above client/
  { file: 'src/core/a.ts', source: "import { createElement } from 'react';", forbidden: true },
  {
    file: 'src/core/b.ts',
    source: "import { useQuery } from '@tanstack/react-query';",
    forbidden: true,
  },
  {
    file: 'src/core/c.ts',
    source: "import { QueryClientProvider } from '@tanstack/react-query';",
    forbidden: true,
  },
  {
    file: 'src/core/d.ts',
    source: "import { hashKey, type QueryClient } from '@tanstack/react-query';",
    forbidden: false,
  },
  {
    file: 'src/core/e.ts',
    source: "import { x } from '../react/useActivityStatus.js';",
    forbidden: true,
  },
  {
    file: 'src/core/f.ts',
    source: "import { createSuperOfficeClient } from '../client/createSuperOfficeClient.js';",
    forbidden: false,
  },
  // the main entry never reaches the fake WebAPI
  {
    file: 'src/index.ts',
    source: "export { FakeWebApi } from './testing/index.js';",
    forbidden: true,
  },
  {
    file: 'src/react/a.ts',
    source: "import { FakeWebApi } from '../testing/FakeWebApi.js';",
    forbidden: true,
  },
  { file: 'src/core/g.ts', source: "import { x } from '../testing';", forbidden: true },
  {
    file: 'src/client/h.ts',
    source: "import { x } from 'superoffice-activity-react/testing';",
    forbidden: true,
  },
  {
    file: 'src/testing/a.ts',
    source: "import { parseActivityIdentifier } from '../client/activityIdentifier.js';",
    forbidden: false,
  },
  {
    file: 'src/react/b.ts',
    source: "import { x } from '../checkbox/ActivityCompleteCheckbox.js';",
    forbidden: true,
  },
  // the UI reaches the network only through the hooks
  {
    file: 'src/checkbox/a.tsx',
    source: "import { createSuperOfficeClient } from '../client/createSuperOfficeClient.js';",
    forbidden: true,
  },
  {
    file: 'src/checkbox/b.tsx',
    source: "import { resolveAuth } from '../client/auth.js';",
    forbidden: true,
  },
  {
    file: 'src/checkbox/c.tsx',
    source: "import { toSuperOfficeError } from '../client/toSuperOfficeError.js';",
    forbidden: true,
  },
  {
    file: 'src/checkbox/d.tsx',
    source: "import { readBody } from '../client/responseBody.js';",
    forbidden: true,
  },
  {
    file: 'src/checkbox/e.tsx',
    source: "import { parseClientConfig } from '../client/clientConfig.js';",
    forbidden: true,
  },
  {
    file: 'src/checkbox/f.tsx',
    source: "import type { SuperOfficeClient } from '../client/createSuperOfficeClient.js';",
    forbidden: false,
  },
  {
    file: 'src/checkbox/g.tsx',
    source: "import { isCompleted } from '../client/activityStatus.js';",
    forbidden: false,
  },
  {
    file: 'src/checkbox/h.tsx',
    source:
      "import { ActivityChangedElsewhereError } from '../client/errors/ActivityChangedElsewhereError.js';",
    forbidden: false,
  },
  {
    file: 'src/checkbox/i.tsx',
    source: "import { useActivityCheckbox } from '../react/useActivityCheckbox.js';",
    forbidden: false,
  },
];

let root: string;
let flagged: Set<string>;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'layer-imports-'));
  const config = JSON.parse(await readFile('biome.json', 'utf8')) as Record<string, unknown>;
  // The throw-away tree is no git checkout, and holds nothing to ignore.
  const { $schema: _schema, ...rest } = config;
  const standalone = { ...rest, vcs: { enabled: false }, files: { includes: ['**'] } };
  await writeFile(join(root, 'biome.json'), JSON.stringify(standalone));
  for (const { file, source } of CASES) {
    await mkdir(dirname(join(root, file)), { recursive: true });
    await writeFile(join(root, file), `${source}\n`);
  }
  const biome = join(process.cwd(), 'node_modules/.bin/biome');
  const { stdout } = await promisify(execFile)(
    biome,
    [
      'lint',
      '--reporter=json',
      '--only=style/noRestrictedImports',
      '--max-diagnostics=none',
      'src',
    ],
    { cwd: root },
  ).catch((failure: { stdout?: string }) => ({ stdout: failure.stdout ?? '' }));
  const report = JSON.parse(stdout) as { diagnostics: { location: { path: string } }[] };
  flagged = new Set(report.diagnostics.map((diagnostic) => diagnostic.location.path));
}, 30_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('layer rules in biome.json', () => {
  it.each(CASES)('$file: `$source` is forbidden: $forbidden', ({ file, forbidden }) => {
    expect(flagged.has(file)).toBe(forbidden);
  });
});
