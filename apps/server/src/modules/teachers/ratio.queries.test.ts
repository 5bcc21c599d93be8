import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, seedShangdang, type TestContext } from '../../test/test-context.ts';
import { addDays } from './date-math.ts';
import { ratioByMajor, ratioBySchool, ratioTeachers } from './ratio.queries.ts';
import { dualQualifiedRatio, type RatioTeacher } from './ratio.rules.ts';
import { birthColumns } from './teacher-columns.ts';
import { insertTeacher } from './teachers.repository.ts';

/** mulberry32, so a failure can be replayed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 5;
const START = '2012-01-01';
type Generated = RatioTeacher & { schoolId: string; districtId: string; majors: string[] };

describe('the SQL ratio equals the pure function', () => {
  let ctx: TestContext;
  const teachers: Generated[] = [];
  const districts: Record<string, { id: string; countPartTime: boolean; schools: string[] }> = {};

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    const unit = async (code: string) =>
      (await ctx.db.selectFrom('orgUnit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    const sd = await unit('SD');
    const other = await ctx.db
      .insertInto('orgUnit')
      .values({ code: 'XD', name: '邻区', fullName: '邻区', type: 'district', parentId: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const otherSchool = await ctx.db
      .insertInto('orgUnit')
      .values({ code: 'XD-VS', name: '邻区职校', fullName: '邻区职校', type: 'school', parentId: other.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    districts.SD = { id: sd, countPartTime: false, schools: [await unit('SD-VHS'), await unit('SD-VEC')] };
    districts.XD = { id: other.id, countPartTime: true, schools: [otherSchool.id] };
    await ctx.db
      .insertInto('teacherSetting')
      .values({
        districtId: other.id,
        countPartTime: true,
        criteria: null,
        updatedBy: null,
        updatedAt: new Date(),
      })
      .execute();

    const rnd = prng(SEED);
    const day = (from: string, span: number) => addDays(from, Math.floor(rnd() * span));
    const now = new Date();
    for (let i = 0; i < 400; i++) {
      const d = rnd() < 0.7 ? districts.SD! : districts.XD!;
      const schoolId = d.schools[Math.floor(rnd() * d.schools.length)]!;
      const hireDate = day(START, 3000);
      const leaveDate = rnd() < 0.25 ? day(addDays(hireDate, 1), 2500) : null;
      const periods: RatioTeacher['specialisedPeriods'][number][] = [];
      let cursor = rnd() < 0.15 ? null : day(hireDate, 200);
      while (cursor && periods.length < 3) {
        const endsOn = rnd() < 0.4 ? null : day(cursor, 1500);
        periods.push({ startsOn: cursor, endsOn });
        cursor = endsOn && rnd() < 0.5 ? day(addDays(endsOn, 1), 600) : null;
      }
      const recognitions = Array.from({ length: Math.floor(rnd() * 3) }, () => {
        const validFrom = day(hireDate, 3000);
        return { validFrom, validUntil: day(validFrom, 1900) };
      });
      const majors = ['660104', '660301', '730701'].filter(() => rnd() < 0.45);
      const t: Generated = {
        id: '',
        schoolId,
        districtId: d.id,
        series: rnd() < 0.2 ? 'enterprise_part_time' : 'full_time',
        hireDate,
        leaveDate,
        specialisedPeriods: periods,
        recognitions,
        majors,
      };
      const id = await insertTeacher(ctx.db, {
        schoolId,
        districtId: d.id,
        name: `随机${i}`,
        idCipher: 'x',
        idIndex: `i${i}`,
        idMasked: '*',
        sex: 'M',
        ...birthColumns(ctx.crypto, '1980-01-01'),
        phoneCipher: null,
        phoneMasked: null,
        education: 'bachelor',
        professionalTitle: 'none',
        post: '',
        series: t.series,
        internshipInstructor: false,
        hireDate,
        leaveDate,
        createdBy: null,
        createdAt: now,
        updatedAt: now,
      });
      t.id = id;
      if (periods.length)
        await ctx.db
          .insertInto('teacherSpecialisedPeriod')
          .values(periods.map((p) => ({ teacherId: id, ...p })))
          .execute();
      for (const r of recognitions)
        await ctx.db
          .insertInto('dqRecognition')
          .values({
            teacherId: id,
            applicationId: null,
            level: 'junior',
            certifyingBody: '区教育局',
            recognisedOn: r.validFrom,
            ...r,
            certificateNo: '',
            recordedBy: null,
            recordedAt: now,
          })
          .execute();
      if (majors.length)
        await ctx.db
          .insertInto('teacherMajor')
          .values(majors.map((m) => ({ teacherId: id, majorCode: m, majorName: '' })))
          .execute();
      teachers.push(t);
    }
  }, 120_000);
  afterAll(() => ctx?.close());

  /** The pure ratio per group, each teacher under their own district's setting. */
  function expected(date: string, groupOf: (t: Generated) => string[]) {
    const out = new Map<string, { numerator: number; denominator: number }>();
    for (const t of teachers) {
      const setting = { countPartTime: t.districtId === districts.XD!.id };
      const r = dualQualifiedRatio([t], date, setting);
      if (r.denominator === 0) continue;
      for (const g of groupOf(t)) {
        const e = out.get(g) ?? { numerator: 0, denominator: 0 };
        e.numerator += r.numerator;
        e.denominator += r.denominator;
        out.set(g, e);
      }
    }
    return out;
  }

  it('per school and per major, at 40 random dates, with each district’s part-time setting', async () => {
    const rnd = prng(SEED + 1);
    const dates = [
      '2012-01-01',
      '2019-12-31',
      '2020-01-01',
      ...Array.from({ length: 37 }, () => addDays(START, Math.floor(rnd() * 4500))),
    ];
    let compared = 0;
    for (const date of dates) {
      const schools = new Map(
        (await ratioBySchool(ctx.db, null, date)).map((r) => [
          r.schoolId,
          { numerator: r.numerator, denominator: r.denominator },
        ]),
      );
      expect(schools, date).toEqual(expected(date, (t) => [t.schoolId]));
      const majors = new Map(
        (await ratioByMajor(ctx.db, null, date)).map((r) => [
          r.majorCode,
          { numerator: r.numerator, denominator: r.denominator },
        ]),
      );
      expect(majors, date).toEqual(expected(date, (t) => t.majors));
      compared += schools.size;
    }
    expect(compared).toBeGreaterThan(60);
  });

  it('lists the same teachers as counted and recognised, and scopes to the schools asked for', async () => {
    for (const date of ['2016-06-30', '2021-05-20']) {
      const sd = districts.SD!.schools;
      const listed = await ratioTeachers(ctx.db, sd, date, { limit: 10_000, offset: 0 });
      const pure = dualQualifiedRatio(
        teachers.filter((t) => sd.includes(t.schoolId)),
        date,
        { countPartTime: false },
      );
      expect(listed.map((t) => t.id).sort()).toEqual([...pure.countedIds].sort());
      expect(
        listed
          .filter((t) => t.dqLevel !== null)
          .map((t) => t.id)
          .sort(),
      ).toEqual([...pure.recognisedIds].sort());
      expect(await ratioBySchool(ctx.db, [], date)).toEqual([]);
    }
  });
});
