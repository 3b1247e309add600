import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// The suite `npm run test:mutation` (StrykerJS, stryker.config.json) judges: the Node and jsdom
// projects. Stryker's Vitest runner has no project filter and cannot drive the Chromium
// projects, so they are left out here. The fuzz runs at a reduced count set by the npm script.
// MUTATION_PROJECTS=node narrows it to the Node tests: a quicker run whose score is a lower bound.
const MUTATION_PROJECTS = new Set((process.env.MUTATION_PROJECTS ?? 'node,dom').split(','));

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    projects: (base.test?.projects ?? []).filter(
      (project) =>
        typeof project === 'object' &&
        'test' in project &&
        MUTATION_PROJECTS.has(project.test?.name as string),
    ),
  },
});
