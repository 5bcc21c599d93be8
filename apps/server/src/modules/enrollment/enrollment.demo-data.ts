import ExcelJS from 'exceljs';
import { seededRandom } from '../../platform/demo/seeded-random.ts';
import { residentIdCheckChar } from '../../platform/validation/identifiers.ts';

/**
 * The enrolment demo's data: the season's subjects and programs (区一中's 普高批, the 中职批 majors of
 * 区职业高中 and 区职教中心), what makes a year's season (its size, quotas and how candidates
 * choose), and the exam office's candidates of a year — deterministic, with valid (but never real)
 * ID numbers — as the .xlsx the office would send.
 */

/** Candidates in the demo's present season (about half from each junior high). */
const CANDIDATES = 400;
/**
 * Area code of the demo's ID numbers: 14 (山西) with an unassigned 9999, so no demo ID number can be
 * a real person's; the check digit is computed, so every number passes the import's validation.
 */
const AREA = '149999';

export const SUBJECTS = [
  { key: 'chinese', name: '语文', max: 120 },
  { key: 'math', name: '数学', max: 120 },
  { key: 'english', name: '英语', max: 120 },
  { key: 'physics', name: '物理', max: 80 },
  { key: 'chemistry', name: '化学', max: 60 },
];

export type Track = 'general' | 'vocational';
export interface DemoProgram {
  code: string;
  name: string;
  school: 'SD-HS1' | 'SD-VHS' | 'SD-VEC';
  track: Track;
  quota: number;
  minScore?: number;
  requires?: { sex: 'F' };
  reserved?: Array<{ code: string; capacity: number; schoolCodes: string[] }>;
  /** How much boys and girls want it (中职 choices are drawn by these weights). */
  appeal?: { M: number; F: number };
}

/** 普高批: 区一中, with 指标到校 seats for both junior highs and a 最低控制分数线. */
export const GENERAL: DemoProgram = {
  code: 'HS1-GEN',
  name: '普通高中',
  school: 'SD-HS1',
  track: 'general',
  quota: 190,
  minScore: 260,
  reserved: [
    { code: 'JHS1', capacity: 12, schoolCodes: ['SD-JHS1'] },
    { code: 'JHS2', capacity: 12, schoolCodes: ['SD-JHS2'] },
  ],
};

/** 中职批: the majors of 区职业高中 and 区职教中心 (the programs demo's majors). */
export const VOCATIONAL: DemoProgram[] = [
  {
    code: 'VHS-MECH',
    name: '机电技术应用',
    school: 'SD-VHS',
    track: 'vocational',
    quota: 40,
    appeal: { M: 5, F: 1 },
  },
  {
    code: 'VHS-WELD',
    name: '焊接技术应用',
    school: 'SD-VHS',
    track: 'vocational',
    quota: 30,
    appeal: { M: 4, F: 0.3 },
  },
  {
    code: 'VHS-AUTO',
    name: '汽车运用与维修',
    school: 'SD-VHS',
    track: 'vocational',
    quota: 35,
    appeal: { M: 5, F: 0.5 },
  },
  {
    code: 'VHS-ECOM',
    name: '电子商务',
    school: 'SD-VHS',
    track: 'vocational',
    quota: 35,
    appeal: { M: 2, F: 4 },
  },
  {
    code: 'VHS-COMP',
    name: '计算机应用',
    school: 'SD-VHS',
    track: 'vocational',
    quota: 30,
    appeal: { M: 3, F: 2 },
  },
  {
    code: 'VEC-BEAUTY',
    name: '美容美发与造型',
    school: 'SD-VEC',
    track: 'vocational',
    quota: 20,
    requires: { sex: 'F' },
    appeal: { M: 0, F: 4 },
  },
  {
    code: 'VEC-REHAB',
    name: '康复技术',
    school: 'SD-VEC',
    track: 'vocational',
    quota: 30,
    appeal: { M: 1, F: 4 },
  },
];

/**
 * What makes one year's season: the exam office's file, the programs offered with their quotas,
 * and how many of the candidates the 普高批 did not place list no 中职 major (复读, 外地, 民办).
 * The 职普比 comes out of these as it would in a real season: 区一中's quota and 最低控制分数线
 * decide how many go to 普高, the rest's choices how many go to 中职.
 */
export interface SeasonProfile {
  candidates: number;
  general: DemoProgram;
  vocational: DemoProgram[];
  noVocational: number;
}

/** The present season (the last admission year): the file of 400 and every program as above. */
export const PRESENT_SEASON: SeasonProfile = {
  candidates: CANDIDATES,
  general: GENERAL,
  vocational: VOCATIONAL,
  noVocational: 0.07,
};

/** The 中职批 majors offered in a year, with that year's quotas (in `VOCATIONAL`'s order). */
function majorsWith(quotas: Record<string, number>): DemoProgram[] {
  return VOCATIONAL.filter((p) => quotas[p.code]).map((p) => ({ ...p, quota: quotas[p.code]! }));
}

/**
 * The plan's own years (2020–2022), each a finished season. Much smaller than the present one: the
 * demo makes them at every fresh start, one service call per choice and per 报到, so a file of 36
 * and a few majors, with quotas to match. Their 职普比 comes out as the district's might have: in
 * 2020 区一中 still offered over half the cohort a seat down to a lower 控制线, and a fifth of those
 * it did not take went to 复读 or out of the district (43 %, below the plan's 45–55 %); in 2021 its
 * quota and 控制线 moved towards the plan and 区职教中心's 康复技术 joined the 中职批 (47 %); by 2022
 * the 控制线 was up to 260 and few stayed out (52 %).
 */
export const PAST_SEASONS: Readonly<Record<number, SeasonProfile>> = {
  2020: {
    candidates: 36,
    general: { ...GENERAL, quota: 20, minScore: 235, reserved: reservedSeats(2) },
    vocational: majorsWith({ 'VHS-MECH': 5, 'VHS-WELD': 3, 'VHS-AUTO': 4, 'VHS-COMP': 3 }),
    noVocational: 0.2,
  },
  2021: {
    candidates: 36,
    general: { ...GENERAL, quota: 18, minScore: 250, reserved: reservedSeats(2) },
    vocational: majorsWith({ 'VHS-MECH': 4, 'VHS-AUTO': 3, 'VHS-ECOM': 3, 'VHS-COMP': 3, 'VEC-REHAB': 3 }),
    noVocational: 0.15,
  },
  2022: {
    candidates: 36,
    general: { ...GENERAL, quota: 17, reserved: reservedSeats(2) },
    vocational: majorsWith({
      'VHS-MECH': 4,
      'VHS-WELD': 3,
      'VHS-AUTO': 3,
      'VHS-ECOM': 3,
      'VEC-BEAUTY': 2,
      'VEC-REHAB': 3,
    }),
    noVocational: 0.08,
  },
};

/** 区一中's 指标到校 seats: `n` for each junior high. */
function reservedSeats(n: number): NonNullable<DemoProgram['reserved']> {
  return [
    { code: 'JHS1', capacity: n, schoolCodes: ['SD-JHS1'] },
    { code: 'JHS2', capacity: n, schoolCodes: ['SD-JHS2'] },
  ];
}

/** A past year's season: its own profile, or (a plan year without one) the last past profile's. */
export function pastSeason(year: number): SeasonProfile {
  const years = Object.keys(PAST_SEASONS).map(Number);
  return PAST_SEASONS[year] ?? PAST_SEASONS[Math.max(...years)]!;
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁宋谢韩唐冯申牛秦崔';
const GIVEN = {
  M: '浩宇轩子涵俊杰博文建华志强明辉磊鹏伟晨阳睿泽峰宁',
  F: '欣怡雨婷思琪佳悦梦瑶雪丽婧晓萱静雅诗涵艺彤慧敏',
};
export const DECLINED = {
  general: ['随父母迁居外地就读', '选择到市区民办高中就读'],
  vocational: ['选择复读，明年再考', '随父母外出务工地就读', '因病暂缓入学', '选择到外地技工学校就读'],
};

export interface DemoCandidate {
  exam: string;
  name: string;
  id: string;
  sex: 'M' | 'F';
  school: 'SD-JHS1' | 'SD-JHS2';
  scores: Record<string, number>;
  bonus: number;
  /** 投档分 as the engine computes it: total + bonus. */
  score: number;
}

/** A valid resident ID: area, birth date (YYYYMMDD), 3-digit sequence (odd = male), check digit. */
function residentId(birth: string, seq: number): string {
  const body = `${AREA}${birth}${String(seq).padStart(3, '0')}`;
  return body + residentIdCheckChar(body);
}

/** The exam office's `count` candidates of `year`: deterministic, 15 years old on 1 September. */
export function makeCandidates(year: number, count = CANDIDATES): DemoCandidate[] {
  const rand = seededRandom(year * 7919);
  const pick = (s: string) => s[Math.floor(rand() * s.length)]!;
  const firstDay = Date.UTC(year - 16, 8, 1);
  const days = (Date.UTC(year - 15, 8, 1) - firstDay) / 86_400_000;
  const out: DemoCandidate[] = [];
  for (let i = 0; i < count; i++) {
    const sex = rand() < 0.5 ? 'M' : 'F';
    const school = rand() < 0.52 ? 'SD-JHS1' : 'SD-JHS2';
    const given = GIVEN[sex];
    const name = pick(SURNAMES) + pick(given) + (rand() < 0.7 ? pick(given) : '');
    const birth = new Date(firstDay + Math.floor(rand() * days) * 86_400_000)
      .toISOString()
      .slice(0, 10)
      .replaceAll('-', '');
    // Sequence from the row number: unique in the file, odd for boys and even for girls.
    const id = residentId(birth, i * 2 + (sex === 'M' ? 1 : 0));
    const ability = (rand() + rand() + rand()) / 3 + (school === 'SD-JHS1' ? 0.02 : 0);
    const scores: Record<string, number> = {};
    for (const s of SUBJECTS) {
      const f = Math.min(0.99, Math.max(0.12, ability * 1.1 - 0.05 + (rand() - 0.5) * 0.25));
      scores[s.key] = Math.round(f * s.max * 2) / 2;
    }
    const bonus = rand() < 0.05 ? (rand() < 0.5 ? 5 : 10) : 0;
    const total = Object.values(scores).reduce((a, b) => a + b, 0);
    out.push({
      exam: `${year}${String(i + 1).padStart(4, '0')}`,
      name,
      id,
      sex,
      school,
      scores,
      bonus,
      score: total + bonus,
    });
  }
  return out;
}

/** The candidates as the exam office's .xlsx (the import template's columns), built in memory. */
export async function candidateFile(candidates: DemoCandidate[], savedAt: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = savedAt;
  wb.modified = savedAt;
  const ws = wb.addWorksheet('考生名单');
  ws.addRow([
    '考号',
    '姓名',
    '身份证号',
    '性别',
    '毕业学校代码',
    ...SUBJECTS.map((s) => s.name),
    '政策照顾分',
  ]);
  for (const c of candidates)
    ws.addRow([
      c.exam,
      c.name,
      c.id,
      c.sex === 'M' ? '男' : '女',
      c.school,
      ...SUBJECTS.map((s) => c.scores[s.key]!),
      c.bonus,
    ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Up to `n` of `offered` vocational programs, drawn without replacement by their appeal to the candidate. */
export function vocationalChoices(
  rand: () => number,
  sex: 'M' | 'F',
  n: number,
  offered: readonly DemoProgram[] = VOCATIONAL,
): DemoProgram[] {
  const pool = offered.filter((p) => (p.appeal?.[sex] ?? 0) > 0);
  const out: DemoProgram[] = [];
  while (out.length < n && pool.length > 0) {
    const total = pool.reduce((a, p) => a + p.appeal![sex], 0);
    let r = rand() * total;
    const i = pool.findIndex((p) => (r -= p.appeal![sex]) < 0);
    out.push(...pool.splice(i < 0 ? pool.length - 1 : i, 1));
  }
  return out;
}
