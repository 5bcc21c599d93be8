import { describe, expect, it } from 'vitest';
import { buildFinalEvaluation, targetText } from './final-evaluation.ts';
import type { EvaluationView } from './plan-closing.schema.ts';

const indicator = {
  code: 'T07-DUAL',
  name: '双师型教师占比',
  nameEn: 'Dual-qualified share',
  unit: '%',
  taskLabel: '（七）',
  comparator: 'gte' as const,
  target: 60,
  targetLow: null,
  targetHigh: null,
  deadline: '2022-12-31',
  value: 52,
  valuePeriod: '2022年第4季度',
  status: 'off_track' as const,
  verdict: 'not_met' as const,
};
const view: EvaluationView = {
  plan: {
    code: 'p',
    title: '上党区职业教育改革行动计划',
    titleEn: 'Shangdang VET plan',
    startDate: '2020-01-01',
    endDate: '2022-12-31',
    district: { code: 'SD', name: '上党区' },
  },
  phase: 'closed',
  state: 'closed',
  narrative: '总体完成。\n联系人王建国，电话 13800138000。',
  closedOn: '2026-12-07',
  updatedAt: null,
  tasks: [
    {
      id: 't1',
      label: '（一）',
      title: '铸魂育人',
      titleEn: 'Values',
      lead: '区教育局',
      progress: 'completed',
      lastReportedPeriod: null,
      proposedOutcome: 'completed',
      outcome: 'completed',
      remark: '已建成',
    },
  ],
  indicators: [
    { ...indicator, id: 'i1', isPublic: true },
    { ...indicator, id: 'i2', code: 'T07-INTERNAL', isPublic: false, verdict: 'met', status: 'met' },
  ],
  abilities: { save: false, close: false },
};
const tables = (doc: ReturnType<typeof buildFinalEvaluation>) => doc.blocks.filter((b) => b.kind === 'table');
const texts = (doc: ReturnType<typeof buildFinalEvaluation>) =>
  doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));

describe('the final evaluation report (终期评估报告)', () => {
  it('is signed by the coordinating unit on the closing day, with tasks and verdicts at the deadline', () => {
    const doc = buildFinalEvaluation(view, 'zh', { audience: 'internal', today: '2026-12-08' });
    expect(doc).toMatchObject({
      title: '上党区职业教育改革行动计划终期评估报告',
      signature: '区教育局',
      date: '2026-12-07',
    });
    expect(doc.subtitle).toBeUndefined();
    const [tasks, indicators] = tables(doc);
    expect(tasks?.kind === 'table' && tasks.rows).toEqual([
      ['（一）', '铸魂育人', '区教育局', '已完成', '已建成'],
    ]);
    expect(indicators?.kind === 'table' && indicators.columns[0]).toBe('所属任务');
    expect(indicators?.kind === 'table' && indicators.rows[0]).toEqual([
      '（七）',
      '双师型教师占比',
      '≥ 60%',
      '2022年12月31日',
      '52%',
      '未达成',
    ]);
    expect(texts(doc)).toContain('纳入评估的指标共2项，截至各自完成时限已达成1项，未达成1项，无数据0项。');
  });
  it('keeps only public indicators and strips personal data in the public copy', () => {
    const doc = buildFinalEvaluation(view, 'zh', { audience: 'public', today: '2026-12-08' });
    const [, indicators] = tables(doc);
    expect(indicators?.kind === 'table' && indicators.rows).toHaveLength(1);
    expect(texts(doc).join()).not.toContain('13800138000');
    const named = buildFinalEvaluation(view, 'zh', {
      audience: 'public',
      today: '2026-12-08',
      names: ['王建国'],
    });
    expect(texts(named).join()).not.toContain('王建国');
    expect(
      texts(buildFinalEvaluation(view, 'zh', { audience: 'internal', today: '2026-12-08' })).join(),
    ).toContain('王建国');
  });
  it('shows readers no indicator code, in either language or copy', () => {
    for (const lang of ['zh', 'en'] as const)
      for (const audience of ['internal', 'public'] as const) {
        const doc = buildFinalEvaluation(view, lang, { audience, today: '2026-12-08' });
        expect(JSON.stringify(doc.blocks)).not.toMatch(/T07-(DUAL|INTERNAL)/);
      }
  });
  it('marks a draft and writes English when asked', () => {
    const doc = buildFinalEvaluation({ ...view, state: 'draft', closedOn: null }, 'en', {
      audience: 'internal',
      today: '2026-12-08',
    });
    expect(doc).toMatchObject({ subtitle: '(draft)', date: '2026-12-08', lang: 'en' });
    expect(doc.title).toBe('Shangdang VET plan: Final Evaluation Report');
  });
  it('prints targets by comparator', () => {
    expect(
      targetText({ comparator: 'between', target: null, targetLow: 45, targetHigh: 55, unit: '%' }),
    ).toBe('45–55%');
    expect(targetText({ comparator: 'lte', target: 3, targetLow: null, targetHigh: null, unit: '个' })).toBe(
      '≤ 3 个',
    );
  });
});
