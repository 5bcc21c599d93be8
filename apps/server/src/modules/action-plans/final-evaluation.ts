import type { DocumentBlock, OfficialDocument } from '../../platform/documents/document-model.ts';
import { redactPersonalData } from '../../platform/validation/redact.ts';
import type { EvaluationView } from './plan-closing.schema.ts';
import { coordinatingUnitId } from './plan-closing.rules.ts';

type Lang = 'zh' | 'en';
type Indicator = EvaluationView['indicators'][number];

const chineseDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

const WORDS = {
  zh: {
    title: (plan: string) => `${plan}终期评估报告`,
    draft: '（征求意见稿）',
    intro: (v: EvaluationView, signer: string, date: string) =>
      `《${v.plan.title}》实施期为${chineseDate(v.plan.startDate)}至${chineseDate(v.plan.endDate)}。${chineseDate(date)}，${signer}对计划执行情况开展终期评估，现将评估情况报告如下。`,
    overall: '一、总体评价',
    tasks: '二、任务完成情况',
    indicators: '三、指标达成情况',
    taskSummary: (n: number, c: number, p: number, x: number) =>
      `计划共部署工作任务${n}项，已完成${c}项，部分完成${p}项，未完成${x}项。`,
    indicatorSummary: (n: number, m: number, x: number, d: number) =>
      `纳入评估的指标共${n}项，截至各自完成时限已达成${m}项，未达成${x}项，无数据${d}项。`,
    taskColumns: ['序号', '工作任务', '牵头单位', '完成情况', '说明'],
    indicatorColumns: ['所属任务', '指标', '目标值', '完成时限', '截止时数值', '结论'],
    outcome: { completed: '已完成', partly: '部分完成', not_completed: '未完成', null: '未评定' },
    verdict: { met: '已达成', not_met: '未达成', no_data: '无数据' },
    none: '—',
    date: chineseDate,
  },
  en: {
    title: (plan: string) => `${plan}: Final Evaluation Report`,
    draft: '(draft)',
    intro: (v: EvaluationView, signer: string, date: string) =>
      `The plan "${v.plan.titleEn || v.plan.title}" ran from ${v.plan.startDate} to ${v.plan.endDate}. On ${date}, ${signer} evaluated its implementation, and reports as follows.`,
    overall: '1. Overall assessment',
    tasks: '2. Tasks',
    indicators: '3. Indicators',
    taskSummary: (n: number, c: number, p: number, x: number) =>
      `The plan set ${n} tasks: ${c} completed, ${p} partly completed, ${x} not completed.`,
    indicatorSummary: (n: number, m: number, x: number, d: number) =>
      `Of ${n} indicators, by their deadlines ${m} were met, ${x} not met, ${d} without data.`,
    taskColumns: ['No.', 'Task', 'Lead unit', 'Outcome', 'Remark'],
    indicatorColumns: ['Task', 'Indicator', 'Target', 'Deadline', 'Value at deadline', 'Verdict'],
    outcome: {
      completed: 'Completed',
      partly: 'Partly',
      not_completed: 'Not completed',
      null: 'Not assessed',
    },
    verdict: { met: 'Met', not_met: 'Not met', no_data: 'No data' },
    none: '—',
    date: (d: string) => d,
  },
} as const;

/** An indicator's target as printed: `≥ 60%`, `≤ 10`, `= 1`, `45–55%`. */
export function targetText(
  i: Pick<Indicator, 'comparator' | 'target' | 'targetLow' | 'targetHigh' | 'unit'>,
) {
  const u = i.unit === '%' ? '%' : ` ${i.unit}`;
  switch (i.comparator) {
    case 'gte':
      return `≥ ${i.target}${u}`;
    case 'lte':
      return `≤ ${i.target}${u}`;
    case 'eq':
      return `= ${i.target}${u}`;
    case 'between':
      return `${i.targetLow}–${i.targetHigh}${u}`;
  }
}

/**
 * The final evaluation report (终期评估报告) as an official document: an opening paragraph, 一、
 * 总体评价 (the narrative), 二、任务完成情况 (counts, then a table of every task's outcome and
 * remark), 三、指标达成情况 (counts, then each indicator's value and verdict at its deadline),
 * signed by the plan's coordinating unit on the closing day. `audience: 'public'` keeps only the
 * public indicators and strips personal data from the text (the portal's copy). Pure.
 *
 * @example buildFinalEvaluation(view, 'zh').title // '上党区职业教育改革行动计划终期评估报告'
 */
export function buildFinalEvaluation(
  v: EvaluationView,
  lang: Lang,
  opts: { audience: 'internal' | 'public'; today: string; names?: readonly string[] },
): OfficialDocument {
  const w = WORDS[lang];
  const pub = opts.audience === 'public';
  // The public copy masks ID numbers, phones and the names of the district's people in the text.
  const text = (s: string) => (pub ? redactPersonalData(s, opts.names ?? []) : s);
  const signer = signerOf(v);
  const date = v.closedOn ?? opts.today;
  const indicators = pub ? v.indicators.filter((i) => i.isPublic) : v.indicators;
  const count = <T>(xs: readonly T[], f: (x: T) => boolean) => xs.filter(f).length;
  const outcomeOf = (t: EvaluationView['tasks'][number]) => t.outcome ?? 'null';
  const blocks: DocumentBlock[] = [
    { kind: 'paragraph', text: w.intro(v, signer, date) },
    { kind: 'heading', level: 1, text: w.overall },
    ...paragraphs(text(v.narrative)),
    { kind: 'heading', level: 1, text: w.tasks },
    {
      kind: 'paragraph',
      text: w.taskSummary(
        v.tasks.length,
        count(v.tasks, (t) => t.outcome === 'completed'),
        count(v.tasks, (t) => t.outcome === 'partly'),
        count(v.tasks, (t) => t.outcome === 'not_completed'),
      ),
    },
    {
      kind: 'table',
      columns: [...w.taskColumns],
      rows: v.tasks.map((t) => [
        t.label,
        lang === 'zh' ? t.title : t.titleEn || t.title,
        t.lead ?? w.none,
        w.outcome[outcomeOf(t)],
        text(t.remark) || w.none,
      ]),
      widths: [2, 5, 2.4, 2.4, 3.6],
    },
    { kind: 'heading', level: 1, text: w.indicators },
    {
      kind: 'paragraph',
      text: w.indicatorSummary(
        indicators.length,
        count(indicators, (i) => i.verdict === 'met'),
        count(indicators, (i) => i.verdict === 'not_met'),
        count(indicators, (i) => i.verdict === 'no_data'),
      ),
    },
    {
      kind: 'table',
      columns: [...w.indicatorColumns],
      // Readers know an indicator by its task and name; its code is the system's own key.
      rows: indicators.map((i) => [
        i.taskLabel,
        lang === 'zh' ? i.name : i.nameEn || i.name,
        targetText(i),
        w.date(i.deadline),
        i.value === null ? w.none : `${i.value}${i.unit === '%' ? '%' : ''}`,
        w.verdict[i.verdict],
      ]),
      widths: [2, 5.6, 2.2, 3, 2.2, 2],
    },
  ];
  return {
    title: w.title(lang === 'zh' ? v.plan.title : v.plan.titleEn || v.plan.title),
    subtitle: v.state === 'closed' ? undefined : w.draft,
    date,
    signature: signer,
    blocks,
    lang,
    meta: { subject: w.title(v.plan.title), author: signer },
  };
}

/** The plan's coordinating unit by name (the lead of most tasks), else the district. */
function signerOf(v: EvaluationView): string {
  const leads = v.tasks.flatMap((t, i) => (t.lead ? [{ unitId: t.lead, taskNumber: i }] : []));
  return coordinatingUnitId(leads, v.plan.district.name);
}

function paragraphs(text: string): DocumentBlock[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ kind: 'paragraph', text: p }));
}
