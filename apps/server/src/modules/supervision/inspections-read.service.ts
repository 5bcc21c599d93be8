import type { Actor } from '../../platform/auth/actor.ts';
import { listUserRefs } from '../../platform/auth/users.repository.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { listFindingRows } from './findings.repository.ts';
import { findPublicationOf, listInspectionsWithCounts, listScope } from './inspections.repository.ts';
import { listNamedInspectors, loadInspection, todayOf, unitNamer } from './supervision.access.ts';
import { supervisionView } from './supervision.policy.ts';
import { inspectorIdsOf } from './supervision.repository.ts';
import { byText } from './supervision.rules.ts';
import type { InspectionsFilter } from './supervision.schema.ts';
import { findingOut, inspectionSummary } from './supervision.views.ts';

/** One inspection with inspectors, scope, schedule, the findings the actor sees and its publication. */
export async function getInspection(deps: ModuleDeps, actor: Actor, id: string) {
  const inspection = await loadInspection(deps.db, actor, id);
  const [inspectors, scope, findings, publication] = await Promise.all([
    listNamedInspectors(deps.db, id),
    listScope(deps.db, id),
    listFindingRows(deps.db, { inspectionId: id, view: supervisionView(actor) }, { order: 'oldest' }),
    findPublicationOf(deps.db, id),
  ]);
  const unit = await unitNamer(
    deps.db,
    findings.map((f) => f.orgUnitId),
  );
  const openOrders = findings.filter((f) => f.orderId && f.orderState !== 'closed').length;
  return {
    ...inspectionSummary(actor, inspection, findings.length, openOrders),
    purpose: inspection.purpose,
    schedule: inspection.schedule,
    conclusion: inspection.conclusion,
    inspectors,
    scope,
    findings: findings.map((f) =>
      findingOut(actor, f, unit(f.orgUnitId), inspection.inspectorIds, todayOf(deps)),
    ),
    publication: publication ?? null,
  };
}

/** Inspections the actor sees (district; an inspector's own; a unit's that concern it), newest first. */
export async function listInspections(deps: ModuleDeps, actor: Actor, q: InspectionsFilter) {
  const rows = await listInspectionsWithCounts(deps.db, supervisionView(actor), q);
  const inspectors = await inspectorIdsOf(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    inspectionSummary(actor, { ...r, inspectorIds: inspectors.get(r.id) ?? [] }, r.findings, r.openOrders),
  );
}

/** Accounts that may be named inspectors (督学, coordinators) among the units the actor sees. */
export async function listInspectorCandidates(deps: ModuleDeps, actor: Actor) {
  const users = await listUserRefs(deps.db, {
    roles: ['inspector', 'coordinator'],
    orgUnitIds: actor.scope.all ? undefined : [...actor.scope.orgUnitIds, actor.orgUnitId],
  });
  const unit = await unitNamer(
    deps.db,
    users.map((u) => u.orgUnitId),
  );
  return users
    .sort((a, b) => byText(b.role, a.role))
    .map((u) => ({
      userId: u.id,
      displayName: u.displayName,
      role: u.role,
      unitName: unit(u.orgUnitId).name,
    }));
}
