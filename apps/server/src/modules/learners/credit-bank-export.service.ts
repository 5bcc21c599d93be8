import { OUTCOME_LEVEL_LABELS, OUTCOME_TYPE_LABELS, type OutcomeType } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { fieldError, notFound } from '../../platform/errors/app-error.ts';
import {
  ALL_ROWS,
  exportList,
  type ExportColumn,
  type ExportLocale,
  type ExtraSheet,
} from '../../platform/export/list-export.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { unitNamesIn, unitRefsByIds } from '../org/index.ts';
import { canSeeSchool, visibleSchoolIds } from './learners.policy.ts';
import { findLearner } from './learners.repository.ts';
import { listRecognisedForExport } from './outcomes.repository.ts';

/** The most rows one export writes (as the platform's list exports, `ALL_ROWS`). */
const MAX_EXPORT_ROWS = ALL_ROWS.limit;

/*
 * The export for the national credit bank (国家学分银行): a learner's, or the schools' in scope,
 * recognised outcomes (已认定) as .xlsx, one row each, with a sheet of totals per school and
 * outcome type and a sheet saying where the columns come from. Nobody publishes the national bank's
 * import fields: the columns are the ones docs/research/credentials.md proposes, ASSUMED — kept in
 * this one list so they change in one place once the bank's template is known. ID numbers masked
 * (first 6, last 4), as every list shows them; each export audited (`learners.export`).
 */

type Row = Awaited<ReturnType<typeof listRecognisedForExport>>[number] & { seq: number; schoolName: string };

const TYPE_FOR_BANK: Record<OutcomeType, { zh: string; en: string }> = {
  ...OUTCOME_TYPE_LABELS,
  one_plus_x_certificate: { zh: '1+X职业技能等级证书', en: '1+X vocational skill level certificate' },
};

/** The columns (ASSUMED, docs/research/credentials.md § 6), in the proposal's order. */
const COLUMNS: ExportColumn<Row>[] = [
  { header: { zh: '序号', en: 'No.' }, value: (r) => r.seq, format: 'integer', width: 6 },
  { header: { zh: '姓名', en: 'Name' }, value: (r) => r.learnerName, width: 10 },
  {
    header: { zh: '证件类型', en: 'ID type' },
    value: (_r, l) => (l === 'zh' ? '居民身份证' : 'Resident ID card'),
    width: 12,
  },
  { header: { zh: '证件号码（掩码）', en: 'ID number (masked)' }, value: (r) => r.idMasked, width: 22 },
  { header: { zh: '学校', en: 'School' }, value: (r) => r.schoolName, width: 22 },
  { header: { zh: '专业代码', en: 'Major code' }, value: (r) => r.majorCode, width: 10 },
  { header: { zh: '专业名称', en: 'Major' }, value: (r) => r.majorName, width: 18 },
  { header: { zh: '学习成果名称', en: 'Outcome' }, value: (r) => r.title, width: 24 },
  {
    header: { zh: '学习成果类型', en: 'Outcome type' },
    value: (r, l) => TYPE_FOR_BANK[r.type][l],
    width: 20,
  },
  {
    header: { zh: '等级', en: 'Level' },
    value: (r, l) => (r.level ? OUTCOME_LEVEL_LABELS[r.level][l] : ''),
    width: 8,
  },
  { header: { zh: '证书代码', en: 'Certificate code' }, value: (r) => r.certificateCode, width: 12 },
  { header: { zh: '颁发(认定)机构', en: 'Issuer' }, value: (r) => r.issuer, width: 24 },
  { header: { zh: '获得日期', en: 'Achieved on' }, value: (r) => r.achievedOn, format: 'date', width: 12 },
  { header: { zh: '证书编号', en: 'Certificate number' }, value: (r) => r.number, width: 24 },
  { header: { zh: '学分', en: 'Credits' }, value: (r) => r.credits / 10, format: 'number', width: 8 },
  {
    header: { zh: '成绩/结果', en: 'Result' },
    value: (_r, l) => (l === 'zh' ? '已认定' : 'Recognised'),
    width: 10,
  },
  {
    header: { zh: '认定日期', en: 'Recognised on' },
    value: (r) => r.recognisedAt,
    format: 'date',
    width: 12,
  },
];

interface Total {
  schoolName: string;
  type: OutcomeType;
  outcomes: number;
  credits: number;
}

const TOTALS: ExtraSheet<Total> = {
  title: { zh: '汇总（按学校和成果类型）', en: 'Totals by school and outcome type' },
  columns: [
    { header: { zh: '学校', en: 'School' }, value: (t) => t.schoolName, width: 24 },
    {
      header: { zh: '学习成果类型', en: 'Outcome type' },
      value: (t, l) => TYPE_FOR_BANK[t.type][l],
      width: 22,
    },
    { header: { zh: '成果数', en: 'Outcomes' }, value: (t) => t.outcomes, format: 'integer', width: 10 },
    { header: { zh: '学分合计', en: 'Credits' }, value: (t) => t.credits / 10, format: 'number', width: 10 },
  ],
  rows: [],
};

const README_LINES = [
  {
    zh: '本表为国家学分银行报送准备的学习成果清单，每行一项已认定的学习成果（已撤销、待认定、不予认定的不在其中）。',
    en: 'Recognised learning outcomes prepared for the national credit bank, one a row (revoked, pending and refused ones are not included).',
  },
  {
    zh: '说明：国家学分银行未公布导入字段或模板，本表各列为推定字段（见 docs/research/credentials.md 第 6 节），报送前请按国家学分银行实际模板核对调整。',
    en: 'Note: the national credit bank publishes no import fields or template; these columns are ASSUMED (docs/research/credentials.md § 6). Check them against the bank’s real template before submitting.',
  },
  {
    zh: '证件号码仅显示掩码（前 6 位、后 4 位）；学分为认定学分（0.5 学分精度）；日期为北京时间。',
    en: 'ID numbers are masked (first 6 and last 4 digits); credits are the recognised credits; dates in China time.',
  },
];

const README: ExtraSheet<(typeof README_LINES)[number]> = {
  title: { zh: '说明', en: 'README' },
  columns: [{ header: { zh: '说明', en: 'Note' }, value: (line, l) => line[l], width: 120 }],
  rows: README_LINES,
};

/** Rows numbered, with the school's name; and the totals per school and outcome type. */
async function shape(deps: ModuleDeps, rows: Awaited<ReturnType<typeof listRecognisedForExport>>) {
  const schools = await unitRefsByIds(deps.db, [...new Set(rows.map((r) => r.schoolId))]);
  const shaped: Row[] = rows.map((r, i) => ({
    ...r,
    seq: i + 1,
    schoolName: schools.get(r.schoolId)?.name ?? '',
  }));
  const totals = new Map<string, Total>();
  for (const r of shaped) {
    const key = `${r.schoolName}\u0000${r.type}`;
    const t = totals.get(key) ?? { schoolName: r.schoolName, type: r.type, outcomes: 0, credits: 0 };
    t.outcomes += 1;
    t.credits += r.credits;
    totals.set(key, t);
  }
  return { rows: shaped, totals: [...totals.values()] };
}

const TITLE = { zh: '国家学分银行学习成果', en: 'Learning outcomes for the national credit bank' };

/**
 * The recognised outcomes of the schools in the actor's scope (a school's clerk its own school,
 * the district's coordinator the district), recognised in `year` when given, as .xlsx for the
 * national credit bank; audited.
 *
 * @example await exportCreditBank(deps, coordinator, { year: 2025 }, 'zh') // 国家学分银行学习成果-2025-…xlsx
 */
export async function exportCreditBank(
  deps: ModuleDeps,
  actor: Actor,
  query: { year?: number },
  locale: ExportLocale,
) {
  const found = await listRecognisedForExport(deps.db, {
    schoolIds: visibleSchoolIds(actor),
    ...(query.year !== undefined ? { year: query.year } : {}),
    limit: MAX_EXPORT_ROWS + 1,
  });
  // One workbook holds at most an export's rows: a larger scope is asked for by year.
  if (found.length > MAX_EXPORT_ROWS)
    throw fieldError(
      'year',
      'TOO_MANY_ROWS',
      `超过 ${MAX_EXPORT_ROWS.toLocaleString('en')} 条已认定学习成果，请按认定年度分批导出`,
      `More than ${MAX_EXPORT_ROWS.toLocaleString('en')} recognised outcomes: export them a year at a time`,
    );
  const { rows, totals } = await shape(deps, found);
  return exportList(deps, actor, {
    module: 'learners',
    list: 'credit_bank_outcome',
    title: TITLE,
    unitNames: unitNamesIn(deps.db),
    filters:
      query.year !== undefined
        ? [{ label: { zh: '认定年度', en: 'Year recognised' }, value: String(query.year) }]
        : [],
    query: { ...query },
    columns: COLUMNS,
    rows,
    moreSheets: [{ ...TOTALS, rows: totals }, README],
    locale,
  });
}

/**
 * One learner's recognised outcomes as .xlsx for the national credit bank (404 for a learner the
 * actor does not see); audited.
 */
export async function exportLearnerCreditBank(
  deps: ModuleDeps,
  actor: Actor,
  learnerId: string,
  locale: ExportLocale,
) {
  const learner = await findLearner(deps.db, learnerId);
  if (!learner || !canSeeSchool(actor, learner.schoolId)) throw notFound();
  const found = await listRecognisedForExport(deps.db, { schoolIds: [learner.schoolId], learnerId });
  const { rows, totals } = await shape(deps, found);
  return exportList(deps, actor, {
    module: 'learners',
    list: 'credit_bank_outcome',
    title: TITLE,
    unitNames: unitNamesIn(deps.db),
    filters: [{ label: { zh: '学生', en: 'Learner' }, value: learner.name }],
    query: { learnerId },
    columns: COLUMNS,
    rows,
    moreSheets: [{ ...TOTALS, rows: totals }, README],
    locale,
  });
}
