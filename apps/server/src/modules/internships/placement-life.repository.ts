import { sql, type Insertable, type Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { PlacementScope } from './internships.repository.ts';
import type { InternshipEvaluationTable, InternshipIncidentTable } from './internships.tables.ts';
import { INJURY_INCIDENT_KINDS } from '@zhijiao/contracts';

export type IncidentRow = Selectable<InternshipIncidentTable>;
export type EvaluationRow = Selectable<InternshipEvaluationTable>;

/** Writes an incident report and its files; answers its id. */
export async function insertIncident(
  trx: Executor,
  values: Insertable<InternshipIncidentTable>,
  fileIds: readonly string[],
): Promise<string> {
  const row = await trx
    .insertInto('internshipIncident')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  if (fileIds.length > 0)
    await trx
      .insertInto('internshipIncidentFile')
      .values(fileIds.map((fileId) => ({ incidentId: row.id, fileId })))
      .execute();
  return row.id;
}

export function findIncident(db: Executor, id: string) {
  return db.selectFrom('internshipIncident').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Records the insurer's notification, only while none is on file (a second notification of the
 * same incident, or one racing it, changes nothing): answers whether it was written.
 */
export async function markInsurerNotified(
  trx: Executor,
  id: string,
  set: { insurerNotifiedAt: Date; claimReference: string; updatedAt: Date },
): Promise<boolean> {
  const row = await trx
    .updateTable('internshipIncident')
    .set(set)
    .where('id', '=', id)
    .where('insurerNotifiedAt', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** A placement's incidents, latest first, with their files' ids. */
export async function listIncidents(db: Executor, placementId: string) {
  const rows = await db
    .selectFrom('internshipIncident')
    .selectAll()
    .where('placementId', '=', placementId)
    .orderBy('occurredAt', 'desc')
    .orderBy('id')
    .execute();
  const files = rows.length
    ? await db
        .selectFrom('internshipIncidentFile')
        .select(['incidentId', 'fileId'])
        .where(
          'incidentId',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('fileId')
        .execute()
    : [];
  return rows.map((r) => ({
    ...r,
    fileIds: files.filter((f) => f.incidentId === r.id).map((f) => f.fileId),
  }));
}

/** The placements with an incident that has the file attached (the file route reads through them). */
export async function listPlacementIdsWithIncidentFile(db: Executor, fileId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('internshipIncidentFile as f')
    .innerJoin('internshipIncident as i', 'i.id', 'f.incidentId')
    .select('i.placementId')
    .distinct()
    .where('f.fileId', '=', fileId)
    .execute();
  return rows.map((r) => r.placementId);
}

/**
 * Which of the files the module already uses: as a placement's agreement, consent form or
 * insurance policy, or as an incident's file.
 */
export async function listFilesInUse(db: Executor, fileIds: readonly string[]): Promise<Set<string>> {
  if (fileIds.length === 0) return new Set();
  const ids = [...new Set(fileIds)];
  const [documents, incidents] = await Promise.all([
    db
      .selectFrom('internshipPlacement')
      .select(['agreementFileId', 'consentFileId', 'insuranceFileId'])
      .where((eb) =>
        eb.or([
          eb('agreementFileId', 'in', ids),
          eb('consentFileId', 'in', ids),
          eb('insuranceFileId', 'in', ids),
        ]),
      )
      .execute(),
    db.selectFrom('internshipIncidentFile').select('fileId').where('fileId', 'in', ids).execute(),
  ]);
  const used = new Set<string | null>([
    ...documents.flatMap((d) => [d.agreementFileId, d.consentFileId, d.insuranceFileId]),
    ...incidents.map((f) => f.fileId),
  ]);
  return new Set(ids.filter((id) => used.has(id)));
}

/** How many injury incidents of the placement have no insurer notification on file. */
export async function countUnnotifiedInjuries(db: Executor, placementId: string): Promise<number> {
  const row = await db
    .selectFrom('internshipIncident')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('placementId', '=', placementId)
    .where('kind', 'in', [...INJURY_INCIDENT_KINDS])
    .where('insurerNotifiedAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Injury incidents with no insurer notification on file, on placements in scope (whose school or
 * enterprise is among the units), oldest first, with the placement's names for the alert's title.
 */
export function listUnnotifiedInjuries(db: Executor, scope: PlacementScope, limit: number) {
  let q = db
    .selectFrom('internshipIncident as i')
    .innerJoin('internshipPlacement as p', 'p.id', 'i.placementId')
    .select([
      'i.id',
      'i.placementId',
      'i.occurredAt',
      'i.kind',
      'i.severity',
      'p.schoolId',
      'p.enterpriseId',
      'p.studentName',
    ])
    .where('i.kind', 'in', [...INJURY_INCIDENT_KINDS])
    .where('i.insurerNotifiedAt', 'is', null);
  if (!scope.all) {
    const ids = [...scope.unitIds];
    if (ids.length === 0) return Promise.resolve([]);
    // One array parameter, not a parameter per id twice (a province's units overflow 65,535).
    q = q.where(
      sql<boolean>`(p.school_id = ANY(${sql.val(ids)}::uuid[]) OR p.enterprise_id = ANY(${sql.val(ids)}::uuid[]))`,
    );
  }
  return q.orderBy('i.occurredAt').orderBy('i.id').limit(limit).execute();
}

/** A placement's evaluations (at most one per party). */
export function listEvaluations(db: Executor, placementId: string) {
  return db
    .selectFrom('internshipEvaluation')
    .selectAll()
    .where('placementId', '=', placementId)
    .orderBy('party')
    .execute();
}

/** Writes the party's evaluation of the placement, replacing the one on file. */
export async function upsertEvaluation(trx: Executor, values: Insertable<InternshipEvaluationTable>) {
  await trx
    .insertInto('internshipEvaluation')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['placementId', 'party']).doUpdateSet({
        grade: values.grade,
        comments: values.comments ?? '',
        evaluatedOn: values.evaluatedOn,
        recordedBy: values.recordedBy ?? null,
        recordedAt: values.recordedAt,
      }),
    )
    .execute();
}
