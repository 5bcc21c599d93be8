/** Applications as the API shows them: names, the 会签单, the evaluation, standing and abilities. */
import { CERTIFICATION_PANEL_GROUP } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { findUserRefs } from '../../platform/auth/users.repository.ts';
import type { Executor } from '../../platform/db/database.ts';
import { listOrgUnitInfo, unitRefsByIds } from '../org/index.ts';
import { today, type ActorRoles, type CertificationDeps } from './certification.deps.ts';
import { listEvents, listOpinions, listRechecks, type ApplicationRow } from './certification.repository.ts';
import { certificationStateOn, recheckDatesOf } from './certification.rules.ts';
import type { EvaluationSnapshot } from './certification.tables.ts';
import { recuses } from './certification.policy.ts';
import { applicationWorkflow } from './certification.workflow.ts';
import { measureApplication } from './certification-evidence.ts';

/** The joint-review bureaus of a district (会签单位), by code. */
export async function panelOf(db: Executor, districtId: string) {
  return (await listOrgUnitInfo(db, { under: districtId, groups: [CERTIFICATION_PANEL_GROUP] }))
    .filter((u) => u.groups.includes(CERTIFICATION_PANEL_GROUP))
    .map((u) => ({ id: u.id, code: u.code, name: u.name }));
}

/**
 * The lines of an application's 会签单: each joint-review bureau of its district, the unit that
 * filed the application marked `recused` (回避: it does not review its own application, and the
 * joint review is complete with the other lines).
 */
export async function reviewLinesOf(
  db: Executor,
  row: Pick<ApplicationRow, 'districtId' | 'appliedByUnitId'>,
) {
  return (await panelOf(db, row.districtId)).map((b) => ({ ...b, recused: recuses(b.id, row) }));
}

/**
 * A certification's standing today and its dates, from the decision (its stored `validUntil`) and
 * the passed re-checks.
 */
export function standingOf(
  deps: CertificationDeps,
  row: ApplicationRow,
  rechecks: readonly { checkedOn: string; passed: boolean }[],
  on: string,
) {
  if (!row.certifiedOn || !row.validUntil) return null;
  const passed = rechecks.filter((r) => r.passed).map((r) => r.checkedOn);
  const lastRecheckOn = passed.at(-1) ?? null;
  const certification = { certifiedOn: row.certifiedOn, validUntil: row.validUntil };
  const recheckDates = recheckDatesOf(certification, deps.rules);
  const standing = certificationStateOn(
    { ...certification, revokedOn: row.revokedOn, lastRecheckOn },
    deps.rules,
    on,
  );
  const nextRecheckOn = recheckDates.find((d) => lastRecheckOn === null || d > lastRecheckOn) ?? null;
  return {
    standing,
    certifiedOn: row.certifiedOn,
    validUntil: row.validUntil,
    recheckDates,
    nextRecheckOn,
    lastRecheckOn,
  };
}

function abilities(actor: Actor, roles: ActorRoles, row: ApplicationRow) {
  return applicationWorkflow.abilities(actor, { ...row, roles });
}

/** The list rows: enterprise, year, state, standing, how many bureaus signed. */
export async function describeApplications(
  deps: CertificationDeps,
  actor: Actor,
  roles: ActorRoles,
  rows: readonly ApplicationRow[],
) {
  const ids = rows.map((r) => r.id);
  const [units, opinions, rechecks] = await Promise.all([
    unitRefsByIds(
      deps.db,
      rows.flatMap((r) => [r.enterpriseId, r.appliedByUnitId]),
    ),
    listOpinions(deps.db, ids),
    listRechecks(deps.db, ids),
  ]);
  const panels = new Map<string, Array<{ id: string }>>();
  for (const d of new Set(rows.map((r) => r.districtId))) panels.set(d, await panelOf(deps.db, d));
  // The lines the review needs: the district's joint-review bureaus but the applying unit (回避).
  const lines = (r: ApplicationRow) => (panels.get(r.districtId) ?? []).filter((b) => !recuses(b.id, r));
  const on = today(deps);
  return rows.map((r) => ({
    id: r.id,
    enterprise: units.get(r.enterpriseId)!,
    appliedBy: units.get(r.appliedByUnitId)!,
    year: r.year,
    appliedOn: r.appliedOn,
    state: r.state,
    decidedOn: r.decidedOn,
    opinionsGiven: lines(r).filter((b) =>
      opinions.some((o) => o.applicationId === r.id && o.bureauId === b.id),
    ).length,
    panelSize: lines(r).length,
    certification: standingOf(
      deps,
      r,
      rechecks.filter((c) => c.applicationId === r.id),
      on,
    ),
    abilities: abilities(actor, roles, r),
  }));
}

/**
 * One application in full. The evaluation is the decision's snapshot once decided (`measuredNow`
 * false: later records never rewrite it), and measured from the records while under review — as
 * of the year applied for (`applicationAsOf`), however late it is viewed.
 */
export async function describeApplication(
  deps: CertificationDeps,
  actor: Actor,
  roles: ActorRoles,
  row: ApplicationRow,
) {
  const [[base], panel, opinions, rechecks, events] = await Promise.all([
    describeApplications(deps, actor, roles, [row]),
    reviewLinesOf(deps.db, row),
    listOpinions(deps.db, [row.id]),
    listRechecks(deps.db, [row.id]),
    listEvents(deps.db, row.id),
  ]);
  const users = await findUserRefs(
    deps.db,
    events.map((e) => e.actorId),
  );
  const snapshot: EvaluationSnapshot = row.evaluation ?? (await measureApplication(deps, deps.db, row));
  return {
    ...base!,
    statement: row.statement,
    decisionNote: row.decisionNote,
    revokedOn: row.revokedOn,
    revokeReason: row.revokeReason,
    evaluation: { ...snapshot, measuredNow: row.evaluation === null },
    opinions: panel.map(({ recused, ...b }) => {
      const o = opinions.find((x) => x.bureauId === b.id);
      return {
        bureau: b,
        recused,
        opinion: o?.opinion ?? null,
        comment: o?.comment ?? '',
        givenOn: o?.givenOn ?? null,
      };
    }),
    rechecks: rechecks.map((c) => ({
      checkedOn: c.checkedOn,
      passed: c.passed,
      comment: c.comment,
      evaluation: c.evaluation,
    })),
    history: events.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      comment: e.comment,
      actor: (e.actorId && users.get(e.actorId)?.displayName) ?? '',
    })),
    mySignature: roles.panel,
  };
}
