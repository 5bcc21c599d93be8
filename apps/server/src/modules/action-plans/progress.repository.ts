import type { ProgressStatus, ReportState } from '@zhijiao/contracts';
import { storedFileIdsNamed } from '../../platform/files/files.repository.ts';
import type { Insertable } from 'kysely';
import { findUserRefs } from '../../platform/auth/users.repository.ts';
import type { Executor } from '../../platform/db/database.ts';
import { findStoredFiles } from '../../platform/files/files.repository.ts';
import { unitRefsByIds } from '../org/index.ts';
import type {
  IndicatorValueTable,
  ProgressReportTable,
  ProgressReportValueTable,
} from './action-plans.tables.ts';

function reportQuery(db: Executor) {
  return db
    .selectFrom('progressReport as r')
    .innerJoin('planTask as t', 't.id', 'r.taskId')
    .innerJoin('reportingPeriod as p', 'p.id', 'r.periodId')
    .innerJoin('plan', 'plan.id', 'r.planId')
    .select([
      'r.id',
      'r.taskId',
      'r.orgUnitId',
      'r.state',
      'r.progress',
      'r.narrative',
      'r.createdBy',
      'r.submittedAt',
      'r.reviewedAt',
      'r.reviewComment',
      'r.completedMilestones',
      'r.updatedAt',
      't.label as taskLabel',
      't.title as taskTitle',
      't.titleEn as taskTitleEn',
      'p.id as periodId',
      'p.label as periodLabel',
      'plan.code as planCode',
    ]);
}

/** Report rows with the code and name of the reporting unit (read from the org module). */
async function withUnits<T extends { orgUnitId: string }>(db: Executor, rows: T[]) {
  const units = await unitRefsByIds(
    db,
    rows.map((r) => r.orgUnitId),
  );
  return rows.map((r) => ({
    ...r,
    unitCode: units.get(r.orgUnitId)?.code ?? '',
    unitName: units.get(r.orgUnitId)?.name ?? '',
  }));
}

export type ReportRow = Awaited<ReturnType<typeof listReportRows>>[number];

export interface ReportFilter {
  /** Only reports of these units (null: every unit). */
  orgUnitIds: readonly string[] | null;
  taskId?: string;
  state?: ReportState;
  planCode?: string;
  periodId?: string;
  limit?: number;
  offset?: number;
}

/** Reports matching the filter, newest period first. */
export async function listReportRows(db: Executor, filter: ReportFilter) {
  let q = reportQuery(db);
  if (filter.orgUnitIds) {
    if (filter.orgUnitIds.length === 0) return [];
    q = q.where('r.orgUnitId', 'in', filter.orgUnitIds);
  }
  if (filter.taskId) q = q.where('r.taskId', '=', filter.taskId);
  if (filter.state) q = q.where('r.state', '=', filter.state);
  if (filter.periodId) q = q.where('r.periodId', '=', filter.periodId);
  if (filter.planCode) q = q.where('plan.code', '=', filter.planCode).where('plan.isCurrent', '=', true);
  const rows = await q
    .orderBy('p.endsOn', 'desc')
    .orderBy('r.updatedAt', 'desc')
    .orderBy('r.id')
    .limit(filter.limit ?? 200)
    .offset(filter.offset ?? 0)
    .execute();
  return withUnits(db, rows);
}

/**
 * The evidence files of the reports `listReportRows` lists for these units (null: every unit),
 * each with its report: `{ reportId, fileId }`.
 */
export async function listReportEvidence(
  db: Executor,
  orgUnitIds: readonly string[] | null,
  where: { fileNamePattern?: string } = {},
) {
  if (orgUnitIds && orgUnitIds.length === 0) return [];
  let q = db
    .selectFrom('progressReportFile as f')
    .innerJoin('progressReport as r', 'r.id', 'f.reportId')
    .select(['f.reportId', 'f.fileId']);
  if (orgUnitIds) q = q.where('r.orgUnitId', 'in', orgUnitIds);
  if (where.fileNamePattern) q = q.where('f.fileId', 'in', storedFileIdsNamed(db, where.fileNamePattern));
  return q.orderBy('r.updatedAt', 'desc').orderBy('f.fileId').execute();
}

export async function findReportRow(db: Executor, id: string): Promise<ReportRow | undefined> {
  const row = await reportQuery(db).where('r.id', '=', id).executeTakeFirst();
  return row && (await withUnits(db, [row]))[0];
}

/** Reports by id, in one query (missing ids are absent from the map). */
export async function findReportRows(db: Executor, ids: readonly string[]): Promise<Map<string, ReportRow>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await withUnits(db, await reportQuery(db).where('r.id', 'in', wanted).execute());
  return new Map(rows.map((r) => [r.id, r]));
}

/** The report of a unit for a task and period, if it has written one. */
export function findUnitReport(db: Executor, key: { taskId: string; periodId: string; orgUnitId: string }) {
  return db
    .selectFrom('progressReport')
    .select('id')
    .where('taskId', '=', key.taskId)
    .where('periodId', '=', key.periodId)
    .where('orgUnitId', '=', key.orgUnitId)
    .executeTakeFirst();
}

/** Inserts a new report as a draft and returns its id. */
export async function insertDraftReport(
  trx: Executor,
  report: {
    planId: string;
    taskId: string;
    periodId: string;
    orgUnitId: string;
    progress: ProgressStatus;
    narrative: string;
    completedMilestones: string[];
    createdBy: string | null;
    createdAt: Date;
  },
): Promise<string> {
  const row = await trx
    .insertInto('progressReport')
    .values({ ...report, state: 'draft', updatedAt: report.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Replaces a report's indicator values and evidence files. */
export async function replaceReportParts(
  trx: Executor,
  reportId: string,
  parts: {
    values: Array<{
      indicatorId: string;
      value: number;
      numerator?: number | null;
      denominator?: number | null;
      note?: string;
    }>;
    fileIds: string[];
  },
): Promise<void> {
  await trx.deleteFrom('progressReportValue').where('reportId', '=', reportId).execute();
  await trx.deleteFrom('progressReportFile').where('reportId', '=', reportId).execute();
  if (parts.values.length > 0)
    await trx
      .insertInto('progressReportValue')
      .values(
        parts.values.map((v) => ({
          reportId,
          indicatorId: v.indicatorId,
          value: v.value,
          numerator: v.numerator ?? null,
          denominator: v.denominator ?? null,
          note: v.note ?? '',
        })),
      )
      .execute();
  if (parts.fileIds.length > 0)
    await trx
      .insertInto('progressReportFile')
      .values([...new Set(parts.fileIds)].map((fileId) => ({ reportId, fileId })))
      .execute();
}

/** Records a report's values as the indicators' values for its period (the approval's effect). */
export async function recordIndicatorValues(
  trx: Executor,
  report: { id: string; periodId: string },
  now: Date,
): Promise<void> {
  const values = await trx
    .selectFrom('progressReportValue')
    .select(['indicatorId', 'value', 'numerator', 'denominator'])
    .where('reportId', '=', report.id)
    .execute();
  for (const v of values) {
    const row = {
      value: v.value,
      numerator: v.numerator,
      denominator: v.denominator,
      reportId: report.id,
      recordedAt: now,
    };
    await trx
      .insertInto('indicatorValue')
      .values({ ...row, indicatorId: v.indicatorId, periodId: report.periodId })
      .onConflict((oc) => oc.columns(['indicatorId', 'periodId']).doUpdateSet(row))
      .execute();
  }
}

/** Marks milestones completed on a date (those not completed already, nor completed by records). */
export async function completeMilestones(trx: Executor, ids: readonly string[], on: string): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .updateTable('milestone')
    .set({ completedOn: on })
    .where('id', 'in', ids)
    .where('completedOn', 'is', null)
    .where('completedBy', 'is', null)
    .execute();
}

/** Values, evidence files and history of one report, as the report's detail shows them. */
export async function findReportParts(db: Executor, id: string) {
  const [values, fileRows, eventRows] = await Promise.all([
    db
      .selectFrom('progressReportValue as v')
      .innerJoin('indicator as i', 'i.id', 'v.indicatorId')
      .select([
        'v.indicatorId',
        'i.code',
        'i.name',
        'i.unit',
        'v.value',
        'v.numerator',
        'v.denominator',
        'v.note',
      ])
      .where('v.reportId', '=', id)
      .orderBy('i.position')
      .execute(),
    db.selectFrom('progressReportFile').select('fileId').where('reportId', '=', id).execute(),
    db
      .selectFrom('progressReportEvent')
      .select(['at', 'actorId', 'action', 'comment'])
      .where('reportId', '=', id)
      .orderBy('seq')
      .execute(),
  ]);
  const [files, users] = await Promise.all([
    findStoredFiles(
      db,
      fileRows.map((f) => f.fileId),
    ),
    findUserRefs(
      db,
      eventRows.map((e) => e.actorId),
    ),
  ]);
  return {
    values,
    files: [...files.values()]
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((f) => ({ id: f.id, name: f.name, sizeBytes: f.sizeBytes, mime: f.mime })),
    events: eventRows.map((e) => ({
      at: e.at,
      // Historical reports loaded from outside carry no actor.
      actor: (e.actorId ? users.get(e.actorId)?.displayName : undefined) ?? '系统导入',
      action: e.action,
      comment: e.comment,
    })),
  };
}

/**
 * Writes a history of reports at once, as a unit would have kept it (the demo): the reports, their
 * indicator values and the indicators' recorded values, in a few multi-row inserts.
 */
export async function insertReportHistory(
  trx: Executor,
  rows: {
    reports: Insertable<ProgressReportTable>[];
    values: Insertable<ProgressReportValueTable>[];
    indicatorValues: Insertable<IndicatorValueTable>[];
  },
): Promise<void> {
  for (let i = 0; i < rows.reports.length; i += 500)
    await trx
      .insertInto('progressReport')
      .values(rows.reports.slice(i, i + 500))
      .execute();
  for (let i = 0; i < rows.values.length; i += 1000)
    await trx
      .insertInto('progressReportValue')
      .values(rows.values.slice(i, i + 1000))
      .execute();
  for (let i = 0; i < rows.indicatorValues.length; i += 1000)
    await trx
      .insertInto('indicatorValue')
      .values(rows.indicatorValues.slice(i, i + 1000))
      .execute();
}

/** Reports with the stored file `fileId` among their evidence. */
export async function listReportIdsWithFile(db: Executor, fileId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('progressReportFile')
    .select('reportId')
    .where('fileId', '=', fileId)
    .execute();
  return rows.map((r) => r.reportId);
}

/** The ids of the files a report holds as evidence now. */
export async function listReportFileIds(db: Executor, reportId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('progressReportFile')
    .select('fileId')
    .where('reportId', '=', reportId)
    .execute();
  return rows.map((r) => r.fileId);
}
