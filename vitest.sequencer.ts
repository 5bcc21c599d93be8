import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The order test files start in. Vitest's own order (files that failed or took longest in the
 * last run first, else the largest files first) knows nothing on a clean checkout, where CI runs:
 * its durations live in node_modules. Two things it cannot know are stated here:
 *
 * - The page tests (project `pages`) wait for the page server to load the demo district, which it
 *   does in the background from the start of the run: they go last, so the workers run the unit
 *   and service tests meanwhile instead of waiting with nothing to do.
 * - End-to-end files start longest first (as measured in CI's step timings), so the two workers
 *   finish together rather than one walking a long file alone at the end. A file not named here
 *   keeps Vitest's order after the named ones.
 */
const E2E_LONGEST_FIRST = [
  'enrollment-journey',
  'accessibility-coordinator',
  'accessibility-units',
  'accessibility-public',
  'phone-layout',
  'plan-journey',
];

function rank(spec: TestSpecification): number {
  if (spec.project.name === 'pages') return E2E_LONGEST_FIRST.length + 1;
  if (spec.project.name !== 'e2e') return 0;
  const name = path.basename(spec.moduleId);
  const i = E2E_LONGEST_FIRST.findIndex((prefix) => name.startsWith(`${prefix}.`));
  return i < 0 ? E2E_LONGEST_FIRST.length : i;
}

export class ZhijiaoSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    // Array.prototype.sort is stable: within a rank, Vitest's order stays.
    return [...(await super.sort(files))].sort((a, b) => rank(a) - rank(b));
  }
}
