import type {
  CommitmentState,
  FindingSeverity,
  InspectionKind,
  OrderState,
  SanctionKind,
} from '@zhijiao/contracts';
import { formatDocumentDate } from '../../platform/documents/document-layout.ts';
import type { DocumentBlock, OfficialDocument } from '../../platform/documents/document-model.ts';
import { namesIn, redactPersonalData } from '../../platform/validation/redact.ts';

/** Everything the supervision report (督导报告) of one inspection is built from. */
export interface InspectionReportRecords {
  inspection: {
    title: string;
    kind: InspectionKind;
    documentNumber: string | null;
    startsOn: string;
    endsOn: string;
    purpose: string;
    conclusion: string;
    /** 成文日期: the day it was completed, or today for a draft. */
    date: string;
    districtName: string;
  };
  inspectors: Array<{ name: string; isLead: boolean }>;
  scope: Array<{ type: 'unit' | 'school' | 'task'; label: string }>;
  schedule: Array<{ date: string; activity: string }>;
  findings: Array<{
    /** The responsible unit's id: unit names are not unique, so parts of the report go by id. */
    orgUnitId: string;
    unitName: string;
    subjectLabel: string;
    title: string;
    description: string;
    severity: FindingSeverity;
    order: { state: OrderState; dueDate: string; closedOn: string | null } | null;
  }>;
  interviews: Array<{
    orgUnitId: string;
    unitName: string;
    heldOn: string;
    interviewers: string;
    interviewees: string;
    reason: string;
    commitments: Array<{ text: string; state: CommitmentState; followUp: string | null }>;
  }>;
  sanctions: Array<{
    orgUnitId: string;
    unitName: string;
    kind: SanctionKind;
    title: string;
    points: number;
    groundsText: string;
  }>;
}

const L = {
  zh: {
    kind: { regular: '定期督导', special: '专项督导' },
    basics: '一、督导基本情况',
    findings: '二、发现的主要问题',
    rectification: '三、整改落实情况',
    interviews: '四、约谈情况',
    sanctions: '五、奖惩情况',
    conclusion: '六、督导结论与意见',
    none: '无。',
    findingCols: ['序号', '责任单位', '问题', '涉及任务或指标', '性质'],
    orderCols: ['序号', '责任单位', '问题', '整改期限', '整改状态'],
    interviewCols: ['序号', '被约谈单位', '日期', '约谈事由', '承诺事项'],
    sanctionCols: ['序号', '单位', '类别', '事项', '分值', '依据'],
    severity: { general: '一般', serious: '严重' },
    sanction: { reward: '奖励', penalty: '惩戒' },
    state: {
      issued: '整改中',
      answered: '已反馈待核查',
      returned: '退回重改',
      verified: '已核查',
      closed: '已销号',
    },
    noOrder: '未下达整改通知',
    onTime: '（按期）',
    late: '（逾期）',
    scopeLabel: { unit: '单位', school: '学校', task: '任务' },
  },
  en: {
    kind: { regular: 'Regular inspection', special: 'Special inspection' },
    basics: '1. The inspection',
    findings: '2. Findings',
    rectification: '3. Rectification',
    interviews: '4. Interviews',
    sanctions: '5. Rewards and penalties',
    conclusion: '6. Conclusion',
    none: 'None.',
    findingCols: ['No.', 'Unit', 'Finding', 'Task or indicator', 'Severity'],
    orderCols: ['No.', 'Unit', 'Finding', 'Deadline', 'Status'],
    interviewCols: ['No.', 'Unit', 'Date', 'Reason', 'Commitments'],
    sanctionCols: ['No.', 'Unit', 'Kind', 'Item', 'Points', 'Grounds'],
    severity: { general: 'general', serious: 'serious' },
    sanction: { reward: 'reward', penalty: 'penalty' },
    state: {
      issued: 'being rectified',
      answered: 'answered',
      returned: 'sent back',
      verified: 'verified',
      closed: 'closed',
    },
    noOrder: 'no order issued',
    onTime: ' (on time)',
    late: ' (late)',
    scopeLabel: { unit: 'units', school: 'schools', task: 'tasks' },
  },
} as const;

/**
 * The supervision report (督导报告) of an inspection as an official document: basics, findings,
 * rectification, interviews, rewards and penalties, conclusion. Pure: the same records give the
 * same document. With `public: true` it carries no personal data: no inspector, interviewer or
 * interviewee names (those names are also blanked out of every text), no commitments' wording,
 * and phones and ID numbers in any text are masked.
 *
 * @example buildInspectionReport(records, 'zh', { public: true }).blocks[0] // { kind: 'heading', level: 1, text: '一、督导基本情况' }
 */
export function buildInspectionReport(
  r: InspectionReportRecords,
  lang: 'zh' | 'en',
  opts: { public?: boolean } = {},
): OfficialDocument {
  const l = L[lang];
  const pub = opts.public === true;
  const names = r.inspectors.map((i) => i.name);
  const people = [
    ...names,
    ...r.interviews.flatMap((v) => [...namesIn(v.interviewers), ...namesIn(v.interviewees)]),
  ];
  const text = (s: string) => (pub ? redactPersonalData(s, people) : s);
  const zh = lang === 'zh';
  // Dates in a document are written 2026年7月9日 (9 July 2026), never 2026-07-09.
  const day = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? formatDocumentDate(d, lang) : d);
  const blocks: DocumentBlock[] = [];
  const para = (t: string) => blocks.push({ kind: 'paragraph', text: t });

  blocks.push({ kind: 'heading', level: 1, text: l.basics });
  const scopeText = (['unit', 'school', 'task'] as const)
    .map((type) => ({ type, labels: r.scope.filter((s) => s.type === type).map((s) => s.label) }))
    .filter((s) => s.labels.length > 0)
    .map((s) => `${l.scopeLabel[s.type]}${zh ? '：' : ': '}${s.labels.join(zh ? '、' : ', ')}`)
    .join(zh ? '；' : '; ');
  para(
    zh
      ? `${day(r.inspection.startsOn)}至${day(r.inspection.endsOn)}，${r.inspection.districtName}组织开展${l.kind[r.inspection.kind]}。${text(r.inspection.purpose)}`
      : `From ${day(r.inspection.startsOn)} to ${day(r.inspection.endsOn)}, ${r.inspection.districtName} carried out a ${l.kind[r.inspection.kind].toLowerCase()}. ${text(r.inspection.purpose)}`,
  );
  if (scopeText) para(zh ? `督导范围：${scopeText}。` : `Scope: ${scopeText}.`);
  if (pub)
    para(
      zh ? `督导组共 ${r.inspectors.length} 人。` : `The inspection team had ${r.inspectors.length} members.`,
    );
  else if (names.length) {
    const lead = r.inspectors.find((i) => i.isLead);
    para(
      zh
        ? `督导组成员：${names.join('、')}${lead ? `（组长：${lead.name}）` : ''}。`
        : `Inspectors: ${names.join(', ')}${lead ? ` (lead: ${lead.name})` : ''}.`,
    );
  }
  if (r.schedule.length)
    blocks.push({ kind: 'list', items: r.schedule.map((s) => `${day(s.date)}  ${text(s.activity)}`) });

  blocks.push({ kind: 'heading', level: 1, text: l.findings });
  const serious = r.findings.filter((f) => f.severity === 'serious').length;
  if (r.findings.length === 0) para(l.none);
  else {
    para(
      zh
        ? `本次督导共发现问题 ${r.findings.length} 个，其中严重问题 ${serious} 个，涉及 ${new Set(r.findings.map((f) => f.unitName)).size} 个单位。`
        : `${r.findings.length} findings (${serious} serious) concerning ${new Set(r.findings.map((f) => f.unitName)).size} units.`,
    );
    blocks.push({
      kind: 'table',
      columns: [...l.findingCols],
      widths: [1, 3, 6, 4, 2],
      rows: r.findings.map((f, i) => [
        String(i + 1),
        f.unitName,
        text(`${f.title}${f.description ? `：${f.description}` : ''}`),
        text(f.subjectLabel),
        l.severity[f.severity],
      ]),
    });
  }

  blocks.push({ kind: 'heading', level: 1, text: l.rectification });
  const ordered = r.findings.filter((f) => f.order);
  const closed = ordered.filter((f) => f.order!.state === 'closed');
  const onTime = closed.filter((f) => f.order!.closedOn! <= f.order!.dueDate).length;
  if (ordered.length === 0) para(l.none);
  else {
    para(
      zh
        ? `共下达整改通知 ${ordered.length} 份，已销号 ${closed.length} 份（按期 ${onTime} 份、逾期 ${closed.length - onTime} 份），尚在整改 ${ordered.length - closed.length} 份。`
        : `${ordered.length} rectification orders issued; ${closed.length} closed (${onTime} on time, ${closed.length - onTime} late); ${ordered.length - closed.length} still open.`,
    );
    blocks.push({
      kind: 'table',
      columns: [...l.orderCols],
      widths: [1, 3, 6, 2, 3],
      rows: r.findings.map((f, i) => {
        const o = f.order;
        const status = !o
          ? l.noOrder
          : o.state === 'closed'
            ? `${l.state.closed}${o.closedOn! <= o.dueDate ? l.onTime : l.late}`
            : l.state[o.state];
        return [String(i + 1), f.unitName, text(f.title), o ? day(o.dueDate) : '—', status];
      }),
    });
  }

  blocks.push({ kind: 'heading', level: 1, text: l.interviews });
  if (r.interviews.length === 0) para(l.none);
  else
    blocks.push({
      kind: 'table',
      columns: pub ? l.interviewCols.filter((_, i) => i !== 4) : [...l.interviewCols],
      widths: pub ? [1, 3, 2, 8] : [1, 3, 2, 5, 5],
      rows: r.interviews.map((v, i) => {
        const base = [String(i + 1), v.unitName, day(v.heldOn), text(v.reason)];
        if (pub) {
          const done = v.commitments.filter((c) => c.state === 'fulfilled').length;
          base[3] += zh
            ? `（承诺事项 ${v.commitments.length} 项，已兑现 ${done} 项）`
            : ` (${v.commitments.length} commitments, ${done} fulfilled)`;
          return base;
        }
        const who = zh
          ? `约谈人：${v.interviewers}；被约谈人：${v.interviewees}。`
          : `By: ${v.interviewers}; with: ${v.interviewees}. `;
        return [
          ...base.slice(0, 3),
          who + v.reason,
          v.commitments.map((c) => `${c.text}${c.followUp ? `（${c.followUp}）` : ''}`).join('；'),
        ];
      }),
    });

  blocks.push({ kind: 'heading', level: 1, text: l.sanctions });
  if (r.sanctions.length === 0) para(l.none);
  else
    blocks.push({
      kind: 'table',
      columns: [...l.sanctionCols],
      widths: [1, 3, 2, 4, 1, 5],
      rows: r.sanctions.map((s, i) => [
        String(i + 1),
        s.unitName,
        l.sanction[s.kind],
        text(s.title),
        String(s.points),
        text(s.groundsText),
      ]),
    });

  blocks.push({ kind: 'heading', level: 1, text: l.conclusion });
  para(r.inspection.conclusion.trim() ? text(r.inspection.conclusion) : l.none);

  return {
    // “…专项督导” + “报告”, not “…专项督导督导报告”.
    title: zh
      ? `${r.inspection.title}${r.inspection.title.endsWith('督导') ? '报告' : '督导报告'}`
      : `Supervision report: ${r.inspection.title}`,
    issuer: zh
      ? `${r.inspection.districtName}教育督导室`
      : `${r.inspection.districtName} education inspectorate`,
    ...(r.inspection.documentNumber ? { documentNumber: r.inspection.documentNumber } : {}),
    date: r.inspection.date,
    signature: zh
      ? `${r.inspection.districtName}教育督导室`
      : `${r.inspection.districtName} education inspectorate`,
    blocks,
    lang,
    meta: { subject: zh ? '督导报告' : 'Supervision report' },
  };
}
