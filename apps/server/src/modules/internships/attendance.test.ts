import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoActor } from '../../demo/demo-actors.ts';
import { runtimeOf } from '../../test/test-context.ts';
import { postsOfferedPerEnterprise } from './index.ts';
import {
  createInternshipWorld,
  detailsOf,
  extendPastPolicy,
  fileDocuments,
  idNumber,
  placeStudent,
  publishPost,
  refusalOf,
  uploadPdf,
  type InternshipWorld,
} from './internships.test-helpers.ts';

type Log = {
  entries: Array<{
    date: string;
    hours: number;
    flags: string[];
    violations: Array<{ code: string; zh: string }>;
  }>;
  weeks: Array<{ monday: string; hours: number }>;
  violationCount: number;
};

/**
 * Two running placements at 振东集团 on 2024-03-10: one insured throughout, one running past its
 * policy (a record kept before extensions were checked against the insurance).
 */
describe('attendance, alerts, todos and the plan’s numbers', () => {
  let w: InternshipWorld;
  let insured: string;
  let extended: string;
  let later: string;
  const record = (body: Record<string, unknown>, id = insured) =>
    w.zhendong.post(`/api/internship-placements/${id}/attendance`, { holiday: false, note: '', ...body });
  const actor = (username: string) => demoActor(runtimeOf(w.ctx), username);

  beforeAll(async () => {
    w = await createInternshipWorld('2024-02-20T02:00:00Z');
    const post = await publishPost(w.zhendong, { places: 5 });
    insured = await placeStudent(w.vec, post);
    extended = await placeStudent(w.vec, post, {
      studentName: '李思雨',
      idNumber: idNumber('2005-04-02', 42),
    });
    later = await placeStudent(w.vec, post, {
      studentName: '王浩然',
      idNumber: idNumber('2005-07-07', 11),
      startsOn: '2024-03-15',
    });
    for (const id of [insured, extended]) await fileDocuments(w.vec, id);
    for (const id of [insured, extended]) {
      const res = await w.vec.post(`/api/internship-placements/${id}/activation`);
      expect(res.statusCode, res.body).toBe(200);
    }
    await extendPastPolicy(w.ctx, extended, '2024-10-31');
  });
  afterAll(() => w?.ctx.close());

  it('flags night, overtime and holiday work the post has not filed, and totals the week', async () => {
    expect((await record({ date: '2024-03-04', startTime: '09:00', endTime: '17:00' })).statusCode).toBe(201);
    await record({ date: '2024-03-04', startTime: '19:00', endTime: '23:30' });
    const res = await record({ date: '2024-04-04', startTime: '09:00', endTime: '12:00', holiday: true });
    expect(res.statusCode, res.body).toBe(201);
    const log = (await w.vec.get(`/api/internship-placements/${insured}/attendance`)).json() as Log;
    expect(log.entries.map((e) => [e.date, e.hours, e.flags, e.violations.map((v) => v.code)])).toEqual([
      ['2024-03-04', 8, [], []],
      ['2024-03-04', 4.5, ['night', 'overtime_daily'], ['NIGHT_WORK', 'OVERTIME']],
      ['2024-04-04', 3, ['holiday'], ['HOLIDAY_WORK']],
    ]);
    expect(log.entries[1]!.violations[0]!.zh).toBe(
      '2024-03-04 夜间（22:00–06:00）工作 90 分钟，岗位未备案夜班',
    );
    expect(log.weeks).toEqual([
      { monday: '2024-03-04', hours: 12.5 },
      { monday: '2024-04-01', hours: 3 },
    ]);
    expect(log.violationCount).toBe(3);
  });

  it('lets only the enterprise keep the log, of a running placement, within its period', async () => {
    const entry = { date: '2024-03-05', startTime: '09:00', endTime: '17:00', holiday: false, note: '' };
    expect(refusalOf(await w.vec.post(`/api/internship-placements/${insured}/attendance`, entry))).toEqual([
      403,
      'FORBIDDEN',
    ]);
    expect(refusalOf(await w.yitong.post(`/api/internship-placements/${insured}/attendance`, entry))).toEqual(
      [404, 'NOT_FOUND'],
    );
    expect(refusalOf(await record(entry, later))).toEqual([409, 'INTERNSHIP_PLACEMENT_INVALID_TRANSITION']);
    const outside = await record({ ...entry, date: '2024-09-05' });
    expect(refusalOf(outside)).toEqual([400, 'VALIDATION_FAILED']);
    expect(detailsOf(outside)[0]).toMatchObject({ field: 'date', code: 'OUTSIDE_PERIOD' });
  });

  it('raises a red alert for the placement its insurance no longer covers, and one for the attendance', async () => {
    const alerts = await w.ctx.services.alertSources.collect(
      await actor(usernameOf('vec')),
      'zh',
      '2024-03-10',
    );
    const mine = alerts.filter((a) => a.source === 'internships');
    expect(mine.map((a) => [a.kind, a.tier, a.link, a.unit.code])).toEqual([
      ['insurance_gap', 'red', `/internships/placements/${extended}`, 'SD-VEC'],
      ['attendance_violation', 'yellow', `/internships/placements/${insured}`, 'SD-ZHENDONG'],
    ]);
    expect(mine[0]!.message).toBe(
      '实习期至 2024-10-31，实习责任保险 2024-03-01 至 2024-08-31，未覆盖整个实习期',
    );
    const hrss = await w.ctx.services.alertSources.collect(
      await actor(usernameOf('hrss')),
      'zh',
      '2024-03-10',
    );
    expect(hrss.filter((a) => a.source === 'internships')).toEqual([]);
  });

  it('asks the school to complete the documents of a placement starting soon, and the enterprise to publish drafts', async () => {
    const draft = await w.zhendong.post('/api/internship-posts', {
      ...(await import('./internships.test-helpers.ts')).postBody({ title: '质检岗位实习' }),
    });
    expect(draft.statusCode).toBe(201);
    const vecTodos = await w.ctx.services.todoSources.collect(
      await actor(usernameOf('vec')),
      'zh',
      '2024-03-10',
    );
    expect(
      vecTodos.items.filter((t) => t.source === 'internships').map((t) => [t.kind, t.dueDate, t.link]),
    ).toEqual([['placement_documents', '2024-03-15', `/internships/placements/${later}`]]);
    const zd = await w.ctx.services.todoSources.collect(
      await actor(usernameOf('zhendong')),
      'en',
      '2024-03-10',
    );
    expect(zd.items.filter((t) => t.source === 'internships').map((t) => [t.kind, t.title])).toEqual([
      ['post_to_publish', 'Publish the internship post: 质检岗位实习'],
    ]);
  });

  it('computes the year’s insurance coverage and the places offered per enterprise', async () => {
    const v = await w.ctx.services.metrics.compute('internships.insuranceCoverage', {
      db: w.ctx.db,
      orgUnitId: w.units.district,
      period: { startsOn: '2024-01-01', endsOn: '2024-12-31' },
      today: '2024-03-10',
      exact: true,
    });
    expect([v.value, v.numerator, v.denominator]).toEqual([50, 1, 2]);
    expect(v.drillDown).toEqual([
      {
        label: '区职教中心',
        value: 50,
        numerator: 1,
        denominator: 2,
        ref: { type: 'org_unit', id: w.units.vec },
      },
    ]);
    const places = await w.ctx.services.metrics.compute('internships.placesOffered', {
      db: w.ctx.db,
      orgUnitId: w.units.district,
      period: { startsOn: '2024-01-01', endsOn: '2024-12-31' },
      today: '2024-03-10',
    });
    expect([places.value, places.drillDown.map((d) => [d.label, d.value])]).toEqual([5, [['振东集团', 5]]]);
    expect((await postsOfferedPerEnterprise(w.ctx.db, { year: 2024 })).get(w.units.zhendong)).toEqual({
      posts: 1,
      places: 5,
      filled: 3,
    });
    const none = await w.ctx.services.metrics.compute('internships.insuranceCoverage', {
      db: w.ctx.db,
      orgUnitId: w.units.district,
      period: { startsOn: '2023-01-01', endsOn: '2023-12-31' },
      today: '2024-03-10',
    });
    expect(none.denominator).toBe(0);
  });

  it('raises the insurance gap again, unacknowledged, when it comes back after it was closed', async () => {
    type Listed = { id: string; kind: string; tier: string; acknowledgement: unknown };
    const gapOf = async () =>
      ((await w.vec.get('/api/alerts')).json() as { items: Listed[] }).items.filter(
        (a) => a.kind === 'insurance_gap',
      );
    const [first] = await gapOf();
    const ack = await w.vec.post('/api/alerts/acknowledgements', { items: [{ id: first!.id, tier: 'red' }] });
    expect(ack.statusCode, ack.body).toBe(200);
    expect((await gapOf())[0]!.acknowledgement).not.toBeNull();
    // A policy to the new end closes the gap; an extension past it is refused now, and a gap
    // opened again (by a record written as before that check) is another alert.
    const covered = await w.vec.put(`/api/internship-placements/${extended}/documents`, {
      insurance: {
        insurer: '中国人民财产保险',
        policyNumber: 'PZBA-RENEWED',
        startsOn: '2024-03-01',
        endsOn: '2024-10-31',
        premiumPaidBy: 'school',
        fileId: await uploadPdf(w.vec, 'renewed.pdf'),
      },
    });
    expect(covered.statusCode, covered.body).toBe(200);
    expect(await gapOf()).toEqual([]);
    const again = await w.vec.post(`/api/internship-placements/${extended}/extension`, {
      endsOn: '2024-12-31',
    });
    expect(refusalOf(again)).toEqual([409, 'INTERNSHIP_EXTENSION_REFUSED']);
    expect(await gapOf()).toEqual([]);
    await extendPastPolicy(w.ctx, extended, '2024-12-31');
    const [second] = await gapOf();
    expect(second!.id).not.toBe(first!.id);
    expect(second!.acknowledgement).toBeNull();
  });

  /** The username of the world's account at a unit. */
  function usernameOf(key: 'vec' | 'hrss' | 'zhendong'): string {
    return names.get(key)!;
  }
  const names = new Map<string, string>();
  beforeAll(async () => {
    for (const [key, code] of [
      ['vec', 'SD-VEC'],
      ['hrss', 'SD-HRSS'],
      ['zhendong', 'SD-ZHENDONG'],
    ] as const) {
      const row = await w.ctx.db
        .selectFrom('appUser')
        .innerJoin('orgUnit', 'orgUnit.id', 'appUser.orgUnitId')
        .select('appUser.username')
        .where('orgUnit.code', '=', code)
        .executeTakeFirstOrThrow();
      names.set(key, row.username);
    }
  });
});
