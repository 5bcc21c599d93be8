import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../platform/demo/seeded-random.ts';
import {
  createTestContext,
  createUser,
  login,
  seedShangdang,
  type Client,
  type TestContext,
} from '../../test/test-context.ts';
import { districtDuty, enterpriseDuty, type DutyRule, type EnterpriseYear } from '../enterprises/index.ts';
import { districtDutyPage, dutyTotalsByDistrict } from './duty-table.repository.ts';
import { enterpriseYears } from './internships.metrics.ts';
import { readExport } from '../../test/read-export.ts';

const YEAR = 2024;
const RULES: DutyRule[] = [
  { basisPoints: 200, rounding: 'ceil', basis: 'offered' },
  { basisPoints: 200, rounding: 'round', basis: 'filled' },
  { basisPoints: 250, rounding: 'floor', basis: 'offered' },
];

type Totals = { aboveScale: number; judged: number; met: number; short: number; notJudged: number };

/**
 * A province (示范省) over 上党区 and a second district, each with random enterprises: on the
 * register or not, 规上 or not or not known, staff known or not, posts of this year and last in
 * every state, placements in every state, insured for the whole period, part of it or not at all.
 * The test keeps each enterprise's records as the pure rules read them.
 */
async function seedRandomDistricts(ctx: TestContext, seed: number) {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const now = new Date();
  const prov = await ctx.db
    .insertInto('orgUnit')
    .values({
      code: 'PROV',
      name: '示范省',
      fullName: '示范省',
      nameEn: 'Province',
      type: 'other',
      groups: [],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const sd = await ctx.db
    .updateTable('orgUnit')
    .set({ parentId: prov.id })
    .where('code', '=', 'SD')
    .returning('id')
    .executeTakeFirstOrThrow();
  const d2 = await ctx.db
    .insertInto('orgUnit')
    .values({
      code: 'D2',
      name: '第二区',
      fullName: '示范省第二区',
      nameEn: 'D2',
      type: 'district',
      groups: [],
      parentId: prov.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const d2School = await ctx.db
    .insertInto('orgUnit')
    .values({
      code: 'D2-VS',
      name: '第二区职业学校',
      fullName: '第二区职业学校',
      nameEn: 'D2 VS',
      type: 'school',
      groups: ['中职'],
      parentId: d2.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const vec = (
    await ctx.db.selectFrom('orgUnit').select('id').where('code', '=', 'SD-VEC').executeTakeFirstOrThrow()
  ).id;
  const uploader = await createUser(ctx, 'unit_clerk', 'SD-VEC');
  const file = await ctx.db
    .insertInto('storedFile')
    .values({
      orgUnitId: vec,
      uploadedBy: uploader.id,
      originalName: 'policy.pdf',
      kind: 'document',
      mime: 'application/pdf',
      sizeBytes: 1,
      sha256: '0'.repeat(64),
      storageKey: `test/duty-${seed}`,
      createdAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const records = new Map<
    string,
    EnterpriseYear & {
      districtId: string;
      name: string;
      placements: number;
      insured: number;
      onRegister: boolean;
    }
  >();
  let n = 0;
  for (const [districtId, schoolId, count] of [
    [sd.id, vec, 40],
    [d2.id, d2School.id, 25],
  ] as const) {
    for (let i = 0; i < count; i++) {
      n += 1;
      const name = `随机企业${seed}-${n}`;
      const unit = await ctx.db
        .insertInto('orgUnit')
        .values({
          code: `R${seed}-${n}`,
          name,
          fullName: `${name}有限公司`,
          nameEn: name,
          type: 'enterprise',
          groups: [],
          parentId: districtId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const onRegister = random() < 0.85;
      let aboveScale: boolean | null = null;
      let staff: number | null = null;
      if (onRegister) {
        await ctx.db
          .insertInto('enterprise')
          .values({
            orgUnitId: unit.id,
            districtId,
            uscc: `91140404MA${String(n).padStart(8, '0')}`, // the column's pattern; no API checks it here
            legalName: `${name}有限公司`,
            industrySection: 'C',
            industryDivision: '27',
            address: '工业园区',
            status: 'active',
            createdBy: null,
            createdAt: now,
            updatedAt: now,
          })
          .execute();
        if (random() < 0.9) {
          aboveScale = pick([true, true, true, false, null]);
          staff =
            random() < 0.12
              ? null
              : pick([0, 49, 50, 51, 149, 150, 151, 250, 1000, 1234, Math.floor(random() * 3000)]);
          await ctx.db
            .insertInto('enterpriseYear')
            .values({
              enterpriseId: unit.id,
              year: YEAR,
              staff,
              revenueWan: null,
              listedAboveScale: aboveScale,
              aboveScale,
              aboveScaleSource: aboveScale === null ? null : 'statistics_list',
              thresholdVersion: null,
              updatedBy: null,
              updatedAt: now,
            })
            .execute();
        }
      }
      const record = {
        enterpriseId: unit.id,
        districtId,
        name,
        year: YEAR,
        aboveScale,
        staff,
        postsOffered: 0,
        postsFilled: 0,
        placements: 0,
        insured: 0,
      };
      const posts = Math.floor(random() * 4);
      for (let p = 0; p < posts; p++) {
        const year = random() < 0.8 ? YEAR : YEAR - 1;
        const state = pick(['draft', 'published', 'published', 'closed'] as const);
        const places = 1 + Math.floor(random() * 15);
        const post = await ctx.db
          .insertInto('internshipPost')
          .values({
            enterpriseId: unit.id,
            districtId,
            title: `岗位${p}`,
            kind: 'post',
            majors: [],
            places,
            year,
            startsOn: `${year}-03-01`,
            endsOn: `${year}-12-31`,
            location: '车间',
            dailyHours: 8,
            weeklyHours: 40,
            nightWork: false,
            overtimeWork: false,
            holidayWork: false,
            labourIntensityClass: 1,
            highRiskWork: [],
            venue: null,
            sameJobMonthlyWage: null,
            lowestWageGrade: null,
            staffOnPost: null,
            publishedOn: state === 'draft' ? null : `${year}-02-01`,
            closedOn: state === 'closed' ? `${year}-06-01` : null,
            createdBy: null,
            monthlyPay: 2200,
            state,
            createdAt: now,
            updatedAt: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const offered = year === YEAR && state !== 'draft';
        if (offered) record.postsOffered += places;
        if (state === 'draft') continue;
        const placements = Math.floor(random() * 5);
        for (let k = 0; k < placements; k++) {
          const pState = pick(['draft', 'active', 'completed', 'terminated'] as const);
          const startsOn = `${year}-0${3 + Math.floor(random() * 6)}-01`;
          const endsOn = `${year}-11-30`;
          const cover = pick(['whole', 'part', 'none'] as const);
          await ctx.db
            .insertInto('internshipPlacement')
            .values({
              postId: post.id,
              enterpriseId: unit.id,
              schoolId,
              districtId,
              studentName: `学生${k}`,
              studentIdCipher: 'x',
              studentIdIndex: `idx-${post.id}-${k}`,
              studentIdMasked: '140404********0011',
              birthDateCipher: 'x',
              ageAtStart: 17,
              sex: 'M',
              major: '数控技术应用',
              studyYear: 3,
              startsOn,
              endsOn,
              monthlyPay: 2200,
              ...(cover === 'none'
                ? {}
                : {
                    insurer: '中国人寿',
                    policyNumber: `P${k}`,
                    insuranceStartsOn: startsOn,
                    insuranceEndsOn: cover === 'whole' ? endsOn : `${year}-10-31`,
                    premiumPaidBy: 'school' as const,
                    insuranceFileId: file.id,
                  }),
              state: pState,
              createdAt: now,
              updatedAt: now,
            })
            .execute();
          if (offered && pState !== 'terminated') record.postsFilled += 1;
          if (year === YEAR && (pState === 'active' || pState === 'completed')) {
            record.placements += 1;
            if (cover === 'whole') record.insured += 1;
          }
        }
      }
      // The table holds the register's enterprises and those that offered or hosted in the year.
      if (onRegister || record.postsOffered > 0 || record.placements > 0)
        records.set(unit.id, { ...record, onRegister });
    }
  }
  // 易通集团 on the register, 规上 with 600 staff and no posts: short by 12 (the row its account sees).
  const yitong = await ctx.db
    .selectFrom('orgUnit')
    .select(['id', 'name'])
    .where('code', '=', 'SD-YITONG')
    .executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('enterprise')
    .values({
      orgUnitId: yitong.id,
      districtId: sd.id,
      uscc: '91140404MA99999999',
      legalName: '易通集团有限公司',
      industrySection: 'C',
      industryDivision: '27',
      address: '工业园区',
      status: 'active',
      createdBy: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await ctx.db
    .insertInto('enterpriseYear')
    .values({
      enterpriseId: yitong.id,
      year: YEAR,
      staff: 600,
      revenueWan: null,
      listedAboveScale: true,
      aboveScale: true,
      aboveScaleSource: 'statistics_list',
      thresholdVersion: null,
      updatedBy: null,
      updatedAt: now,
    })
    .execute();
  records.set(yitong.id, {
    enterpriseId: yitong.id,
    districtId: sd.id,
    name: yitong.name,
    year: YEAR,
    aboveScale: true,
    staff: 600,
    postsOffered: 0,
    postsFilled: 0,
    placements: 0,
    insured: 0,
    onRegister: true,
  });
  return { prov: prov.id, sd: sd.id, d2: d2.id, yitong: yitong.id, records };
}

const totalsOf = (records: readonly EnterpriseYear[], rule: DutyRule): Totals & Record<string, number> => {
  const d = districtDuty(records, YEAR, rule);
  return {
    aboveScale: d.aboveScale,
    judged: d.judged,
    met: d.met,
    short: d.shortfall.length,
    notJudged: d.notJudgedIds.length,
    staff: d.staff,
    required: d.required,
    offered: d.offered,
    filled: d.filled,
  };
};

describe('the 2 % table in SQL', () => {
  let ctx: TestContext;
  let world: Awaited<ReturnType<typeof seedRandomDistricts>>;
  let iit: Client;
  let province: Client;
  let yitongClerk: Client;
  beforeAll(async () => {
    ctx = await createTestContext({ now: '2024-12-01T02:00:00Z' });
    await seedShangdang(ctx);
    world = await seedRandomDistricts(ctx, 13);
    iit = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-IIT')).username);
    province = await login(ctx, (await createUser(ctx, 'coordinator', 'PROV')).username);
    yitongClerk = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-YITONG')).username);
  });
  afterAll(() => ctx?.close());

  it('sums each district as the pure districtDuty does over the same records, under every rounding and basis', async () => {
    const all = [...world.records.values()];
    for (const rule of RULES) {
      const sums = await dutyTotalsByDistrict(ctx.db, {
        year: YEAR,
        districtIds: [world.sd, world.d2],
        rule,
      });
      expect(sums.map((s) => s.districtId).sort()).toEqual([world.sd, world.d2].sort());
      for (const s of sums) {
        const mine = all.filter((r) => r.districtId === s.districtId);
        expect(s, JSON.stringify(rule)).toMatchObject({ ...totalsOf(mine, rule), enterprises: mine.length });
        expect([s.placements, s.insured]).toEqual([
          mine.reduce((n, r) => n + r.placements, 0),
          mine.reduce((n, r) => n + r.insured, 0),
        ]);
      }
    }
  });

  it('agrees with enterpriseYears, the plan metric’s reading of the same district', async () => {
    const rule = RULES[0]!;
    const viaMetrics = districtDuty(
      (await enterpriseYears(ctx.db, world.sd, YEAR)).map((y) => y.record),
      YEAR,
      rule,
    );
    const [sql] = await dutyTotalsByDistrict(ctx.db, { year: YEAR, districtIds: [world.sd], rule });
    expect(sql).toMatchObject({
      aboveScale: viaMetrics.aboveScale,
      judged: viaMetrics.judged,
      met: viaMetrics.met,
      short: viaMetrics.shortfall.length,
      staff: viaMetrics.staff,
      required: viaMetrics.required,
      offered: viaMetrics.offered,
      filled: viaMetrics.filled,
    });
  });

  it('judges each enterprise row as enterpriseDuty does, short first by the largest shortfall', async () => {
    for (const rule of RULES) {
      const page = await districtDutyPage(
        ctx.db,
        { year: YEAR, districtIds: [world.sd], rule },
        {},
        { limit: 500, offset: 0 },
      );
      const expected = [...world.records.values()]
        .filter((r) => r.districtId === world.sd)
        .map((r) => ({ r, d: enterpriseDuty(r, rule) }))
        .filter(({ r, d }) => d.status !== 'not_applicable' || r.postsOffered > 0 || r.placements > 0);
      expect(page.total).toBe(expected.length);
      expect(page.items).toHaveLength(expected.length);
      expect(page.totals).toMatchObject(
        totalsOf(
          [...world.records.values()].filter((r) => r.districtId === world.sd),
          rule,
        ),
      );
      for (const row of page.items) {
        const { d } = expected.find((e) => e.r.enterpriseId === row.enterpriseId)!;
        expect(
          { status: row.status, required: row.required, shortfall: row.shortfall },
          JSON.stringify(rule),
        ).toEqual({
          status: d.status,
          required: d.required,
          shortfall: d.shortfall,
        });
      }
      const shorts = page.items.filter((r) => r.status === 'short').map((r) => r.shortfall!);
      expect(page.items.slice(0, shorts.length).every((r) => r.status === 'short')).toBe(true);
      expect(shorts).toEqual([...shorts].sort((a, b) => b - a));
    }
  });

  it('gives a district’s reader its enterprises, filtered by status and name and paged', async () => {
    const res = await iit.get(`/api/internships/duty?year=${YEAR}&limit=5`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      level: string;
      unit: { code: string };
      totals: Totals;
      enterprises: {
        items: Array<{ enterprise: { id: string; name: string }; status: string; note: string }>;
        total: number;
      };
    };
    const mine = [...world.records.values()].filter((r) => r.districtId === world.sd);
    expect([body.level, body.unit.code]).toEqual(['district', 'SD']);
    expect(body.totals).toMatchObject(totalsOf(mine, RULES[0]!));
    expect(body.enterprises.items).toHaveLength(5);
    const short = (
      await iit.get(`/api/internships/duty?year=${YEAR}&status=short&limit=500`)
    ).json() as typeof body;
    expect(short.enterprises.total).toBe(body.totals.short);
    expect(short.enterprises.items.every((r) => r.status === 'short' && r.note.includes('差'))).toBe(true);
    // By the registered name, and — for an enterprise not on the register, which has none — by its unit's name.
    const found = async (q: string) =>
      (
        (
          await iit.get(`/api/internships/duty?year=${YEAR}&q=${encodeURIComponent(q)}&limit=500`)
        ).json() as typeof body
      ).enterprises.items.map((r) => r.enterprise.id);
    expect(await found('易通集团有限公司')).toEqual([world.yitong]);
    const unregistered = mine.find((r) => !r.onRegister)!;
    expect(unregistered, 'the seed has an enterprise off the register that offered posts').toBeDefined();
    expect(await found(unregistered.name)).toContain(unregistered.enterpriseId);
    expect(await found(`${unregistered.name}有限公司`)).toEqual([unregistered.enterpriseId]);
    // Another district is not the clerk's to open.
    expect((await iit.get(`/api/internships/duty?year=${YEAR}&districtId=${world.d2}`)).statusCode).toBe(404);
  });

  it('rolls a province up per district, and opens one district under it', async () => {
    const res = await province.get(`/api/internships/duty?year=${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      level: string;
      totals: Totals & { enterprises: number };
      districts: Array<{ district: { code: string } } & Totals>;
      enterprises: { items: unknown[] };
    };
    const all = [...world.records.values()];
    expect(body.level).toBe('region');
    // The seed covers every status (else the comparisons above would prove little).
    expect(Math.min(body.totals.met, body.totals.short, body.totals.notJudged)).toBeGreaterThan(0);
    expect(body.districts.map((d) => d.district.code)).toEqual(['D2', 'SD']);
    expect(body.totals).toMatchObject({ ...totalsOf(all, RULES[0]!), enterprises: all.length });
    expect(body.districts[0]).toMatchObject(
      totalsOf(
        all.filter((r) => r.districtId === world.d2),
        RULES[0]!,
      ),
    );
    expect(body.enterprises.items).toEqual([]);
    const d2 = (
      await province.get(`/api/internships/duty?year=${YEAR}&districtId=${world.d2}&limit=500`)
    ).json() as {
      level: string;
      enterprises: { total: number; items: Array<{ districtId: string }> };
    };
    expect(d2.level).toBe('district');
    expect(d2.enterprises.items.every((r) => r.districtId === world.d2)).toBe(true);
    const unknown = await province.get(`/api/internships/duty?year=${YEAR}&districtId=${world.prov}`);
    expect(unknown.statusCode).toBe(404);
  });

  it('shows an enterprise’s account its own row only, under the district’s totals', async () => {
    const body = (await yitongClerk.get(`/api/internships/duty?year=${YEAR}`)).json() as {
      totals: Totals;
      enterprises: { items: Array<{ enterprise: { code: string } }> };
    };
    const all = (await iit.get(`/api/internships/duty?year=${YEAR}`)).json() as typeof body;
    expect(body.totals).toEqual(all.totals);
    expect(body.enterprises.items.map((r) => r.enterprise.code)).toEqual(['SD-YITONG']);
  });

  it('exports the table as the page shows it, short ones only, and audits the export', async () => {
    const res = await iit.get(`/api/internships/duty/export.xlsx?year=${YEAR}&status=short`);
    expect(res.statusCode, res.body).toBe(200);
    const sheet = await readExport(res);
    const short = [...world.records.values()].filter(
      (r) => r.districtId === world.sd && enterpriseDuty(r, RULES[0]!).status === 'short',
    );
    expect(sheet.header.slice(0, 4)).toEqual(['企业', '落实情况', '职工总数', '应提供']);
    expect(sheet.rows.map((r) => r[0]).sort()).toEqual(short.map((r) => r.name).sort());
    expect(sheet.rows.every((r) => r[1] === '未达标')).toBe(true);
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['action', 'objectType', 'details'])
      .where('action', 'like', '%export%')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      action: 'internships.export',
      objectType: 'internship_duty',
      details: { rows: short.length },
    });
    // A province's file holds its districts' rows.
    const prov = await readExport(await province.get(`/api/internships/duty/export.xlsx?year=${YEAR}`));
    expect(prov.rows.map((r) => r[0])).toEqual(['第二区', '上党区']);
  });
});
