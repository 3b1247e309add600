import { burst } from './scenarios/bursts.js';
import { clickAtScale } from './scenarios/clickAtScale.js';
import { clickToFeedback } from './scenarios/clickToFeedback.js';
import { fault } from './scenarios/faults.js';
import { memoryMount, memoryToggleBatch, memoryUnmount } from './scenarios/memory.js';
import { mountCost } from './scenarios/mountCost.js';
import { renderIsolation } from './scenarios/renderIsolation.js';
import { tabSyncCost } from './scenarios/tabSync.js';

// bench/run.mjs drives these through Playwright's page.evaluate.
const scenarios = {
  burst,
  clickAtScale,
  clickToFeedback,
  fault,
  memoryMount,
  memoryToggleBatch,
  memoryUnmount,
  mountCost,
  renderIsolation,
  tabSyncCost,
};

declare global {
  interface Window {
    bench: typeof scenarios;
  }
}

window.bench = scenarios;
