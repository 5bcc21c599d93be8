import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { findUserRefs } from '../../platform/auth/users.repository.ts';
import { findStoredFiles } from '../../platform/files/files.repository.ts';
import { unitRefsByIds, type UnitRef } from '../org/index.ts';
import { agreementStatus, approvalRefusals } from './cooperation.rules.ts';
import {
  apprenticeshipsPerAgreement,
  findAgreement,
  listApprenticeshipHistory,
  listProjects,
  listStages,
  type AgreementRow,
  type ApprenticeshipRow,
  type CentreRow,
  type StageRow,
} from './cooperation.repository.ts';
import { agreementWorkflow, apprenticeshipWorkflow, centreWorkflow } from './cooperation.workflow.ts';

/*
 * How records are answered: the units by name, the files by name, the status on the day, and the
 * abilities the UI reads (from the workflows' declarations, not re-implemented in the web).
 */

const unknownUnit = (id: string): UnitRef => ({ id, code: '', name: id });

async function fileRefs(db: Executor, ids: readonly (string | null)[]) {
  const wanted = ids.filter((id): id is string => !!id);
  return wanted.length === 0 ? new Map() : await findStoredFiles(db, wanted);
}

/** Agreements as the API answers them, on `day`. */
export async function describeAgreements(
  db: Executor,
  actor: Actor,
  rows: readonly AgreementRow[],
  day: string,
) {
  const [units, files, counts] = await Promise.all([
    unitRefsByIds(
      db,
      rows.flatMap((r) => [r.schoolId, r.enterpriseId]),
    ),
    fileRefs(
      db,
      rows.map((r) => r.agreementFileId),
    ),
    apprenticeshipsPerAgreement(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((r) => {
    const file = r.agreementFileId ? files.get(r.agreementFileId) : undefined;
    return {
      id: r.id,
      school: units.get(r.schoolId) ?? unknownUnit(r.schoolId),
      enterprise: units.get(r.enterpriseId) ?? unknownUnit(r.enterpriseId),
      title: r.title,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      scopes: r.scopes,
      summary: r.summary,
      signedOn: r.signedOn,
      file: file ? { id: file.id, name: file.name } : null,
      status: agreementStatus(r, day),
      terminatedOn: r.terminatedOn,
      terminationReason: r.terminationReason,
      apprenticeships: counts.get(r.id) ?? 0,
      abilities: agreementWorkflow.abilities(actor, r),
    };
  });
}

/** Apprenticeships as lists show them (no stages, history or check). */
export async function describeApprenticeships(
  db: Executor,
  actor: Actor,
  rows: readonly ApprenticeshipRow[],
) {
  const agreementIds = [...new Set(rows.map((r) => r.agreementId))];
  const [units, files, agreements] = await Promise.all([
    unitRefsByIds(
      db,
      rows.flatMap((r) => [r.schoolId, r.enterpriseId]),
    ),
    fileRefs(
      db,
      rows.map((r) => r.planFileId),
    ),
    Promise.all(agreementIds.map((id) => findAgreement(db, id))),
  ]);
  const titles = new Map(agreements.filter((a) => !!a).map((a) => [a.id, a.title]));
  return rows.map((r) => {
    const file = r.planFileId ? files.get(r.planFileId) : undefined;
    return {
      id: r.id,
      agreementId: r.agreementId,
      agreementTitle: titles.get(r.agreementId) ?? '',
      school: units.get(r.schoolId) ?? unknownUnit(r.schoolId),
      enterprise: units.get(r.enterpriseId) ?? unknownUnit(r.enterpriseId),
      scheme: r.scheme,
      title: r.title,
      occupation: r.occupation,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      apprenticeCount: r.apprenticeCount,
      schoolMentors: r.schoolMentors,
      enterpriseMentors: r.enterpriseMentors,
      planSummary: r.planSummary,
      planFile: file ? { id: file.id, name: file.name } : null,
      state: r.state,
      schoolApprovedOn: r.schoolApprovedOn,
      enterpriseApprovedOn: r.enterpriseApprovedOn,
      completedOn: r.completedOn,
      completedCount: r.completedCount,
      endNote: r.endNote,
      abilities: apprenticeshipWorkflow.abilities(actor, r),
    };
  });
}

/** The facts `approvalRefusals` reads, from the row and its stages. */
export function approvalFacts(r: ApprenticeshipRow, stages: readonly StageRow[]) {
  return {
    ...r,
    stages: stages.map((s) => ({ title: s.title, plannedEndOn: s.plannedEndOn, completedOn: s.completedOn })),
  };
}

/**
 * One apprenticeship with its stages, history (each step with who took it: the account's name and
 * the unit it acted for then, the school's or the enterprise's) and what stands in the way of approval on `day`.
 */
export async function describeApprenticeship(
  db: Executor,
  actor: Actor,
  row: ApprenticeshipRow,
  day: string,
) {
  const [[listed], stages, history, agreement] = await Promise.all([
    describeApprenticeships(db, actor, [row]),
    listStages(db, [row.id]),
    listApprenticeshipHistory(db, row.id),
    findAgreement(db, row.agreementId),
  ]);
  const [users, units] = await Promise.all([
    findUserRefs(
      db,
      history.map((h) => h.actorId),
    ),
    unitRefsByIds(
      db,
      history.flatMap((h) => (h.actorUnitId ? [h.actorUnitId] : [])),
    ),
  ]);
  const actorOf = (h: { actorId: string | null; actorUnitId: string | null }) => ({
    actorName: (h.actorId && users.get(h.actorId)?.displayName) ?? '',
    actorUnit: (h.actorUnitId && units.get(h.actorUnitId)?.name) ?? '',
  });
  const check =
    (row.state === 'draft' || row.state === 'school_approved') && agreement
      ? approvalRefusals(approvalFacts(row, stages), agreement, day)
      : [];
  return {
    ...listed!,
    stages: stages.map((s) => ({
      id: s.id,
      seq: s.seq,
      title: s.title,
      plannedEndOn: s.plannedEndOn,
      completedOn: s.completedOn,
      note: s.note,
    })),
    history: history.map((h) => ({
      at: h.at.toISOString(),
      action: h.action,
      comment: h.comment,
      ...actorOf(h),
    })),
    approvalCheck: check,
  };
}

/** Centres with their partners, projects and totals. */
export async function describeCentres(db: Executor, actor: Actor, rows: readonly CentreRow[]) {
  const projects = await listProjects(
    db,
    rows.map((r) => r.id),
  );
  const units = await unitRefsByIds(db, [
    ...rows.flatMap((r) => [r.schoolId, ...r.partnerIds]),
    ...projects.map((p) => p.enterpriseId),
  ]);
  const unit = (id: string) => units.get(id) ?? unknownUnit(id);
  return rows.map((r) => {
    const own = projects.filter((p) => p.centreId === r.id);
    return {
      id: r.id,
      kind: r.kind,
      name: r.name,
      school: unit(r.schoolId),
      partners: r.partnerIds.map(unit),
      field: r.field,
      openedOn: r.openedOn,
      state: r.state,
      closedOn: r.closedOn,
      closeReason: r.closeReason,
      totals: {
        projects: own.length,
        staffTrained: own.reduce((n, p) => n + (p.staffTrained ?? 0), 0),
        studentsTrained: own.reduce((n, p) => n + (p.studentsTrained ?? 0), 0),
        valueYuan: Math.round(own.reduce((n, p) => n + (p.valueYuan ?? 0), 0) * 100) / 100,
      },
      projects: own.map((p) => ({
        id: p.id,
        kind: p.kind,
        title: p.title,
        enterprise: p.enterpriseId ? unit(p.enterpriseId) : null,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        staffTrained: p.staffTrained,
        studentsTrained: p.studentsTrained,
        valueYuan: p.valueYuan,
        note: p.note,
      })),
      abilities: centreWorkflow.abilities(actor, r),
    };
  });
}
