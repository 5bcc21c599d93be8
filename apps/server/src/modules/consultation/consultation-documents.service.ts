import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.types.ts';
import type { DocumentRenderer, OfficialDocument } from '../../platform/documents/document-model.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { redactPersonalData } from '../../platform/validation/redact.ts';
import { diffClauses, findPlanVersion, listPlanVersionsByCode } from '../action-plans/index.ts';
import { findOrgUnitsByIds } from '../org/index.ts';
import * as repo from './consultation.repository.ts';
import { canManageConsultation } from './consultation.policy.ts';
import { buildFeedbackSummary } from './feedback-summary.ts';

type ConsultationRow = NonNullable<Awaited<ReturnType<typeof repo.findConsultationById>>>;

const toChinaDate = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** Rendered summaries kept in memory (the public summary.pdf would otherwise start Chromium per request). */
const RENDER_CACHE_ENTRIES = 32;

type RenderedSummary = { body: Buffer; fileName: string };

/**
 * Read-only outputs of a consultation: the feedback summary (采纳情况说明) of a closed one, as a
 * document model (the portal shows it online) or rendered to DOCX/PDF, and the clause-by-clause
 * diff between the consulted version and its revision (or any other version of the plan).
 */
export function createConsultationDocumentsService(deps: {
  db: Kysely<Database>;
  renderer: DocumentRenderer;
}) {
  const { db } = deps;
  /**
   * Rendered files of closed consultations by `id|lang|format`, least recently used first. A
   * closed consultation's summary never changes, so its bytes are rendered once; concurrent first
   * requests share one render (the promise is cached; a failed render is forgotten).
   */
  const rendered = new Map<string, Promise<RenderedSummary>>();

  /** A consultation for an editor (actor) or for the public (null: not a draft). */
  async function load(actor: Actor | null, id: string): Promise<ConsultationRow> {
    const c = await repo.findConsultationById(db, id);
    if (!c) throw notFound();
    if (actor ? !canManageConsultation(actor, c) : c.status === 'draft') throw notFound();
    return c;
  }

  /** The feedback summary of a closed consultation; 409 CONSULTATION_NOT_CLOSED before. */
  async function getSummary(actor: Actor | null, id: string, lang: 'zh' | 'en'): Promise<OfficialDocument> {
    return summaryOf(await load(actor, id), lang);
  }

  async function summaryOf(c: ConsultationRow, lang: 'zh' | 'en'): Promise<OfficialDocument> {
    if (c.status !== 'closed' || !c.summaryDate) throw new AppError('CONSULTATION_NOT_CLOSED', 409);
    const plan = await findPlanVersion(db, c.planId);
    if (!plan) throw notFound();
    const [district] = await findOrgUnitsByIds(db, [c.districtId]);
    // Published text is the public's own writing: phones and ID numbers in it are masked.
    const comments = (await repo.listComments(db, c.id)).map((m) => ({
      ...m,
      body: redactPersonalData(m.body),
      reply: m.reply === null ? null : redactPersonalData(m.reply),
      decisionReason: m.decisionReason === null ? null : redactPersonalData(m.decisionReason),
    }));
    return buildFeedbackSummary({
      planTitle: plan.title,
      planVersion: plan.version,
      issuer: district?.name ?? '',
      opensOn: toChinaDate(c.opensAt),
      closesOn: toChinaDate(c.closesAt),
      summaryDate: c.summaryDate,
      clauses: plan.clauses,
      comments,
      lang,
    });
  }

  /** The summary rendered as DOCX or PDF, with a download file name; rendered once per closed consultation. */
  async function renderSummary(
    actor: Actor | null,
    id: string,
    format: 'docx' | 'pdf',
    lang: 'zh' | 'en',
  ): Promise<RenderedSummary> {
    const c = await load(actor, id);
    const key = `${c.id}|${lang}|${format}`;
    const cached = c.status === 'closed' ? rendered.get(key) : undefined;
    if (cached) {
      rendered.delete(key);
      rendered.set(key, cached);
      return cached;
    }
    const render = (async () => {
      const doc = await summaryOf(c, lang);
      const body = format === 'docx' ? await deps.renderer.docx(doc) : await deps.renderer.pdf(doc);
      const base = lang === 'zh' ? '征求意见采纳情况说明' : 'consultation-feedback';
      return { body, fileName: `${base}-${doc.date}.${format}` };
    })();
    rendered.set(key, render);
    if (rendered.size > RENDER_CACHE_ENTRIES) rendered.delete(rendered.keys().next().value!);
    render.catch(() => {
      if (rendered.get(key) === render) rendered.delete(key);
    });
    return render;
  }

  /**
   * Clause-by-clause diff of the consulted version against `toPlanId` (another version of the
   * same plan), by default against the revision created from this consultation.
   */
  async function diff(actor: Actor, id: string, toPlanId?: string) {
    const c = await load(actor, id);
    const from = await findPlanVersion(db, c.planId);
    if (!from) throw notFound();
    const targetId = toPlanId ?? c.revisionPlanId;
    if (!targetId) throw new AppError('CONSULTATION_NO_REVISION', 409);
    const to = (await listPlanVersionsByCode(db, from.code)).find(
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
  async function listComparableVersions(actor: Actor, id: string) {
    const c = await load(actor, id);
    const from = await findPlanVersion(db, c.planId);
    if (!from) throw notFound();
    return (await listPlanVersionsByCode(db, from.code))
      .filter((v) => v.id !== from.id)
      .map((v) => ({ id: v.id, version: v.version, status: v.status, title: v.title }));
  }

  return { getSummary, renderSummary, diff, listComparableVersions };
}

export type ConsultationDocumentsService = ReturnType<typeof createConsultationDocumentsService>;
