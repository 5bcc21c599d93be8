/**
 * Read-only outputs of a consultation: the feedback summary (采纳情况说明) of a closed one, as a
 * document model (the portal shows it online) or rendered to DOCX/PDF, and the clause-by-clause
 * diff between the consulted version and its revision (or any other version of the plan).
 */
import { lastDayOf } from '../../platform/alerts/alert-tiers.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import type { OfficialDocument } from '../../platform/documents/document-model.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { redactPersonalData } from '../../platform/validation/redact.ts';
import { diffClauses, findPlanVersion, listPlanVersionsByCode } from '../action-plans/index.ts';
import { findOrgUnitsByIds } from '../org/index.ts';
import { canManageConsultation, isPublic } from './consultation.policy.ts';
import * as repo from './consultation.repository.ts';
import { buildFeedbackSummary } from './feedback-summary.ts';
import type { RenderedSummaries, RenderedSummary } from './rendered-summaries.ts';

/** What the documents need: the database, the renderer and the module's rendered summaries. */
type DocumentsDeps = Pick<ModuleDeps, 'db' | 'documents'> & { summaries: RenderedSummaries };
type ConsultationRow = NonNullable<Awaited<ReturnType<typeof repo.findConsultationById>>>;

/** A consultation for an editor (actor) or for the public (null: not a draft); 404 otherwise. */
async function load(deps: DocumentsDeps, actor: Actor | null, id: string): Promise<ConsultationRow> {
  const c = await repo.findConsultationById(deps.db, id);
  if (!c) throw notFound();
  if (actor ? !canManageConsultation(actor, c) : !isPublic(c)) throw notFound();
  return c;
}

async function summaryOf(
  deps: DocumentsDeps,
  c: ConsultationRow,
  lang: 'zh' | 'en',
): Promise<OfficialDocument> {
  if (c.status !== 'closed' || !c.summaryDate) throw summaryNotPublished(lastDayOf(c.closesAt));
  const plan = await findPlanVersion(deps.db, c.planId);
  if (!plan) throw notFound();
  const [district] = await findOrgUnitsByIds(deps.db, [c.districtId]);
  // Published text is the public's own writing: phones and ID numbers in it are masked.
  const comments = (await repo.listComments(deps.db, c.id)).map((m) => ({
    ...m,
    body: redactPersonalData(m.body),
    reply: m.reply === null ? null : redactPersonalData(m.reply),
    decisionReason: m.decisionReason === null ? null : redactPersonalData(m.decisionReason),
  }));
  return buildFeedbackSummary({
    planTitle: plan.title,
    planVersion: plan.version,
    issuer: district?.name ?? '',
    opensOn: chinaDate(c.opensAt),
    // The period ends (exclusively) at closesAt: its last day, not the next one at midnight.
    closesOn: lastDayOf(c.closesAt),
    summaryDate: c.summaryDate,
    clauses: plan.clauses,
    comments,
    lang,
  });
}

/**
 * The summary does not exist before the consultation is closed (409, naming the day the comment
 * period ends, after which it is published).
 */
function summaryNotPublished(closesOn: string): AppError {
  return new AppError('CONSULTATION_SUMMARY_NOT_PUBLISHED', 409, [
    {
      field: 'closesAt',
      code: 'CONSULTATION_SUMMARY_NOT_PUBLISHED',
      message: `征求意见截止日期为 ${closesOn}，采纳情况说明将在征求意见结束后公布`,
      messageEn: `Comments are taken until ${closesOn}; the feedback summary is published after that`,
    },
  ]);
}

/** The feedback summary of a closed consultation; 409 CONSULTATION_SUMMARY_NOT_PUBLISHED before. */
export async function getSummary(
  deps: DocumentsDeps,
  actor: Actor | null,
  id: string,
  lang: 'zh' | 'en',
): Promise<OfficialDocument> {
  return summaryOf(deps, await load(deps, actor, id), lang);
}

/** The summary rendered as DOCX or PDF, with a download file name; rendered once per closed consultation. */
export async function renderSummary(
  deps: DocumentsDeps,
  actor: Actor | null,
  id: string,
  format: 'docx' | 'pdf',
  lang: 'zh' | 'en',
): Promise<RenderedSummary> {
  const c = await load(deps, actor, id);
  const render = async () => {
    const doc = await summaryOf(deps, c, lang);
    const body = format === 'docx' ? await deps.documents.docx(doc) : await deps.documents.pdf(doc);
    const base = lang === 'zh' ? '征求意见采纳情况说明' : 'consultation-feedback';
    return { body, fileName: `${base}-${doc.date}.${format}` };
  };
  // Only a closed consultation's summary exists, and it never changes.
  return c.status === 'closed' ? deps.summaries.get(`${c.id}|${lang}|${format}`, render) : render();
}

/**
 * Clause-by-clause diff of the consulted version against `toPlanId` (another version of the
 * same plan), by default against the revision created from this consultation.
 */
export async function diff(deps: DocumentsDeps, actor: Actor, id: string, toPlanId?: string) {
  const c = await load(deps, actor, id);
  const from = await findPlanVersion(deps.db, c.planId);
  if (!from) throw notFound();
  const targetId = toPlanId ?? c.revisionPlanId;
  if (!targetId) throw new AppError('CONSULTATION_NO_REVISION', 409);
  const to = (await listPlanVersionsByCode(deps.db, from.code)).find(
    (v) => v.id === targetId && v.id !== from.id,
  );
  if (!to) throw new AppError('CONSULTATION_NO_REVISION', 409);
  const clauses = diffClauses(from.clauses, to.clauses);
  return {
    from: { id: from.id, version: from.version, title: from.title },
    to: { id: to.id, version: to.version, title: to.title },
    changed: clauses.filter((d) => d.status !== 'unchanged').length,
    clauses,
  };
}

/** Versions of the consulted plan other than the consulted one (targets for `diff`). */
export async function listComparableVersions(deps: DocumentsDeps, actor: Actor, id: string) {
  const c = await load(deps, actor, id);
  const from = await findPlanVersion(deps.db, c.planId);
  if (!from) throw notFound();
  return (await listPlanVersionsByCode(deps.db, from.code))
    .filter((v) => v.id !== from.id)
    .map((v) => ({ id: v.id, version: v.version, status: v.status, title: v.title }));
}
