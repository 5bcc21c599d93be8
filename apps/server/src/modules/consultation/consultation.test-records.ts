import type { TestContext } from '../../test/test-context.ts';
import { SHANGDANG_VERSION } from '../../test/shangdang-plan.ts';
import { SYSTEM_ACTOR } from '../../test/test-context.ts';
import { listOrgUnitInfo } from '../org/index.ts';
import { draftPlanText, signInCoordinator } from './consultation.test-helpers.ts';

type Owned = { id: string; unitIds: string[] };

/**
 * Records behind the consultation module's GET routes with an id, for the scoping matrix
 * (platform/http/scoping.test.ts): a closed consultation with its revision (summary, diff) and an
 * open one (challenge). Public routes are visible to every unit; editor routes to no clerk (only
 * coordinators manage consultations, so a clerk gets 404). Leaves the clock where it found it.
 */
export async function consultationScopingRecords(ctx: TestContext): Promise<Array<[string, Owned[]]>> {
  const start = ctx.clock.now();
  const day = 24 * 3600_000;
  const { actor } = await signInCoordinator(ctx);
  const plans = ctx.services.plans.imports;
  const first = await plans.importPlan(draftPlanText(SHANGDANG_VERSION + 1), SYSTEM_ACTOR);
  const second = await plans.importPlan(draftPlanText(SHANGDANG_VERSION + 2), SYSTEM_ACTOR);
  const svc = ctx.services.consultation.consultations;
  const closed = await svc.createConsultation(actor, {
    planId: first.planId,
    closesAt: new Date(start.getTime() + day).toISOString(),
  });
  await svc.openConsultation(actor, closed.id);
  ctx.clock.set(new Date(start.getTime() + 2 * day));
  await svc.closeConsultation(actor, closed.id);
  await svc.createRevision(actor, closed.id, [{ key: 'preamble', text: '修订后的前言。' }]);
  ctx.clock.set(start);
  const open = await svc.createConsultation(actor, {
    planId: second.planId,
    closesAt: new Date(start.getTime() + 30 * day).toISOString(),
  });
  await svc.openConsultation(actor, open.id);
  const everyone = (await listOrgUnitInfo(ctx.db)).map((u) => u.id);
  const pub = (...ids: string[]) => ids.map((id) => ({ id, unitIds: everyone }));
  const editors = (...ids: string[]) => ids.map((id) => ({ id, unitIds: [] }));
  return [
    ['/api/public/consultations/:id', pub(closed.id, open.id)],
    ['/api/public/consultations/:id/challenge', pub(open.id)],
    ['/api/public/consultations/:id/summary', pub(closed.id)],
    ['/api/public/consultations/:id/summary.docx', pub(closed.id)],
    ['/api/public/consultations/:id/summary.pdf', pub(closed.id)],
    ['/api/consultations/:id', editors(closed.id, open.id)],
    ['/api/consultations/:id/versions', editors(closed.id, open.id)],
    ['/api/consultations/:id/diff', editors(closed.id)],
    ['/api/consultations/:id/summary', editors(closed.id)],
    ['/api/consultations/:id/summary.docx', editors(closed.id)],
    ['/api/consultations/:id/summary.pdf', editors(closed.id)],
  ];
}
