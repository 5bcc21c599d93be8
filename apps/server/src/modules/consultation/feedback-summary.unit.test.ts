import { describe, expect, it } from 'vitest';
import type { PlanClause } from '../action-plans/index.ts';
import { buildFeedbackSummary, type FeedbackSummaryInput } from './feedback-summary.ts';

const clauses: PlanClause[] = [
  { key: 'preamble', kind: 'preamble', label: '前言', title: '', text: '为加快…', sectionKey: null },
  {
    key: 'task-3',
    kind: 'task',
    label: '（三）',
    title: '统筹中等职业教育发展',
    text: '…',
    sectionKey: 'section-2',
  },
];
const input = (lang: 'zh' | 'en'): FeedbackSummaryInput => ({
  planTitle: '长治市上党区推进职业教育改革发展行动计划',
  planVersion: 2,
  issuer: '上党区',
  opensOn: '2021-05-20',
  closesOn: '2021-06-20',
  summaryDate: '2021-06-21',
  clauses,
  lang,
  comments: [
    {
      seq: 1,
      clauseKey: 'task-3',
      status: 'published',
      body: '建议'.repeat(150),
      reply: '采纳',
      decision: 'adopted',
      decisionReason: null,
    },
    {
      seq: 2,
      clauseKey: 'task-3',
      status: 'published',
      body: '再议',
      reply: '暂不',
      decision: 'not_adopted',
      decisionReason: '超出职责',
    },
    {
      seq: 3,
      clauseKey: 'preamble',
      status: 'rejected',
      body: '广告内容',
      reply: null,
      decision: null,
      decisionReason: null,
    },
  ],
});

describe('buildFeedbackSummary', () => {
  it('counts received, published and unpublished comments and decisions by clause', () => {
    const doc = buildFeedbackSummary(input('zh'));
    expect(doc.title).toBe('关于《长治市上党区推进职业教育改革发展行动计划》征求意见采纳情况的说明');
    expect(doc.blocks[0]).toMatchObject({ kind: 'paragraph' });
    const intro = doc.blocks[0]!.kind === 'paragraph' ? doc.blocks[0]!.text : '';
    expect(intro).toContain('共收到意见3条');
    expect(intro).toContain('未予公开1条');
    expect(intro).toContain('采纳1条，部分采纳0条，未采纳1条');
    const table = doc.blocks.find((b) => b.kind === 'table');
    expect(table).toMatchObject({
      rows: [
        ['（三）统筹中等职业教育发展', '2', '1', '0', '1'],
        ['合计', '2', '1', '0', '1'],
      ],
    });
  });

  it('excerpts long comments and never includes rejected text', () => {
    const text = JSON.stringify(buildFeedbackSummary(input('zh')));
    expect(text).toContain('…');
    expect(text).not.toContain('广告内容');
    expect(text).toContain('处理：未采纳。理由：超出职责');
  });

  it('writes the same summary in English', () => {
    const doc = buildFeedbackSummary(input('en'));
    expect(doc.lang).toBe('en');
    expect(JSON.stringify(doc)).toContain('Decision: Not adopted. Reason: 超出职责');
  });

  it('says so when no comment was published', () => {
    const doc = buildFeedbackSummary({ ...input('zh'), comments: [] });
    expect(doc.blocks.some((b) => b.kind === 'paragraph' && b.text.includes('未收到公开的意见'))).toBe(true);
  });
});
