import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { listUserRefs } from '../../platform/auth/users.repository.ts';
import type { RenderedCache } from '../../platform/documents/rendered-cache.ts';
import { MEDIA_TYPES, type FileAnswer } from '../../platform/http/file-reply.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { listSubtreeIds } from '../org/index.ts';
import * as repo from './action-plans.repository.ts';
import { buildFinalEvaluation } from './final-evaluation.ts';
import * as closing from './plan-closing.repository.ts';
import type { EvaluationView } from './plan-closing.schema.ts';
import { getEvaluation } from './plan-closing.service.ts';
import { evaluationView, loadEvaluationParts } from './plan-closing.view.ts';
import { todayOf } from './plan-reads.ts';

type Format = 'docx' | 'pdf';
type Lang = 'zh' | 'en';

/*
 * The final evaluation report (终期评估报告) as DOCX or PDF: the full report for those who may
 * read the evaluation (a draft is a preview for the coordinator), the public copy on the portal.
 */

/**
 * The final evaluation report for a signed-in reader: whoever may read the evaluation (a closed
 * one: all who see the plan; a draft: its coordinator, marked 征求意见稿). Audited as an export.
 */
export async function renderFinalEvaluation(
  deps: ModuleDeps,
  actor: Actor,
  code: string,
  lang: Lang,
  format: Format,
): Promise<FileAnswer> {
  const view = await getEvaluation(deps, actor, code);
  await deps.transaction((trx) =>
    deps.audit.record(trx, auditActorOf(actor), {
      action: 'plan.evaluation_exported',
      objectType: 'plan',
      objectId: code,
      details: { format, lang, state: view.state },
    }),
  );
  return render(deps, view, lang, format, 'internal');
}

/**
 * The public copy of a closed, published plan's final evaluation (open data, no sign-in): public
 * indicators only, personal data stripped from the text. 404 while the plan is not closed.
 */
export async function renderPublicFinalEvaluation(
  deps: ModuleDeps & { rendered: RenderedCache<FileAnswer> },
  code: string,
  lang: Lang,
  format: Format,
): Promise<FileAnswer> {
  const plan = await repo.findCurrentPlanByCode(deps.db, code);
  if (!plan || plan.status !== 'published') throw notFound();
  const evaluation = await closing.findEvaluationByPlanCode(deps.db, code);
  if (evaluation?.state !== 'closed') throw notFound();
  // A closed evaluation never changes: rendered once per language and format, not per request.
  return deps.rendered.get(`${evaluation.id}|${lang}|${format}`, async () => {
    const parts = await loadEvaluationParts(deps, plan, evaluation, todayOf(deps));
    const view = evaluationView(plan, evaluation, parts, { phase: 'closed', save: false, close: false });
    const people = await listUserRefs(deps.db, {
      orgUnitIds: await listSubtreeIds(deps.db, plan.districtId),
    });
    return render(
      deps,
      view,
      lang,
      format,
      'public',
      people.map((u) => u.displayName),
    );
  });
}

async function render(
  deps: ModuleDeps,
  view: EvaluationView,
  lang: Lang,
  format: Format,
  audience: 'internal' | 'public',
  names: readonly string[] = [],
): Promise<FileAnswer> {
  const doc = buildFinalEvaluation(view, lang, { audience, today: todayOf(deps), names });
  const body = format === 'pdf' ? await deps.documents.pdf(doc) : await deps.documents.docx(doc);
  const name = lang === 'zh' ? '终期评估报告' : 'final-evaluation';
  return { body, mediaType: MEDIA_TYPES[format], filename: `${view.plan.code}-${name}.${format}` };
}
