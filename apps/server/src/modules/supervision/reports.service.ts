import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import type { OfficialDocument } from '../../platform/documents/document-model.ts';
import type { RenderedCache } from '../../platform/documents/rendered-cache.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { unitRefsByIds } from '../org/index.ts';
import { inspectionWorkflow } from './inspections.workflow.ts';
import { buildInspectionReport } from './report-builder.ts';
import { collectReportRecords } from './report-records.ts';
import { findPublication, listPublications, upsertPublication } from './reports.repository.ts';
import { loadInspection, todayOf } from './supervision.access.ts';
import { supervisionView } from './supervision.policy.ts';
import type { Page } from './supervision.schema.ts';

/**
 * The supervision report (督导报告): built from the records, rendered as DOCX or PDF for those who
 * see the inspection, and published to the open-data portal as a snapshot without personal data.
 */

type Lang = 'zh' | 'en';

/**
 * The report as the actor may read it: whole for the district and the inspectors; for a unit's
 * clerk, the part about their units only and without personal data.
 */
async function reportFor(deps: ModuleDeps, actor: Actor, id: string, lang: Lang): Promise<OfficialDocument> {
  const inspection = await loadInspection(deps.db, actor, id);
  const view = supervisionView(actor);
  const records = await collectReportRecords(deps.db, inspection, todayOf(deps));
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

/** The report file (DOCX or PDF), audited as an export. */
export async function renderReport(
  deps: ModuleDeps,
  actor: Actor,
  id: string,
  format: 'docx' | 'pdf',
  lang: Lang,
) {
  const doc = await reportFor(deps, actor, id, lang);
  const file = format === 'docx' ? await deps.documents.docx(doc) : await deps.documents.pdf(doc);
  // In a transaction: the audit chain's advisory lock is held until commit, so two concurrent
  // exports cannot take the same sequence number.
  await deps.transaction(
    (trx) =>
      deps.audit.record(trx, auditActorOf(actor), {
        action: 'supervision.report.exported',
        objectType: 'inspection',
        objectId: id,
        details: { format, lang },
      }),
    { records: false },
  );
  return { file, filename: `${doc.title}.${format}` };
}

/** Publishes (or republishes) the public snapshot of a completed inspection's report. */
export async function publishReport(deps: ModuleDeps, actor: Actor, id: string) {
  const inspection = await loadInspection(deps.db, actor, id);
  inspectionWorkflow.assert('publishReport', actor, inspection);
  const records = await collectReportRecords(deps.db, inspection, todayOf(deps));
  const zh = buildInspectionReport(records, 'zh', { public: true });
  const en = buildInspectionReport(records, 'en', { public: true });
  const publicationId = await deps.transaction(async (trx) => {
    const publicationId = await upsertPublication(trx, {
      inspectionId: id,
      districtId: inspection.districtId,
      title: zh.title,
      kind: inspection.kind,
      document: { zh, en },
      publishedBy: actor.userId,
      publishedAt: deps.clock.now(),
    });
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'supervision.report.published',
      objectType: 'inspection',
      objectId: id,
      details: { publicationId },
    });
    return publicationId;
  });
  return getPublicReport(deps, publicationId, 'zh');
}

/** The district of each publication as the portal names it. */
async function districtsOf(deps: ModuleDeps, ids: readonly string[]) {
  const units = await unitRefsByIds(deps.db, ids);
  return (id: string) => {
    const unit = units.get(id);
    return { code: unit?.code ?? '', name: unit?.name ?? '' };
  };
}

/** Published reports, newest first (open data). */
export async function listPublicReports(deps: ModuleDeps, page: Page & { titlePattern?: string }) {
  const rows = await listPublications(deps.db, page);
  const district = await districtsOf(
    deps,
    rows.map((r) => r.districtId),
  );
  return rows.map(({ districtId, ...r }) => ({ ...r, district: district(districtId) }));
}

/** One published report, in `lang`. */
export async function getPublicReport(deps: ModuleDeps, id: string, lang: Lang) {
  const row = await findPublication(deps.db, id);
  if (!row) throw notFound();
  const { document, districtId, ...rest } = row;
  const district = await districtsOf(deps, [districtId]);
  const docs = document as Record<Lang, OfficialDocument>;
  return { ...rest, district: district(districtId), document: docs[lang] };
}

/** A rendered public report: the PDF and its download name. */
export interface PublicReportFile {
  file: Buffer;
  filename: string;
}

/**
 * One published report as a PDF (下载 PDF on the portal): the published snapshot as it is, without
 * personal data, rendered in `lang` once per publication (a republished report is rendered anew),
 * so anonymous requests do not start Chromium each time.
 */
export async function renderPublicReport(
  deps: ModuleDeps & { rendered: RenderedCache<PublicReportFile> },
  id: string,
  lang: Lang,
): Promise<PublicReportFile> {
  const row = await findPublication(deps.db, id);
  if (!row) throw notFound();
  const doc = (row.document as Record<Lang, OfficialDocument>)[lang];
  return deps.rendered.get(`${id}|${row.publishedAt.toISOString()}|${lang}`, async () => ({
    file: await deps.documents.pdf(doc),
    filename: `${doc.title}.pdf`,
  }));
}
