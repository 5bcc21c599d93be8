import type { Actor } from '../../platform/auth/actor.ts';
import { addDays } from '../../platform/clock/clock.ts';
import type { DemoContext, DemoSummary } from '../../platform/modules/module-definition.ts';
import { tinyPdf } from '../programs/index.ts';
import { isoWeekday } from './booking.rules.ts';
import { DEFAULT_OPENING_HOURS } from './training-bases.config.ts';
import type { TrainingBasesModule } from './index.ts';
import type { Insertable } from 'kysely';
import type { TrainingSessionTable } from './training-bases.tables.ts';

type Ctx = DemoContext<TrainingBasesModule>;

/** A deterministic sequence in [0, 1) (the demo gives the same records for the same today). */
function sequence(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

async function upload(ctx: Ctx, date: string, actor: Actor, name: string) {
  const file = await ctx.depsAt(date).files.storeUpload(actor, {
    buffer: tinyPdf(['Zhijiao demo training-base document', name]),
    filename: `${name}.pdf`,
  });
  return file.id;
}

interface DemoBase {
  id: string;
  capacity: number;
  operatingSince: string;
  bookers: string[];
}

/**
 * The past sessions of a base, from the day it came into operation to yesterday: on about 60 % of
 * the open days a morning (08:30–11:30) and an afternoon (14:00–17:00) session of 50–90 % of the
 * stations, by the base's usual users, each purpose in turn. Written through the repository's
 * table in one statement a year (thousands of bookings would take the demo minutes through the
 * use case); the booking rules hold for them by construction (inside the hours, never above capacity).
 */
async function loadHistory(ctx: Ctx, base: DemoBase, until: string, seed: number) {
  const next = sequence(seed);
  const purposes = ['teaching', 'teaching', 'social_training', 'production', 'technical_service'] as const;
  const rows: Array<Insertable<TrainingSessionTable>> = [];
  for (let day = base.operatingSince; day < until; day = addDays(day, 1)) {
    if (!DEFAULT_OPENING_HOURS.weekdays.includes(isoWeekday(day)) || next() > 0.6) continue;
    for (const [start, minutes] of [
      [8 * 60 + 30, 180],
      [14 * 60, 180],
    ] as const) {
      if (next() > 0.85) continue;
      rows.push({
        baseId: base.id,
        bookerId: base.bookers[Math.floor(next() * base.bookers.length)]!,
        sessionDate: day,
        startMinute: start,
        minutes,
        groupSize: Math.max(1, Math.round(base.capacity * (0.5 + next() * 0.4))),
        purpose: purposes[Math.floor(next() * purposes.length)]!,
        topic: '',
        state: 'booked',
        cancelledOn: null,
        createdBy: null,
        createdAt: new Date(`${addDays(day, -7)}T02:00:00Z`),
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500)
    await ctx.db
      .insertInto('trainingSession')
      .values(rows.slice(i, i + 500))
      .execute();
  return rows.length;
}

/**
 * Loads training bases and the district's vocational-education group through the use cases, on
 * the days things happened: 易通集团's high-level base (区发改科技局 registers it under construction
 * in the plan's first year and records it in operation the next), 振东集团's (in operation in the
 * plan's last year), 区职业高中's in-school base and 区职教中心's base co-built with 振东集团; past
 * sessions on every base (see `loadHistory`), a few bookings for the coming weeks by schools and
 * enterprises through the booking use case; 上党区职业教育集团 with the district's schools, 山西机电
 * (高职), 长治医学院 (应用型本科) and both enterprises, and its joint programmes of each year (a
 * 中高职衔接 one linked to the enrolment demo's 中职 program of its major and year, where offered).
 */
export async function trainingBasesDemo(ctx: Ctx): Promise<DemoSummary> {
  const thisYear = Number(ctx.today.slice(0, 4));
  const years = ctx.planYears.length > 0 ? ctx.planYears : [thisYear - 3, thisYear - 2, thisYear - 1];
  const [y0, y1] = [years[0]!, years[1] ?? years[0]!];
  const yLast = years[years.length - 1]!;
  const drc = await ctx.actor('drc');
  const vhs = await ctx.actor('vhs');
  const vec = await ctx.actor('vec');
  const coordinator = await ctx.actor('coordinator');
  const u = {
    vhs: await ctx.unitId('SD-VHS'),
    vec: await ctx.unitId('SD-VEC'),
    yitong: await ctx.unitId('SD-YITONG'),
    zhendong: await ctx.unitId('SD-ZHENDONG'),
    jidian: await ctx.unitId('SX-JIDIAN'),
    med: await ctx.unitId('CZ-MED'),
  };

  const yitongStart = `${y0}-03-02`;
  const yitongOpen = `${y1}-09-01`;
  const yitongBody = {
    name: '易通集团新能源汽车高水平专业化实训基地',
    kind: 'high_level' as const,
    ownerId: u.yitong,
    partnerIds: [u.vhs, u.jidian],
    majors: ['新能源汽车运用与维修', '汽车制造与检测', '机电技术应用'],
    capacity: 40,
    location: '易通集团 装备制造园区 实训楼',
    plannedOn: `${y0}-01-15`,
    constructionStartedOn: yitongStart,
    equipment: [
      { name: '新能源汽车整车实训台', quantity: 8, unitValue: 380_000 },
      { name: '动力电池检测与维修工位', quantity: 12, unitValue: 96_000 },
      { name: '五轴数控加工中心', quantity: 2, unitValue: 1_450_000 },
    ],
  };
  const plan = await upload(ctx, yitongStart, drc, '易通集团实训基地建设方案');
  const yitong = await ctx.at(yitongStart).bases.createBase(drc, {
    ...yitongBody,
    status: 'building',
    operatingSince: null,
    documentIds: [plan],
  });
  const accepted = await upload(ctx, yitongOpen, drc, '易通集团实训基地验收报告');
  await ctx.at(yitongOpen).bases.updateBase(drc, yitong.id, {
    ...yitongBody,
    status: 'operating',
    operatingSince: yitongOpen,
    documentIds: [plan, accepted],
  });

  const zhendongOpen = `${yLast}-03-01`;
  const zhendongDoc = await upload(ctx, zhendongOpen, drc, '振东集团实训基地立项批复');
  const zhendong = await ctx.at(zhendongOpen).bases.createBase(drc, {
    name: '振东集团中药制药高水平专业化实训基地',
    kind: 'high_level',
    ownerId: u.zhendong,
    partnerIds: [u.vec, u.med],
    majors: ['中药制药', '药剂', '药品食品检验'],
    capacity: 30,
    location: '振东集团 制药基地 GMP 实训车间',
    status: 'operating',
    plannedOn: `${y0}-06-01`,
    // Before it opens, whichever of the plan's years the demo's today leaves as its last.
    constructionStartedOn: `${y0}-10-01`,
    operatingSince: zhendongOpen,
    equipment: [
      { name: '中药提取浓缩实训线', quantity: 1, unitValue: 2_600_000 },
      { name: '固体制剂压片机', quantity: 4, unitValue: 210_000 },
      { name: '高效液相色谱仪', quantity: 3, unitValue: 320_000 },
    ],
    documentIds: [zhendongDoc],
  });

  const vhsOpen = `${y0}-09-01`;
  const vhsBase = await ctx.at(vhsOpen).bases.createBase(vhs, {
    name: '区职业高中数控加工校内实训基地',
    kind: 'in_school',
    ownerId: u.vhs,
    partnerIds: [],
    majors: ['数控技术应用', '机电技术应用'],
    capacity: 36,
    location: '区职业高中 实训楼一层',
    status: 'operating',
    plannedOn: null,
    constructionStartedOn: null,
    operatingSince: vhsOpen,
    equipment: [
      { name: '数控车床', quantity: 12, unitValue: 85_000 },
      { name: '数控铣床', quantity: 6, unitValue: 160_000 },
    ],
    documentIds: [],
  });
  const vecOpen = `${y1}-03-01`;
  const vecBase = await ctx.at(vecOpen).bases.createBase(vec, {
    name: '区职教中心护理与药剂校企共建实训基地',
    kind: 'co_built',
    ownerId: u.vec,
    partnerIds: [u.zhendong],
    majors: ['护理', '药剂'],
    capacity: 24,
    location: '区职教中心 综合楼三层',
    status: 'operating',
    plannedOn: null,
    constructionStartedOn: `${y0}-10-08`,
    operatingSince: vecOpen,
    equipment: [
      { name: '智能护理模拟人', quantity: 6, unitValue: 120_000 },
      { name: '模拟药房', quantity: 1, unitValue: 450_000 },
    ],
    documentIds: [],
  });

  const bases: DemoBase[] = [
    { id: yitong.id, capacity: 40, operatingSince: yitongOpen, bookers: [u.vhs, u.vhs, u.yitong, u.vec] },
    { id: zhendong.id, capacity: 30, operatingSince: zhendongOpen, bookers: [u.vec, u.vec, u.zhendong] },
    { id: vhsBase.id, capacity: 36, operatingSince: vhsOpen, bookers: [u.vhs, u.vhs, u.vhs, u.yitong] },
    { id: vecBase.id, capacity: 24, operatingSince: vecOpen, bookers: [u.vec, u.vec, u.zhendong] },
  ];
  let sessions = 0;
  for (const [i, b] of bases.entries()) sessions += await loadHistory(ctx, b, ctx.today, 97 + i);

  // The coming weeks' bookings, made through the use case a week ago.
  const booked = addDays(ctx.today, -7);
  let upcoming = addDays(ctx.today, 3);
  while (isoWeekday(upcoming) > 5) upcoming = addDays(upcoming, 1);
  await ctx.at(booked).bases.bookSession(vhs, yitong.id, {
    date: upcoming,
    startTime: '13:00',
    hours: 4,
    groupSize: 10,
    purpose: 'teaching',
    topic: '新能源汽车动力电池拆装',
  });
  await ctx.at(booked).bases.bookSession(await ctx.actor('zhendong'), vecBase.id, {
    date: upcoming,
    startTime: '08:30',
    hours: 2,
    groupSize: 6,
    purpose: 'social_training',
    topic: '企业员工用药安全培训',
  });
  sessions += 2;

  const founded = `${y0}-05-08`;
  const group = await ctx.at(founded).groups.createGroup(coordinator, {
    name: '上党区职业教育集团',
    leadUnitId: u.vhs,
    foundedOn: founded,
    members: [
      { unitId: u.vhs, role: 'chair', joinedOn: founded },
      { unitId: u.vec, role: 'vice_chair', joinedOn: founded },
      { unitId: u.jidian, role: 'vice_chair', joinedOn: founded },
      { unitId: u.yitong, role: 'council', joinedOn: founded },
      { unitId: u.zhendong, role: 'council', joinedOn: founded },
      { unitId: u.med, role: 'member', joinedOn: `${y1}-03-15` },
    ],
  });
  const programmes = [
    {
      on: `${y0}-06-10`,
      kind: 'articulation',
      name: '机电技术应用“3+2”中高职衔接班',
      year: y0,
      unitIds: [u.vhs, u.jidian],
      places: 40,
      enrolled: 38,
      enrollmentCode: 'VHS-MECH',
    },
    {
      on: `${y1}-06-10`,
      kind: 'articulation',
      name: '机电技术应用“3+2”中高职衔接班',
      year: y1,
      unitIds: [u.vhs, u.jidian],
      places: 40,
      enrolled: 40,
      enrollmentCode: 'VHS-MECH',
    },
    {
      on: `${y1}-08-20`,
      kind: 'modern_apprenticeship',
      name: '新能源汽车运用与维修现代学徒制班',
      year: y1,
      unitIds: [u.vhs, u.yitong],
      places: 30,
      enrolled: 28,
    },
    {
      on: `${yLast}-06-10`,
      kind: 'articulation',
      name: '康复技术中本贯通衔接班',
      year: yLast,
      unitIds: [u.vec, u.med],
      places: 30,
      enrolled: 27,
      enrollmentCode: 'VEC-REHAB',
    },
    {
      on: `${yLast}-09-01`,
      kind: 'enterprise_apprenticeship',
      name: '中药制药企业新型学徒制班',
      year: yLast,
      unitIds: [u.zhendong, u.vec],
      places: 25,
      enrolled: 25,
    },
  ] as const;
  for (const p of programmes) {
    const { on, ...body } = p;
    const enrollmentCode = 'enrollmentCode' in body ? body.enrollmentCode : null;
    const added = await ctx.at(on).groups.addProgramme(coordinator, group.id, {
      kind: body.kind,
      name: body.name,
      year: body.year,
      unitIds: [...body.unitIds],
      places: body.places,
      enrolled: body.enrolled,
    });
    if (enrollmentCode) {
      // A 中高职衔接 class admitted through 统一招生: linked to its 中职 program where the
      // enrolment demo offered that major in the programme's year (its numbers are then read there).
      const { id } = added.programmes.find((x) => x.name === body.name && x.year === body.year)!;
      const program = (await ctx.at(on).groups.linkableEnrollmentPrograms(coordinator, id)).find(
        (x) => x.code === enrollmentCode,
      );
      if (program) await ctx.at(on).groups.linkProgramme(coordinator, id, program.id);
    }
  }
  return {
    zh: `4 个实训基地、${sessions} 次实训预约、1 个职教集团（${programmes.length} 个合作项目）`,
    en: `4 training bases, ${sessions} sessions booked, 1 vocational-education group (${programmes.length} joint programmes)`,
  };
}
