import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { fieldError, forbidden } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { unitRefsByIds } from '../org/index.ts';
import { insertSanction, listSanctionRows, type SanctionFilter } from './records.repository.ts';
import type { SanctionInput, SanctionsFilter } from './records.schema.ts';
import { countAssessmentRecords, type AssessmentScope } from './stats.repository.ts';
import { loadInspection, todayOf, unitNamer } from './supervision.access.ts';
import { mayManage, supervisionView, type SupervisionView } from './supervision.policy.ts';
import { ASSESSMENT_FORMULA, assessmentScore } from './supervision.rules.ts';

/** Rewards and penalties (奖惩) against units, and the yearly assessment (考评) they count in. */

/** Records a reward or penalty against a unit of the coordinator's district. */
export async function recordSanction(deps: ModuleDeps, actor: Actor, input: SanctionInput) {
  const districtId = actor.districtId;
  if (!districtId || !mayManage(actor, districtId)) throw forbidden();
  if (!(await unitRefsByIds(deps.db, [input.orgUnitId])).has(input.orgUnitId))
    throw fieldError('orgUnitId', 'ORG_UNIT_UNKNOWN', '单位不存在', 'Unknown unit');
  if (input.inspectionId) await loadInspection(deps.db, actor, input.inspectionId);
  const id = await deps.transaction(async (trx) => {
    const id = await insertSanction(trx, {
      ...input,
      districtId,
      inspectionId: input.inspectionId ?? null,
      title: input.title.trim(),
      groundsText: input.groundsText.trim(),
      createdBy: actor.userId,
      createdAt: deps.clock.now(),
    });
    await deps.audit.record(trx, auditActorOf(actor), {
      action: `supervision.sanction.${input.kind}`,
      objectType: 'sanction',
      objectId: id,
      details: { orgUnitId: input.orgUnitId, year: input.year, points: input.points, ground: input.ground },
    });
    return id;
  });
  const [out] = await listSanctions(deps, actor, { id });
  return out!;
}

/** The sanctions a view sees: a clerk's own units', the district's, or all. */
function sanctionScope(view: SupervisionView): SanctionFilter {
  if (view.kind === 'units') return { unitIds: view.unitIds };
  if (view.kind === 'district' && view.all) return {};
  return { districtId: view.districtId };
}

/** Rewards and penalties the actor sees, newest decision first. */
export async function listSanctions(deps: ModuleDeps, actor: Actor, q: SanctionsFilter & { id?: string }) {
  const filter = { year: q.year, orgUnitId: q.orgUnitId, id: q.id };
  const rows = await listSanctionRows(deps.db, { ...filter, ...sanctionScope(supervisionView(actor)) });
  const unit = await unitNamer(
    deps.db,
    rows.map((r) => r.orgUnitId),
  );
  return rows.map(({ districtId: _d, orgUnitId, ...s }) => ({ ...s, unit: unit(orgUnitId) }));
}

/** The records the assessment counts for a view (an inspector's: none). */
function assessmentScope(view: SupervisionView): AssessmentScope | null {
  if (view.kind === 'inspector') return null;
  if (view.kind === 'units') return { units: view.unitIds };
  if (view.all) return 'all';
  return view.districtId ? { districtId: view.districtId } : { units: [] };
}

/**
 * The yearly assessment (考评) table, one row per unit with any supervision record in `year`:
 * findings recorded that year, orders due that year closed on time / late / still open past due,
 * reward and penalty points, and the score (formula: `ASSESSMENT_WEIGHTS`), best first.
 */
export async function assessment(deps: ModuleDeps, actor: Actor, year: number) {
  const scope = assessmentScope(supervisionView(actor));
  if (!scope) return { year, formula: ASSESSMENT_FORMULA, rows: [] };
  const asOf = [todayOf(deps), `${year}-12-31`].sort()[0]!;
  const counts = await countAssessmentRecords(deps.db, scope, year, asOf);
  const unit = await unitNamer(
    deps.db,
    counts.map((c) => c.orgUnitId),
  );
  const rows = counts.map(({ orgUnitId, ...n }) => ({ unit: unit(orgUnitId), ...n, ...assessmentScore(n) }));
  return {
    year,
    formula: ASSESSMENT_FORMULA,
    rows: rows.sort((a, b) => b.score - a.score || a.unit.code.localeCompare(b.unit.code)),
  };
}
