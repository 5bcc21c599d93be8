import type { TestContext } from '../../test/test-context.ts';
import type { WriteProbe } from '../../test/write-probe.ts';
import { listSubtreeIds, unitsByCodes } from '../org/index.ts';
import { runWholeSeason } from './enrollment.test-helpers.ts';

/** A record behind an `:id` route, with the org units whose users may see it. */
type Owned = { id: string; unitIds: string[] };

/**
 * For the scoping matrix (platform/http/scoping.test.ts): runs a whole test season (needs
 * `seedShangdang`), puts the clock back, and returns the records behind every enrolment GET route
 * that takes an id, each with the units that may see it. The season is visible district-wide; a
 * candidate's preferences to their junior high; a notice to the receiving school; runs to 招生办
 * (the coordinator: `enrollment.manage`) and jobs to whoever started them — no unit clerk, not even
 * one of 区教育局.
 */
export async function enrollmentScopingRecords(ctx: TestContext): Promise<Array<[string, Owned[]]>> {
  const start = ctx.clock.now();
  const { f, runs, jobs } = await runWholeSeason(ctx);
  ctx.clock.set(start);
  const units = await unitsByCodes(ctx.db, ['SD', 'SD-JHS1', 'SD-JHS2', 'SD-VHS', 'SD-HS1']);
  const unit = (code: string) => units.get(code)!.id;
  const season = [{ id: f.seasonId, unitIds: await listSubtreeIds(ctx.db, unit('SD')) }];
  const candidate = (exam: string) => f.candidates.get(exam)!;
  return [
    ['/api/enrollment/seasons/:id', season],
    ['/api/enrollment/seasons/:id/candidates', season],
    ['/api/enrollment/seasons/:id/candidates/template.xlsx', season],
    ['/api/enrollment/seasons/:id/candidates/export.xlsx', season],
    ['/api/enrollment/seasons/:id/runs', season],
    ['/api/enrollment/seasons/:id/admissions', season],
    ['/api/enrollment/seasons/:id/admissions/export.xlsx', season],
    ['/api/public/enrollment/seasons/:id/cutoffs', season],
    [
      '/api/enrollment/candidates/:id/preferences',
      [
        { id: candidate('210003'), unitIds: [unit('SD-JHS1')] },
        { id: candidate('210002'), unitIds: [unit('SD-JHS2')] },
      ],
    ],
    [
      '/api/enrollment/candidates/:id/admission-notice.pdf',
      [
        { id: candidate('210004'), unitIds: [unit('SD-VHS')] },
        { id: candidate('210001'), unitIds: [unit('SD-HS1')] },
      ],
    ],
    ['/api/enrollment/runs/:id', [{ id: runs.general, unitIds: [] }]],
    ['/api/jobs/:id', [{ id: jobs.general, unitIds: [] }]],
  ];
}

/** An id nothing holds. */
const NOBODY = '00000000-0000-4000-8000-000000000000';

/**
 * The clerks' enrolment write routes for the scoping matrix, over the records of
 * `enrollmentScopingRecords`: a candidate's preferences (filled by its own junior high's clerk) and
 * 报到 at the receiving school (confirmed by that school's own clerk). A clerk of a unit above the
 * schools (区教育局) sees both and is 403; the owner is refused for what it asks (a decline without
 * a reason, a batch naming a candidate nobody admitted), so the walk writes nothing. The matrix has
 * no junior high's clerk, so preferences are tried on the seen and the unseen only.
 */
export function enrollmentWriteProbes(): WriteProbe[] {
  return [
    {
      method: 'PUT',
      url: '/api/enrollment/candidates/:id/preferences',
      records: '/api/enrollment/candidates/:id/preferences',
      request: () => ({ payload: { batchId: NOBODY, choices: [] } }),
      own: null,
    },
    {
      method: 'PUT',
      url: '/api/enrollment/candidates/:id/registration',
      records: '/api/enrollment/candidates/:id/admission-notice.pdf',
      request: () => ({ payload: { status: 'declined' } }),
      own: '400 VALIDATION_FAILED REQUIRED',
    },
    {
      method: 'POST',
      url: '/api/enrollment/registrations',
      records: '/api/enrollment/candidates/:id/admission-notice.pdf',
      request: (rec) => ({ payload: { candidateIds: [rec.id, NOBODY] } }),
      // All or nothing, each candidate named: the one nobody admitted refuses the owner's batch.
      own: '400 VALIDATION_FAILED NOT_FOUND',
      unseen: '400 VALIDATION_FAILED NOT_FOUND,NOT_FOUND',
    },
  ];
}
