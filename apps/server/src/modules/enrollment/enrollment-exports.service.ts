import type { Actor } from '../../platform/auth/actor.ts';
import {
  exportList,
  type ExportColumn,
  type ExportLocale,
  type ListExport,
} from '../../platform/export/list-export.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { unitNamesIn } from '../org/index.ts';
import { listSeasonPreferences } from './candidates.repository.ts';
import { listCandidates } from './candidates.service.ts';
import * as repo from './enrollment.repository.ts';
import type { CandidatesFilter } from './enrollment.schema.ts';
import { listAdmissions } from './registration.service.ts';
import type { AdmissionsFilter } from './results.schema.ts';

/*
 * The enrolment lists as .xlsx — the admitted list (录取名单) and the preferences list (志愿填报情况)
 * — each from the same service query as its list route, so a school exports only what its page
 * shows. ID numbers appear only masked, exactly as the list shows them (SECURITY.md).
 */

type AdmissionRow = Awaited<ReturnType<typeof listAdmissions>>['items'][number];
type CandidateRow = Awaited<ReturnType<typeof listCandidates>>[number];

const SEX_LABELS = { M: { zh: '男', en: 'Male' }, F: { zh: '女', en: 'Female' } } as const;
const REGISTRATION_LABELS = {
  pending: { zh: '待确认', en: 'Pending' },
  registered: { zh: '已报到', en: 'Registered' },
  declined: { zh: '未报到', en: 'Not enrolled' },
} as const;

/** A program as people name it: its school and name (`区职业高中 焊接技术应用`), never its code. */
const programLabel = (p: { schoolName: string; name: string }) => `${p.schoolName} ${p.name}`;

const ADMISSION_COLUMNS: ExportColumn<AdmissionRow>[] = [
  { header: { zh: '考号', en: 'Exam number' }, value: (a) => a.examNumber, width: 12 },
  { header: { zh: '姓名', en: 'Name' }, value: (a) => a.name, width: 10 },
  { header: { zh: '身份证号（脱敏）', en: 'ID number (masked)' }, value: (a) => a.idMasked, width: 22 },
  { header: { zh: '性别', en: 'Sex' }, value: (a, l) => SEX_LABELS[a.sex][l], width: 6 },
  { header: { zh: '毕业学校', en: 'Junior high' }, value: (a) => a.juniorHigh, width: 20 },
  {
    header: { zh: '招生计划', en: 'Programme' },
    value: (a) => programLabel(a.program),
    width: 26,
  },
  { header: { zh: '投档分', en: 'Score' }, value: (a) => a.score, format: 'number', width: 10 },
  { header: { zh: '志愿序号', en: 'Choice' }, value: (a) => a.choice, format: 'integer', width: 8 },
  {
    header: { zh: '录取类别', en: 'Seat' },
    value: (a, l) => (a.seat ? { zh: '指标到校', en: 'Reserved' } : { zh: '统招', en: 'Open' })[l],
    width: 10,
  },
  {
    header: { zh: '报到', en: 'Registration' },
    value: (a, l) => REGISTRATION_LABELS[a.registration?.status ?? 'pending'][l],
    width: 10,
  },
  { header: { zh: '未报到原因', en: 'Reason' }, value: (a) => a.registration?.reason, width: 24 },
  {
    header: { zh: '登记时间', en: 'Recorded' },
    value: (a) => a.registration?.recordedAt,
    format: 'datetime',
    width: 17,
  },
];

/**
 * The admitted list (录取名单) as .xlsx: the rows of `listAdmissions` (the admitting school its
 * own programs, 招生办 all), filtered as the page filters them (programme, registration status;
 * batch and school as the list route takes them); audited as `enrollment.export`.
 */
export async function exportAdmissions(
  deps: ModuleDeps,
  actor: Actor,
  seasonId: string,
  filter: AdmissionsFilter,
  locale: ExportLocale,
) {
  const { items } = await listAdmissions(deps, actor, seasonId, filter);
  const { status } = filter;
  // The page filters the registration status on what the list answered; the export does the same.
  const rows = status ? items.filter((a) => (a.registration?.status ?? 'pending') === status) : items;
  const season = (await repo.findSeason(deps.db, seasonId))!;
  const filters: ListExport<AdmissionRow>['filters'][number][] = [
    { label: { zh: '招生季', en: 'Season' }, value: season.name },
  ];
  if (filter.batchId) {
    const batch = await repo.findBatch(deps.db, filter.batchId);
    filters.push({ label: { zh: '批次', en: 'Batch' }, value: batch?.name ?? filter.batchId });
  }
  if (filter.schoolId) filters.push({ label: { zh: '招生学校', en: 'School' }, unitId: filter.schoolId });
  if (filter.programId) {
    const [program] = await repo.listPrograms(deps.db, { ids: [filter.programId] });
    filters.push({
      label: { zh: '招生计划', en: 'Programme' },
      value: program ? programLabel(program) : filter.programId,
    });
  }
  if (status) filters.push({ label: { zh: '报到', en: 'Registration' }, value: REGISTRATION_LABELS[status] });
  return exportList(deps, actor, {
    module: 'enrollment',
    list: 'enrollment_admission',
    title: { zh: '录取名单', en: 'Admitted list' },
    unitNames: unitNamesIn(deps.db),
    filters,
    query: { seasonId, ...filter },
    columns: ADMISSION_COLUMNS,
    rows,
    locale,
  });
}

/** The candidate columns as the list shows them, then each batch's choices in order. */
function preferenceColumns(
  subjects: ReadonlyArray<{ key: string; name: string }>,
  batches: ReadonlyArray<{ id: string; name: string }>,
  choicesOf: (candidateId: string, batchId: string) => string,
): ExportColumn<CandidateRow>[] {
  return [
    { header: { zh: '考号', en: 'Exam number' }, value: (c) => c.examNumber, width: 12 },
    { header: { zh: '姓名', en: 'Name' }, value: (c) => c.name, width: 10 },
    { header: { zh: '身份证号（脱敏）', en: 'ID number (masked)' }, value: (c) => c.idMasked, width: 22 },
    { header: { zh: '性别', en: 'Sex' }, value: (c, l) => SEX_LABELS[c.sex][l], width: 6 },
    { header: { zh: '毕业学校', en: 'Junior high' }, value: (c) => c.school.name, width: 20 },
    { header: { zh: '投档分', en: 'Score' }, value: (c) => c.total + c.bonus, format: 'number', width: 10 },
    ...subjects.map((s): ExportColumn<CandidateRow> => ({
      header: { zh: s.name, en: s.name },
      value: (c) => c.scores[s.key],
      format: 'number',
      width: 8,
    })),
    { header: { zh: '政策照顾分', en: 'Bonus' }, value: (c) => c.bonus, format: 'number', width: 10 },
    ...batches.map((b): ExportColumn<CandidateRow> => ({
      header: { zh: `${b.name}志愿`, en: `${b.name} choices` },
      value: (c) => choicesOf(c.id, b.id),
      width: 40,
    })),
  ];
}

/**
 * The preferences list (志愿填报情况) as .xlsx: the candidates of `listCandidates` (a junior high
 * its own, 招生办 all), filtered as the page filters them (school, sex, exam number or name), with
 * each batch's choices in order (`1. 普通高中；2. …`); audited as `enrollment.export`.
 */
export async function exportPreferences(
  deps: ModuleDeps,
  actor: Actor,
  seasonId: string,
  filter: CandidatesFilter,
  locale: ExportLocale,
) {
  const all = await listCandidates(deps, actor, seasonId);
  const text = filter.q?.trim();
  // The page filters on what the list answered; the export does the same.
  const rows = all.filter(
    (c) =>
      (!text || c.examNumber.includes(text) || c.name.includes(text)) &&
      (!filter.schoolId || c.school.id === filter.schoolId) &&
      (!filter.sex || c.sex === filter.sex),
  );
  const { db } = deps;
  const [season, batches, programs, prefs] = await Promise.all([
    repo.findSeason(db, seasonId),
    repo.listBatches(db, seasonId),
    repo.listPrograms(db, { seasonId }),
    listSeasonPreferences(db, seasonId),
  ]);
  const programName = new Map(programs.map((p) => [p.id, `${p.schoolName} ${p.name}`]));
  const choices = new Map(prefs.map((p) => [`${p.candidateId}|${p.batchId}`, p.choices]));
  const choicesOf = (candidateId: string, batchId: string) =>
    (choices.get(`${candidateId}|${batchId}`) ?? [])
      .map((id, i) => `${i + 1}. ${programName.get(id) ?? ''}`)
      .join('；');
  const filters: ListExport<CandidateRow>['filters'][number][] = [
    { label: { zh: '招生季', en: 'Season' }, value: season!.name },
  ];
  if (filter.schoolId)
    filters.push({ label: { zh: '毕业学校', en: 'Junior high' }, unitId: filter.schoolId });
  if (filter.sex) filters.push({ label: { zh: '性别', en: 'Sex' }, value: SEX_LABELS[filter.sex] });
  if (text) filters.push({ label: { zh: '考号或姓名含', en: 'Exam number or name contains' }, value: text });
  return exportList(deps, actor, {
    module: 'enrollment',
    list: 'enrollment_preference',
    title: { zh: '志愿填报情况', en: 'Preferences' },
    unitNames: unitNamesIn(deps.db),
    filters,
    query: { seasonId, ...filter },
    columns: preferenceColumns(season!.subjects, batches, choicesOf),
    rows,
    locale,
  });
}
