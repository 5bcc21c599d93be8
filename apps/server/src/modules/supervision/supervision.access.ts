import type { Actor } from '../../platform/auth/actor.ts';
import { findUserRefs } from '../../platform/auth/users.repository.ts';
import { chinaDate, type Clock } from '../../platform/clock/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { unitRefsByIds, type UnitRef } from '../org/index.ts';
import { findFindingRow } from './findings.repository.ts';
import {
  findInspectionById,
  inspectionConcernsUnits,
  listInspectorMembers,
} from './inspections.repository.ts';
import { findOrderRow } from './orders.repository.ts';
import { listInterviewRows } from './records.repository.ts';
import { canSeeInspection, canSeeRecord, supervisionView } from './supervision.policy.ts';
import { inspectorIdsOf, listInspectorIds } from './supervision.repository.ts';
import { byText } from './supervision.rules.ts';

/**
 * Loading the records a use case acts on: each loader returns the record with its inspection's
 * inspectors when the actor may see it, and throws 404 when not (not visible = not there).
 */

/** The China date of the clock (deadlines and tiers are counted in days). */
export const todayOf = (deps: { clock: Clock }): string => chinaDate(deps.clock.now());

/** An inspection the actor sees (a unit's clerk: one that concerns their units), with its inspectors. */
export async function loadInspection(db: Executor, actor: Actor, id: string) {
  const row = await findInspectionById(db, id);
  if (!row) throw notFound();
  const view = supervisionView(actor);
  const inspectorIds = await listInspectorIds(db, id);
  const concernsUnits = view.kind === 'units' && (await inspectionConcernsUnits(db, id, view.unitIds));
  if (!canSeeInspection(view, { ...row, inspectorIds, concernsUnits })) throw notFound();
  return { ...row, inspectorIds };
}

export type LoadedInspection = Awaited<ReturnType<typeof loadInspection>>;

/** A finding the actor sees, with its inspection's inspectors. */
export async function loadFinding(db: Executor, actor: Actor, id: string) {
  const row = await findFindingRow(db, id);
  const inspectorIds = row ? await listInspectorIds(db, row.inspectionId) : [];
  if (!row || !canSeeRecord(supervisionView(actor), { ...row, inspectorIds })) throw notFound();
  return { ...row, inspectorIds };
}

/** An order the actor sees, with its answer, its inspection's inspectors and whether an extension is pending. */
export async function loadOrder(db: Executor, actor: Actor, id: string) {
  const row = await findOrderRow(db, id);
  const inspectorIds = row ? await listInspectorIds(db, row.inspectionId) : [];
  if (!row || !canSeeRecord(supervisionView(actor), { ...row, inspectorIds })) throw notFound();
  return { ...row, inspectorIds, pendingExtension: Boolean(row.pendingExtension) };
}

/** An interview the actor sees (its unit sees it too), with its inspection's inspectors. */
export async function loadInterview(db: Executor, actor: Actor, id: string) {
  const [row] = await listInterviewRows(db, { id });
  const inspectorIds = row ? await listInspectorIds(db, row.inspectionId) : [];
  if (!row || !canSeeRecord(supervisionView(actor), { ...row, inspectorIds })) throw notFound();
  return { ...row, inspectorIds };
}

/**
 * Names units by id for a list (one query through the org module): `{ id, code, name }`, blank
 * for an id that names no unit.
 *
 * @example const unit = await unitNamer(db, rows.map((r) => r.orgUnitId)); rows.map((r) => unit(r.orgUnitId))
 */
export async function unitNamer(db: Executor, ids: readonly string[]): Promise<(id: string) => UnitRef> {
  const refs = await unitRefsByIds(db, ids);
  return (id) => refs.get(id) ?? { id, code: '', name: '' };
}

/** The inspectors of an inspection with their names, the lead first, then by name. */
export async function listNamedInspectors(db: Executor, inspectionId: string) {
  const members = await listInspectorMembers(db, inspectionId);
  const users = await findUserRefs(
    db,
    members.map((m) => m.userId),
  );
  return members
    .flatMap((m) => {
      const user = users.get(m.userId);
      return user ? [{ userId: m.userId, displayName: user.displayName, isLead: m.isLead }] : [];
    })
    .sort((a, b) => Number(b.isLead) - Number(a.isLead) || byText(a.displayName, b.displayName));
}

/**
 * What a list of findings or orders needs beside its rows: the inspectors of their inspections
 * (for the abilities) and the names of their units.
 */
export async function listContext(
  db: Executor,
  rows: ReadonlyArray<{ inspectionId: string; orgUnitId: string }>,
) {
  const [inspectors, unit] = await Promise.all([
    inspectorIdsOf(
      db,
      rows.map((r) => r.inspectionId),
    ),
    unitNamer(
      db,
      rows.map((r) => r.orgUnitId),
    ),
  ]);
  return { inspectorsOf: (r: { inspectionId: string }) => inspectors.get(r.inspectionId) ?? [], unit };
}
