import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import type { DocumentRenderer } from '../../platform/documents/document-model.ts';
import { bindUseCases } from '../../platform/modules/use-cases.ts';
import { createTestContext, type TestContext } from '../../test/test-context.ts';
import * as documentsUseCases from './consultation-documents.service.ts';
import { comment, seedDraftPlan, signInCoordinator } from './consultation.test-helpers.ts';
import { RenderedSummaries } from './rendered-summaries.ts';

const CLOSES = '2021-06-20T00:00:00Z';
const SECRETS = ['138 0013 8000', '+86 139-1234-5678', '140421199001011234'];

describe('consultation: redaction of published text, cached summary files, district scoping', () => {
  let ctx: TestContext;
  let editor: Actor;
  let id: string;
  const svc = () => ctx.services.consultation.consultations;

  beforeAll(async () => {
    ctx = await createTestContext();
    const plans = await seedDraftPlan(ctx);
    editor = (await signInCoordinator(ctx)).actor;
    ({ id } = await svc().createConsultation(editor, { planId: plans.draft, closesAt: CLOSES }));
    await svc().openConsultation(editor, id);
    await comment(ctx, id, {
      body: `我是王建国，电话 ${SECRETS[0]}，身份证 ${SECRETS[2]}，建议明确平台建成时间。`,
    });
    const [row] = await ctx.db
      .selectFrom('consultationComment')
      .select('id')
      .where('consultationId', '=', id)
      .execute();
    await svc().moderateComment(editor, row!.id, { action: 'publish' });
    await svc().replyToComment(editor, row!.id, {
      reply: `已采纳，详询 ${SECRETS[1]}。`,
      decision: 'adopted',
    });
  });
  afterAll(() => ctx?.close());

  it('masks phones and ID numbers in published comments and replies', async () => {
    const view = JSON.stringify(await ctx.services.consultation.publicComments.getPublicConsultation(id));
    for (const secret of SECRETS) expect(view).not.toContain(secret);
    expect(view).toContain('建议明确平台建成时间');
  });

  it('lists no consultations to an actor without a district who does not see everything', async () => {
    expect(await svc().listConsultations(editor)).toHaveLength(1);
    const noDistrict: Actor = {
      ...editor,
      districtId: null,
      scope: { all: false, orgUnitIds: [editor.orgUnitId] },
    };
    expect(await svc().listConsultations(noDistrict)).toEqual([]);
    expect(await svc().listCandidateVersions(noDistrict)).toEqual([]);
  });

  it('renders the summary of a closed consultation once per language and format, without the secrets', async () => {
    ctx.clock.set(CLOSES);
    await svc().closeConsultation(editor, id);
    const calls = { docx: 0, pdf: 0 };
    const real = ctx.services.documents;
    const counting: DocumentRenderer = {
      ...real,
      docx: (doc) => (calls.docx++, real.docx(doc)),
      pdf: (doc) => (calls.pdf++, real.pdf(doc)),
    };
    const documents = bindUseCases(
      { db: ctx.db, documents: counting, summaries: new RenderedSummaries() },
      documentsUseCases,
    );
    const first = await Promise.all([1, 2, 3].map(() => documents.renderSummary(null, id, 'pdf', 'zh')));
    const again = await documents.renderSummary(null, id, 'pdf', 'zh');
    expect(again.body.equals(first[0]!.body)).toBe(true);
    expect(again.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(calls.pdf).toBe(1);
    await documents.renderSummary(null, id, 'docx', 'zh');
    await documents.renderSummary(null, id, 'docx', 'zh');
    await documents.renderSummary(null, id, 'docx', 'en');
    expect(calls.docx).toBe(2);
    const summary = JSON.stringify(await documents.getSummary(null, id, 'zh'));
    for (const secret of SECRETS) expect(summary).not.toContain(secret);
  });
});
