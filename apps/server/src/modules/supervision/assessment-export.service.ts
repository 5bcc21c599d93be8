import type { Actor } from '../../platform/auth/actor.ts';
import { exportList, type ExportColumn, type ExportLocale } from '../../platform/export/list-export.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { unitNamesIn } from '../org/index.ts';
import { assessment } from './sanctions.service.ts';

type AssessmentRow = Awaited<ReturnType<typeof assessment>>['rows'][number];

const GRADE_LABELS = {
  excellent: { zh: '优秀', en: 'Excellent' },
  good: { zh: '良好', en: 'Good' },
  pass: { zh: '合格', en: 'Pass' },
  fail: { zh: '不合格', en: 'Fail' },
} as const;

const count = (zh: string, en: string, value: (r: AssessmentRow) => number): ExportColumn<AssessmentRow> => ({
  header: { zh, en },
  value,
  format: 'integer',
  width: 12,
});

const COLUMNS: ExportColumn<AssessmentRow>[] = [
  { header: { zh: '单位', en: 'Unit' }, value: (r) => r.unit.name, width: 22 },
  count('问题数', 'Findings', (r) => r.findings),
  count('严重问题', 'Serious findings', (r) => r.seriousFindings),
  count('按期销号', 'Closed on time', (r) => r.closedOnTime),
  count('逾期销号', 'Closed late', (r) => r.closedLate),
  count('逾期未销号', 'Open overdue', (r) => r.openOverdue),
  {
    header: { zh: '奖励分', en: 'Reward points' },
    value: (r) => r.rewardPoints,
    format: 'number',
    width: 10,
  },
  {
    header: { zh: '扣分', en: 'Penalty points' },
    value: (r) => r.penaltyPoints,
    format: 'number',
    width: 10,
  },
  { header: { zh: '得分', en: 'Score' }, value: (r) => r.score, format: 'number', width: 10 },
  { header: { zh: '等次', en: 'Grade' }, value: (r, l) => GRADE_LABELS[r.grade][l], width: 10 },
];

/**
 * The yearly assessment (年度考评) as .xlsx: the same computation and scope as `assessment`, one
 * row per unit; audited as `supervision.export`.
 */
export async function exportAssessment(deps: ModuleDeps, actor: Actor, year: number, locale: ExportLocale) {
  const { rows } = await assessment(deps, actor, year);
  return exportList(deps, actor, {
    module: 'supervision',
    list: 'annual_assessment',
    title: { zh: `${year}年度督导考评`, en: `Supervision assessment ${year}` },
    unitNames: unitNamesIn(deps.db),
    filters: [{ label: { zh: '年度', en: 'Year' }, value: String(year) }],
    query: { year },
    columns: COLUMNS,
    rows,
    locale,
  });
}
