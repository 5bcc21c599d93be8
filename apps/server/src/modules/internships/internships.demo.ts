import type { Actor } from '../../platform/auth/actor.ts';
import { addDays } from '../../platform/clock/clock.ts';
import type { DemoContext, DemoSummary } from '../../platform/modules/module-definition.ts';
import { residentIdCheckChar } from '../../platform/validation/identifiers.ts';
import { tinyPdf } from '../programs/index.ts';
import type { InternshipsModule } from './index.ts';
import { findPlacement } from './internships.repository.ts';
import { placementWorkflow } from './internships.workflow.ts';
import type { CreatePostBody } from './internships.schema.ts';
import type { Static } from 'typebox';

type Post = Static<typeof CreatePostBody>;

/** Synthetic students: name, sex, birth date (YYYYMMDD offset from the placement's year), major. */
const NAMES = [
  '王浩然',
  '李思雨',
  '张子涵',
  '刘宇航',
  '陈欣怡',
  '杨博文',
  '赵雨桐',
  '黄俊杰',
  '周诗涵',
  '吴天宇',
  '徐梓萱',
  '孙浩宇',
  '马晨阳',
  '朱佳琪',
  '胡一鸣',
  '郭静怡',
];

/**
 * A synthetic, valid 居民身份证号 of 上党区 (area 140404): the birth date, a sequence whose parity
 * gives the sex, and the GB 11643 check character.
 *
 * @example demoIdNumber('2004-05-06', 7, 'M') // '14040420040506007?' with its check character
 */
export function demoIdNumber(birthDate: string, n: number, sex: 'M' | 'F'): string {
  const seq = String((n % 450) * 2 + (sex === 'M' ? 1 : 2)).padStart(3, '0');
  const body = `140404${birthDate.replaceAll('-', '')}${seq}`;
  return body + residentIdCheckChar(body);
}

const yitongPost = (year: number, startsOn: string, endsOn: string): Post => ({
  title: '数控车床操作岗位实习',
  kind: 'post',
  majors: ['数控技术应用', '机电技术应用'],
  // 易通集团 (about 1,300 staff) meets its 2 % duty with this post alone; 振东集团 falls short.
  places: 30,
  year,
  startsOn,
  endsOn,
  location: '易通集团 装备制造园区 二号车间',
  dailyHours: 8,
  weeklyHours: 40,
  nightWork: false,
  overtimeWork: false,
  holidayWork: false,
  filingReference: '',
  venue: null,
  viaAgent: false,
  labourIntensityClass: 2,
  highRiskWork: [],
  monthlyPay: 3000,
  sameJobMonthlyWage: 3500,
  lowestWageGrade: 2600,
  staffOnPost: 40,
  publish: true,
});

const zhendongPost = (year: number, startsOn: string, endsOn: string): Post => ({
  ...yitongPost(year, startsOn, endsOn),
  title: '药品生产线岗位实习',
  majors: ['药剂', '中药'],
  places: 5,
  location: '振东集团 制药基地 固体制剂车间',
  monthlyPay: 2800,
  sameJobMonthlyWage: 3200,
  lowestWageGrade: 2400,
  staffOnPost: 30,
});

const zhendongVisit = (year: number, startsOn: string, endsOn: string): Post => ({
  ...yitongPost(year, startsOn, endsOn),
  title: '中药材种植基地认识实习',
  kind: 'cognitive',
  majors: ['中药', '现代农艺技术'],
  places: 20,
  location: '振东集团 中药材种植基地',
  dailyHours: 6,
  weeklyHours: 30,
  monthlyPay: 0,
  sameJobMonthlyWage: null,
  lowestWageGrade: null,
  staffOnPost: null,
});

interface Loader {
  ctx: DemoContext<InternshipsModule>;
  actors: Record<'yitong' | 'zhendong' | 'vhs' | 'vec', Actor>;
  next: () => number;
}

/** The file names a school's clerk gives the scans, by what they hold. */
const FILE_NAMES = {
  'three-party-agreement': '三方协议',
  consent: '知情同意书',
  'liability-insurance-policy': '实习责任保险单',
} as const;

/**
 * Uploads a demo PDF as `actor` on `date` for the student numbered `n`, named in Chinese as a
 * clerk would name the scan (三方协议-王浩然.pdf).
 */
async function upload(l: Loader, date: string, actor: Actor, what: keyof typeof FILE_NAMES, n: number) {
  const file = await l.ctx.depsAt(date).files.storeUpload(actor, {
    buffer: tinyPdf(['Zhijiao demo internship document', what, `Student no. ${n}`]),
    filename: `${FILE_NAMES[what]}-${NAMES[n % NAMES.length]!}.pdf`,
  });
  return file.id;
}

type Docs = 'all' | 'no-insurance';

/**
 * Places the next synthetic student on a post ten days before it starts, with the documents on
 * file (all, or all but the insurance); starts it on its first day when `start` and that day has
 * come. Returns the placement's id.
 */
async function place(
  l: Loader,
  school: 'vhs' | 'vec',
  postId: string,
  period: { startsOn: string; endsOn: string },
  opts: { docs: Docs; start: boolean; major: string },
) {
  const n = l.next();
  const actor = l.actors[school];
  const sex = n % 2 === 0 ? 'M' : 'F';
  const startYear = Number(period.startsOn.slice(0, 4));
  // Second-year students of 17 (a guardian consents) or 18 at the start.
  const birthDate = `${startYear - 17 - (n % 2)}-${String((n % 9) + 1).padStart(2, '0')}-1${n % 9}`;
  const prepared = addDays(period.startsOn, -10);
  const s = l.ctx.at(prepared).placements;
  const placement = await s.createPlacement(actor, {
    postId,
    studentName: NAMES[n % NAMES.length]!,
    idNumber: demoIdNumber(birthDate, n, sex),
    major: opts.major,
    studyYear: 2,
    guardianName: `${NAMES[n % NAMES.length]!.slice(0, 1)}建国`,
    schoolSupervisor: school === 'vhs' ? '李红梅' : '王志强',
    enterpriseMentor: '赵师傅',
    startsOn: period.startsOn,
    endsOn: period.endsOn,
  });
  const signed = addDays(prepared, -3);
  await s.putDocuments(actor, placement.id, {
    agreement: { fileId: await upload(l, prepared, actor, 'three-party-agreement', n), signedOn: signed },
    consent: {
      fileId: await upload(l, prepared, actor, 'consent', n),
      studentSignedOn: signed,
      guardianSignedOn: signed,
    },
    ...(opts.docs === 'all'
      ? {
          insurance: {
            insurer: '中国人民财产保险股份有限公司长治市分公司',
            policyNumber: `PZBA${startYear}1404${String(n).padStart(4, '0')}`,
            startsOn: period.startsOn,
            endsOn: period.endsOn,
            premiumPaidBy: 'school' as const,
            fileId: await upload(l, prepared, actor, 'liability-insurance-policy', n),
          },
        }
      : {}),
  });
  if (opts.start && period.startsOn <= l.ctx.today)
    await l.ctx.at(period.startsOn).placements.activatePlacement(actor, placement.id);
  return placement.id;
}

/** A started placement of a past year: who keeps it, its kind and last day. */
interface Started {
  school: 'vhs' | 'vec';
  enterprise: 'yitong' | 'zhendong';
  kind: 'post' | 'cognitive';
  id: string;
  endsOn: string;
}

/** Evaluation grades the demo gives in turn: mostly 良好, some 优秀, a 合格. */
const GRADES = ['good', 'excellent', 'good', 'pass'] as const;

/**
 * Completes a started placement on its last day, when that day has passed: the enterprise mentor
 * evaluates a 岗位实习 and the school supervisor every placement that day, then the school records
 * the completion (which keeps the overall result).
 */
async function completeIfEnded(l: Loader, p: Started, n: number) {
  if (p.endsOn >= l.ctx.today) return;
  const s = l.ctx.at(p.endsOn).placements;
  if (p.kind === 'post')
    await s.evaluatePlacement(l.actors[p.enterprise], p.id, {
      grade: GRADES[n % GRADES.length]!,
      comments: '遵守企业规章制度，工作认真，能在师傅指导下独立完成岗位操作',
      evaluatedOn: p.endsOn,
    });
  await s.evaluatePlacement(l.actors[p.school], p.id, {
    grade: GRADES[(n + 1) % GRADES.length]!,
    comments:
      p.kind === 'post'
        ? '实习周志、实习报告完整，达到岗位实习教学要求'
        : '认真参加认识实习，按时提交实习心得',
    evaluatedOn: p.endsOn,
  });
  await s.endPlacement(l.actors[p.school], p.id, 'complete', { note: '' });
}

/**
 * Incident reports of the first past year (on days before today): at 振东集团 a slip handling crates
 * reported by the enterprise the next morning with the insurer already notified, and a tool broken
 * at 易通集团 (no injury, no claim); in the second year a work injury the school reports, the
 * insurer's notification recorded the day after.
 */
async function reportIncidents(l: Loader, year: number, first: boolean, started: Started[]) {
  const atZhendong = started.find((p) => p.enterprise === 'zhendong' && p.kind === 'post');
  const atYitong = started.find((p) => p.enterprise === 'yitong');
  if (!atZhendong || !atYitong || `${year}-06-01` >= l.ctx.today) return 0;
  if (first) {
    await l.ctx.at(`${year}-04-17`).placements.reportIncident(l.actors.zhendong, atZhendong.id, {
      occurredAt: `${year}-04-16T02:30:00Z`,
      kind: 'accidental_injury',
      severity: 'serious',
      description: '搬运药材周转箱时在车间通道滑倒，右手腕扭伤；经医院检查无骨折，遵医嘱休息一周',
      measures: '指导师傅陪同就医；清理通道积水并增设防滑垫；复岗前重新进行安全教育',
      insurerNotifiedAt: `${year}-04-16T07:00:00Z`,
      claimReference: `RPCA${year}0416${String(year).slice(2)}017`,
      fileIds: [],
    });
    await l.ctx.at(`${year}-05-21`).placements.reportIncident(l.actors.yitong, atYitong.id, {
      occurredAt: `${year}-05-20T07:00:00Z`,
      kind: 'property_loss',
      severity: 'minor',
      description: '实习学生对刀操作失误，损坏数控车床硬质合金车刀一把，无人员受伤',
      measures: '更换车刀；指导师傅重新讲解对刀操作规程并现场示范',
      claimReference: '',
      fileIds: [],
    });
    return 2;
  }
  const reported = await l.ctx.at(`${year}-05-09`).placements.reportIncident(l.actors.vec, atZhendong.id, {
    occurredAt: `${year}-05-08T06:00:00Z`,
    kind: 'work_injury',
    severity: 'minor',
    description: '清洗压片机冲模时左手食指被划伤，校医务室清创包扎',
    measures: '暂停该生设备清洗作业三天；实习单位补发防割手套',
    claimReference: '',
    fileIds: [],
  });
  await l.ctx.at(`${year}-05-10`).placements.notifyInsurer(l.actors.vec, reported.incidents[0]!.id, {
    notifiedAt: `${year}-05-09T03:00:00Z`,
    claimReference: `RPCA${year}0509${String(year).slice(2)}052`,
  });
  return 1;
}

async function publish(l: Loader, who: 'yitong' | 'zhendong', on: string, post: Post) {
  return (await l.ctx.at(on).posts.createPost(l.actors[who], post)).id;
}

/**
 * One past year of the plan: 易通集团 and 振东集团 publish their posts in January, the two
 * vocational schools place fully documented students on them, who start, are evaluated by the
 * enterprise mentor and the school supervisor, and complete; the first two years have incident
 * reports (`reportIncidents`); the posts close in September.
 */
async function loadYear(l: Loader, year: number, index: number) {
  const yitong = { startsOn: `${year}-03-01`, endsOn: `${year}-08-31` };
  const zhendong = { startsOn: `${year}-03-01`, endsOn: `${year}-06-30` };
  const visit = { startsOn: `${year}-10-12`, endsOn: `${year}-10-16` };
  const yitongId = await publish(
    l,
    'yitong',
    `${year}-01-10`,
    yitongPost(year, yitong.startsOn, yitong.endsOn),
  );
  const zhendongId = await publish(
    l,
    'zhendong',
    `${year}-01-12`,
    zhendongPost(year, zhendong.startsOn, zhendong.endsOn),
  );
  const visitId = await publish(
    l,
    'zhendong',
    `${year}-09-01`,
    zhendongVisit(year, visit.startsOn, visit.endsOn),
  );
  const placements: Started[] = [];
  for (let i = 0; i < 2; i++) {
    const full = { docs: 'all' as const, start: true };
    placements.push({
      school: 'vhs',
      enterprise: 'yitong',
      kind: 'post',
      id: await place(l, 'vhs', yitongId, yitong, { ...full, major: '数控技术应用' }),
      endsOn: yitong.endsOn,
    });
    placements.push({
      school: 'vec',
      enterprise: 'zhendong',
      kind: 'post',
      id: await place(l, 'vec', zhendongId, zhendong, { ...full, major: '药剂' }),
      endsOn: zhendong.endsOn,
    });
  }
  const incidents = index < 2 ? await reportIncidents(l, year, index === 0, placements) : 0;
  placements.push({
    school: 'vec',
    enterprise: 'zhendong',
    kind: 'cognitive',
    id: await place(l, 'vec', visitId, visit, { docs: 'all', start: true, major: '中药' }),
    endsOn: visit.endsOn,
  });
  for (const [n, p] of placements.entries()) await completeIfEnded(l, p, n + year);
  await l.ctx.at(`${year}-09-05`).posts.closePost(l.actors.yitong, yitongId);
  await l.ctx.at(`${year}-09-05`).posts.closePost(l.actors.zhendong, zhendongId);
  // The visit is over within the week: its post closes, as the others did in September.
  await l.ctx.at(addDays(visit.endsOn, 4)).posts.closePost(l.actors.zhendong, visitId);
  return { posts: 3, placements: placements.length, incidents };
}

/** Weekday entries 09:00–17:00 from `from` to the day before today, and a late shift to 23:30 when `night`. */
async function keepAttendance(l: Loader, id: string, from: string, night: boolean) {
  const today = l.ctx.today;
  const start = from > addDays(today, -14) ? from : addDays(today, -14);
  let lateShift = night;
  for (let d = start; d < today; d = addDays(d, 1)) {
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const s = l.ctx.at(d).placements;
    await s.recordAttendance(l.actors.zhendong, id, {
      date: d,
      startTime: '09:00',
      endTime: '17:00',
      holiday: false,
      note: '',
    });
    if (lateShift) {
      await s.recordAttendance(l.actors.zhendong, id, {
        date: d,
        startTime: '19:00',
        endTime: '23:30',
        holiday: false,
        note: '赶制订单',
      });
      lateShift = false;
    }
  }
}

/**
 * An extension as it was recorded before 延长实习 checked the insurance (a record an installation
 * carries over from an earlier release): the placement then runs past its policy, which is what the
 * red `insurance_gap` alert is for. The use case refuses such an extension now, so the step is
 * written through the workflow as it was then, with its history and audit rows.
 */
async function extensionRecordedUnchecked(l: Loader, id: string, on: string, endsOn: string) {
  const deps = l.ctx.depsAt(on);
  const p = (await findPlacement(l.ctx.db, id))!;
  await deps.transaction((trx) =>
    placementWorkflow.apply(deps, trx, 'extend', l.actors.vhs, p, {
      set: { endsOn },
      details: { from: p.endsOn, to: endsOn },
    }),
  );
}

/**
 * This year: both enterprises' posts running since two months ago; at 易通集团 two vocational-high
 * students active (one extended, before extensions were checked, past its insurance: a red alert), at 振东集团 one vocational-centre
 * student active with a late shift in the log (an attendance alert) and one starting in ten days
 * without insurance (the school's todo; its start is refused); a draft post at 振东集团 to publish.
 */
async function loadToday(l: Loader) {
  const today = l.ctx.today;
  const running = { startsOn: addDays(today, -45), endsOn: addDays(today, 75) };
  const later = { startsOn: addDays(today, 10), endsOn: addDays(today, 100) };
  const postYear = Number(running.startsOn.slice(0, 4));
  const published = addDays(today, -70);
  const yitongId = await publish(
    l,
    'yitong',
    published,
    yitongPost(postYear, running.startsOn, later.endsOn),
  );
  const zhendongId = await publish(
    l,
    'zhendong',
    published,
    zhendongPost(postYear, running.startsOn, later.endsOn),
  );
  const full = { docs: 'all' as const, start: true };
  await place(l, 'vhs', yitongId, running, { ...full, major: '数控技术应用' });
  const extended = await place(l, 'vhs', yitongId, running, { ...full, major: '机电技术应用' });
  await extensionRecordedUnchecked(l, extended, addDays(today, -5), addDays(running.endsOn, 20));
  const active = await place(l, 'vec', zhendongId, running, { ...full, major: '药剂' });
  await keepAttendance(l, active, running.startsOn, true);
  await place(l, 'vec', zhendongId, later, { docs: 'no-insurance', start: false, major: '中药' });
  await l.ctx.at(addDays(today, -3)).posts.createPost(l.actors.zhendong, {
    ...zhendongVisit(Number(addDays(today, 40).slice(0, 4)), addDays(today, 40), addDays(today, 44)),
    publish: false,
  });
  return { posts: 3, placements: 4 };
}

/**
 * Loads internships through the use cases, on the days things happened: for each of the plan's
 * past years (else the three before today's), posts at 易通集团 and 振东集团 with fully documented
 * placements of 区职业高中 and 区职教中心 students, started, evaluated and completed, a few incident
 * reports; then this year's open
 * work (see `loadToday`). Synthetic names and ID numbers; deterministic for a given today.
 */
export async function internshipsDemo(ctx: DemoContext<InternshipsModule>): Promise<DemoSummary> {
  const thisYear = Number(ctx.today.slice(0, 4));
  const years = ctx.planYears.length > 0 ? ctx.planYears : [thisYear - 3, thisYear - 2, thisYear - 1];
  let counter = 0;
  const l: Loader = {
    ctx,
    actors: {
      yitong: await ctx.actor('yitong'),
      zhendong: await ctx.actor('zhendong'),
      vhs: await ctx.actor('vhs'),
      vec: await ctx.actor('vec'),
    },
    next: () => counter++,
  };
  let posts = 0;
  let placements = 0;
  let incidents = 0;
  for (const [index, year] of years.entries()) {
    const made = await loadYear(l, year, index);
    posts += made.posts;
    placements += made.placements;
    incidents += made.incidents;
  }
  const now = await loadToday(l);
  posts += now.posts;
  placements += now.placements;
  return {
    zh: `${posts} 个实习岗位、${placements} 项实习安排、${incidents} 起实习事故报告`,
    en: `${posts} internship posts, ${placements} placements, ${incidents} incident reports`,
  };
}
