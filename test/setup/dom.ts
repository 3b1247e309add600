import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { activityLanes } from '../../src/core/activityLanes.js';

afterEach(() => {
  cleanup();
  // Lanes are page-wide; each test is a fresh page.
  activityLanes.forgetEvidence();
  localStorage.clear();
});
