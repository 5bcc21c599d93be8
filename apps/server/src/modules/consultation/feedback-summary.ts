import { ADOPTION_DECISIONS, ADOPTION_LABELS, type AdoptionDecision } from '@zhijiao/contracts';
import type { DocumentBlock, OfficialDocument } from '../../platform/documents/document-model.ts';
import type { PlanClause } from '../action-plans/index.ts';

/** What the feedback summary is built from: only published-or-rejected facts, never a person. */
export interface FeedbackSummaryInput {
  planTitle: string;
  planVersion: number;
  /** Issuing body printed as 落款, e.g. 长治市上党区. */
  issuer: string;
  opensOn: string;
  closesOn: string;
  summaryDate: string;
  clauses: readonly PlanClause[];
  comments: ReadonlyArray<{
    seq: number;
    clauseKey: string;
    status: 'pending' | 'published' | 'rejected';
    body: string;
    reply: string | null;
    decision: AdoptionDecision | null;
    decisionReason: string | null;
  }>;
  lang: 'zh' | 'en';
}

const EXCERPT = 200;
const excerpt = (text: string) => {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > EXCERPT ? `${chars.slice(0, EXCERPT).join('')}…` : chars.join('');
};

const WORDS = {
  zh: {
    title: (t: string) => `关于《${t}》征求意见采纳情况的说明`,
    intro: (
      p: FeedbackSummaryInput,
      total: number,
      pub: number,
      rej: number,
      c: Record<AdoptionDecision, number>,
    ) =>
      `${p.opensOn}至${p.closesOn}，《${p.planTitle}》（第${p.planVersion}稿）向社会公开征求意见，共收到意见${total}条，` +
      `其中经审核公开${pub}条，因与计划内容无关或含有不当内容未予公开${rej}条。对公开的${pub}条意见，` +
      `采纳${c.adopted}条，部分采纳${c.partly_adopted}条，未采纳${c.not_adopted}条。现将采纳情况说明如下。`,
    overview: '一、总体情况',
    details: '二、意见及采纳情况',
    columns: ['条款', '意见数', '采纳', '部分采纳', '未采纳'],
    total: '合计',
    none: '本次征求意见未收到公开的意见。',
    comment: (n: number, text: string) => `意见${n}：${text}`,
    reply: (text: string) => `答复：${text}`,
    decision: (label: string, reason: string | null) =>
      `处理：${label}${reason ? `。理由：${reason}` : '。'}`,
    preamble: '前言',
    subject: '征求意见采纳情况说明',
  },
  en: {
    title: (t: string) => `Feedback on the public consultation on "${t}"`,
    intro: (
      p: FeedbackSummaryInput,
      total: number,
      pub: number,
      rej: number,
      c: Record<AdoptionDecision, number>,
    ) =>
      `From ${p.opensOn} to ${p.closesOn}, version ${p.planVersion} of "${p.planTitle}" was open for public comment. ` +
      `${total} comments were received: ${pub} were published and ${rej} were not (unrelated or abusive content). ` +
      `Of the published comments, ${c.adopted} were adopted, ${c.partly_adopted} partly adopted and ${c.not_adopted} not adopted.`,
    overview: '1. Overview',
    details: '2. Comments and decisions',
    columns: ['Clause', 'Comments', 'Adopted', 'Partly adopted', 'Not adopted'],
    total: 'Total',
    none: 'No comment was published in this consultation.',
    comment: (n: number, text: string) => `Comment ${n}: ${text}`,
    reply: (text: string) => `Reply: ${text}`,
    decision: (label: string, reason: string | null) =>
      `Decision: ${label}${reason ? `. Reason: ${reason}` : '.'}`,
    preamble: 'Preamble',
    subject: 'Consultation feedback',
  },
};

/**
 * Builds the feedback summary (采纳情况说明) of a closed consultation as an `OfficialDocument`:
 * counts received / published / not published, a table by clause and decision, then for each
 * clause every published comment (an excerpt of at most 200 characters), its reply and the
 * decision with its reason. Pure: no names, no contacts, no rejected text ever enter it.
 *
 * @example renderer.docx(buildFeedbackSummary({ …, lang: 'zh' }))
 */
export function buildFeedbackSummary(input: FeedbackSummaryInput): OfficialDocument {
  const w = WORDS[input.lang];
  const published = input.comments.filter((c) => c.status === 'published');
  const rejected = input.comments.filter((c) => c.status === 'rejected').length;
  const count = (list: typeof published) =>
    Object.fromEntries(
      ADOPTION_DECISIONS.map((d) => [d, list.filter((c) => c.decision === d).length]),
    ) as Record<AdoptionDecision, number>;
  const totals = count(published);
  const clauseName = (c: PlanClause) => (c.kind === 'preamble' ? w.preamble : `${c.label}${c.title}`);
  const commented = input.clauses.filter((c) => published.some((p) => p.clauseKey === c.key));
  const blocks: DocumentBlock[] = [
    { kind: 'paragraph', text: w.intro(input, input.comments.length, published.length, rejected, totals) },
    { kind: 'heading', level: 1, text: w.overview },
  ];
  if (commented.length === 0) {
    blocks.push({ kind: 'paragraph', text: w.none });
  } else {
    const rows = commented.map((clause) => {
      const own = published.filter((p) => p.clauseKey === clause.key);
      const c = count(own);
      return [
        clauseName(clause),
        String(own.length),
        String(c.adopted),
        String(c.partly_adopted),
        String(c.not_adopted),
      ];
    });
    rows.push([
      w.total,
      String(published.length),
      String(totals.adopted),
      String(totals.partly_adopted),
      String(totals.not_adopted),
    ]);
    blocks.push({ kind: 'table', columns: w.columns, rows, widths: [5, 1, 1, 1, 1] });
    blocks.push({ kind: 'heading', level: 1, text: w.details });
    for (const clause of commented) {
      blocks.push({ kind: 'heading', level: 2, text: clauseName(clause) });
      for (const comment of published.filter((p) => p.clauseKey === clause.key)) {
        blocks.push({ kind: 'paragraph', text: w.comment(comment.seq, excerpt(comment.body)) });
        if (comment.reply) blocks.push({ kind: 'paragraph', text: w.reply(comment.reply) });
        if (comment.decision) {
          blocks.push({
            kind: 'paragraph',
            text: w.decision(ADOPTION_LABELS[comment.decision][input.lang], comment.decisionReason || null),
          });
        }
      }
    }
  }
  return {
    title: w.title(input.planTitle),
    date: input.summaryDate,
    signature: input.issuer,
    blocks,
    lang: input.lang,
    meta: { subject: w.subject, author: input.issuer },
  };
}
