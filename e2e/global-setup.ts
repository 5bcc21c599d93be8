import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_SNAPSHOT_ENV } from './support.ts';

/**
 * Global set-up of the e2e project: a directory for the run's demo snapshot (see `startServer`),
 * named to the test files through the environment their workers inherit; removed after the run.
 */
export default function setup() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-e2e-snapshot-'));
  process.env[DEMO_SNAPSHOT_ENV] = root;
  return () => fs.rmSync(root, { recursive: true, force: true });
}
