import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { DocumentRenderer, OfficialDocument } from '../../platform/documents/document-model.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { loadInspection, type SupervisionDeps } from './inspections.service.ts';
import { buildInspectionReport, type InspectionReportRecords } from './report-builder.ts';
import * as repo from './supervision.repository.ts';
import { inspectionAbilities, mayManage, refusal, supervisionView } from './supervision.policy.ts';

type Lang = 'zh' | 'en';

/** Reads every record of an inspection the report is built from. */
export async function collectReportRecords(
  db: Executor,
  inspectionId: string,
  today: string,
): Promise<InspectionReportRecords> {
  const insp = (await repo.findInspection(db, inspectionId))!;
  const [district, inspectors, scope, findings, interviews, sanctions] = await Promise.all([
    db
      .selectFrom('orgUnit')
      .select(['fullName', 'name'])
      .where('id', '=', insp.districtId)
      .executeTakeFirstOrThrow(),
    repo.listInspectors(db, inspectionId),
    repo.listScope(db, inspectionId),
    repo
      .findingsQuery(db)
      .where('f.inspectionId', '=', inspectionId)
      .orderBy('u.code')
      .orderBy('f.createdAt')
      .execute(),
    repo.listInterviewRows(db, { inspectionId }),
    repo.listSanctionRows(db).where('s.inspectionId', '=', inspectionId).orderBy('s.decidedOn').execute(),
  ]);
  return {
    inspection: {
      title: insp.title,
      kind: insp.kind,
      documentNumber: insp.documentNumber,
      startsOn: insp.startsOn,
      endsOn: insp.endsOn,
      purpose: insp.purpose,
      conclusion: insp.conclusion,
      date: insp.completedAt ? chinaDate(insp.completedAt) : today,
      districtName: district.fullName || district.name,
    },
    inspectors: inspectors.map((i) => ({ name: i.displayName, isLead: i.isLead })),
    scope: scope.map((s) => ({ type: s.type, label: s.label })),
    schedule: insp.schedule,
    findings: findings.map((f) => ({
      orgUnitId: f.orgUnitId,
      unitName: f.unitName,
      subjectLabel: f.subjectLabel,
      title: f.title,
      description: f.description,
      severity: f.severity,
      order:
        f.orderState && f.orderDueDate
          ? { state: f.orderState, dueDate: f.orderDueDate, closedOn: f.orderClosedOn }
          : null,
    })),
    interviews: interviews.map((v) => ({
      orgUnitId: v.orgUnitId,
      unitName: v.unitName,
      heldOn: v.heldOn,
      interviewers: v.interviewers,
      interviewees: v.interviewees,
      reason: v.reason,
      commitments: v.commitments.map((c) => ({ text: c.text, state: c.state, followUp: c.followUp })),
    })),
    sanctions: sanctions.map((s) => ({
      orgUnitId: s.orgUnitId,
      unitName: s.unitName,
      kind: s.kind,
      title: s.title,
      points: Number(s.points),
      groundsText: s.groundsText,
    })),
  };
}

/**
 * The supervision report (督导报告): built from the records, rendered as DOCX or PDF for those who
 * see the inspection, and published to the open-data portal as a snapshot without personal data.
 */
export function createReportService(deps: SupervisionDeps) {
  const { db, audit, clock } = deps;
  const today = () => chinaDate(clock.now());

  /**
   * The report as the actor may read it: whole for the district and the inspectors; for a unit's
   * clerk, the part about their units only and without personal data.
   */
  async function document(actor: Actor, id: string, lang: Lang): Promise<OfficialDocument> {
    await loadInspection(db, actor, id);
    const view = supervisionView(actor);
    const records = await collectReportRecords(db, id, today());
    if (view.kind !== 'units') return buildInspectionReport(records, lang);
    const own = new Set<string>(view.unitIds);
    const part = {
      ...records,
      findings: records.findings.filter((f) => own.has(f.orgUnitId)),
      interviews: records.interviews.filter((v) => own.has(v.orgUnitId)),
      sanctions: records.sanctions.filter((s) => own.has(s.orgUnitId)),
    };
    return buildInspectionReport(part, lang, { public: true });
  }

  /** The report file rendered by `renderer`, audited as an export. */
  async function renderReport(
    actor: Actor,
    id: string,
    format: 'docx' | 'pdf',
    lang: Lang,
    renderer: DocumentRenderer,
  ) {
    const doc = await document(actor, id, lang);
    const file = format === 'docx' ? await renderer.docx(doc) : await renderer.pdf(doc);
    // In a transaction: the audit chain's advisory lock is held until commit, so two concurrent
    // exports cannot take the same sequence number.
    await db.transaction().execute((trx) =>
      audit.record(trx, auditActorOf(actor), {
        action: 'supervision.report.exported',
        objectType: 'inspection',
        objectId: id,
        details: { format, lang },
      }),
    );
    return { file, filename: `${doc.title}.${format}` };
  }

  /** Publishes (or republishes) the public snapshot of a completed inspection's report. */
  async function publishReport(actor: Actor, id: string) {
    const insp = await loadInspection(db, actor, id);
    if (!inspectionAbilities(actor, insp).publishReport)
      throw refusal(mayManage(actor, insp.districtId), 'SUPERVISION_REPORT_NOT_READY');
    const records = await collectReportRecords(db, id, today());
    const snapshot = {
      zh: buildInspectionReport(records, 'zh', { public: true }),
      en: buildInspectionReport(records, 'en', { public: true }),
    };
    const publicationId = await db.transaction().execute(async (trx) => {
      const now = clock.now();
      const row = await trx
        .insertInto('supervisionPublication')
        .values({
          inspectionId: id,
          districtId: insp.districtId,
          title: snapshot.zh.title,
          kind: insp.kind,
          document: JSON.stringify(snapshot),
          publishedBy: actor.userId,
          publishedAt: now,
        })
        .onConflict((oc) =>
          oc.column('inspectionId').doUpdateSet({
            title: snapshot.zh.title,
            document: JSON.stringify(snapshot),
            publishedBy: actor.userId,
            publishedAt: now,
          }),
        )
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit.record(trx, auditActorOf(actor), {
        action: 'supervision.report.published',
        objectType: 'inspection',
        objectId: id,
        details: { publicationId: row.id },
      });
      return row.id;
    });
    deps.onWrite?.();
    return getPublicReport(publicationId, 'zh');
  }

  /** Published reports, newest first (open data). */
  async function listPublicReports(q: { limit: number; offset: number }) {
    return db
      .selectFrom('supervisionPublication as p')
      .innerJoin('orgUnit as d', 'd.id', 'p.districtId')
      .select([
        'p.id',
        'p.title',
        'p.kind',
        'p.publishedAt',
        'd.code as districtCode',
        'd.name as districtName',
      ])
      .orderBy('p.publishedAt', 'desc')
      .orderBy('p.id')
      .limit(q.limit)
      .offset(q.offset)
      .execute()
      .then((rows) =>
        rows.map(({ districtCode, districtName, ...r }) => ({
          ...r,
          district: { code: districtCode, name: districtName },
        })),
      );
  }

  async function getPublicReport(id: string, lang: Lang) {
    const row = await db
      .selectFrom('supervisionPublication as p')
      .innerJoin('orgUnit as d', 'd.id', 'p.districtId')
      .select([
        'p.id',
        'p.title',
        'p.kind',
        'p.publishedAt',
        'p.document',
        'd.code as districtCode',
        'd.name as districtName',
      ])
      .where('p.id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound();
    const { document: doc, districtCode, districtName, ...rest } = row;
    const docs = doc as { zh: OfficialDocument; en: OfficialDocument };
    return { ...rest, district: { code: districtCode, name: districtName }, document: docs[lang] };
  }

  return { document, renderReport, publishReport, listPublicReports, getPublicReport };
}

export type ReportService = ReturnType<typeof createReportService>;
