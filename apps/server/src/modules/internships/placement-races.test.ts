import { sql, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/database.types.ts';
import type { AppError } from '../../platform/errors/app-error.ts';
import { demoContext } from '../../test/test-context.ts';
import { createInternshipsServices } from './index.ts';
import type { Transact } from '../../platform/db/transactions.ts';
import {
  codeOf,
  createInternshipWorld,
  detailsOf,
  fileDocuments,
  idNumber,
  placeStudent,
  postBody,
  publishPost,
  type InternshipWorld,
} from './internships.test-helpers.ts';

/** Waits (up to 10 s) until some session of the database waits for a row lock. */
async function untilALockIsAwaited(trx: Transaction<Database>) {
  for (let i = 0; i < 200; i++) {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(trx);
    if (rows[0]!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/*
 * Two schools acting at the same moment (concurrent requests: on PostgreSQL each runs in its own
 * connection and transaction) must not both take a post's last place.
 */
describe('placements made at the same moment', () => {
  let w: InternshipWorld;
  beforeAll(async () => {
    w = await createInternshipWorld();
  });
  afterAll(() => w?.ctx.close());

  it('gives a post’s last place to one of two schools placing at once; the other is told it is full', async () => {
    for (let round = 0; round < 4; round++) {
      const postId = await publishPost(w.zhendong, { places: 1, title: `最后一个名额 ${round}` });
      const place = (client: typeof w.vhs, seq: number) =>
        client.post('/api/internship-placements', {
          postId,
          studentName: '李同学',
          idNumber: idNumber('2006-09-10', 100 + round * 10 + seq),
          major: '药剂',
          studyYear: 2,
          guardianName: '李建国',
          startsOn: '2024-03-01',
          endsOn: '2024-08-31',
        });
      const answers = await Promise.all([place(w.vhs, 1), place(w.vec, 3)]);
      expect(answers.map((a) => a.statusCode).sort(), answers.map((a) => a.body).join('\n')).toEqual([
        201, 409,
      ]);
      expect(codeOf(answers.find((a) => a.statusCode === 409)!)).toBe('INTERNSHIP_POST_FULL');
      const held = await w.ctx.db
        .selectFrom('internshipPlacement')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('postId', '=', postId)
        .executeTakeFirstOrThrow();
      expect(Number(held.n)).toBe(1);
    }
  });

  it('starts only as many internships at once as the post’s staff share allows', async () => {
    // 10 staff on the post: 20 % is 2 interns; three placements start at the same moment.
    const postId = await publishPost(w.zhendong, { places: 5, staffOnPost: 10, title: '岗位人数 10' });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await placeStudent(w.vec, postId, { idNumber: idNumber('2005-01-10', 301 + i * 2) });
      await fileDocuments(w.vec, id);
      ids.push(id);
    }
    const answers = await Promise.all(
      ids.map((id) => w.vec.post(`/api/internship-placements/${id}/activation`)),
    );
    const active = await w.ctx.db
      .selectFrom('internshipPlacement')
      .select('id')
      .where('postId', '=', postId)
      .where('state', '=', 'active')
      .execute();
    const allowed = answers.filter((a) => a.statusCode === 200).length;
    expect(active.length).toBe(allowed);
    expect(allowed, answers.map((a) => a.body.slice(0, 300)).join('\n')).toBe(2);
  });

  it('places a student by the post as it stands under its lock, not as it was read before', async () => {
    const postId = await publishPost(w.zhendong, { places: 5, title: '期间缩短的岗位' });
    // Another transaction holds the post's row and shortens its period. On PostgreSQL the school's
    // request reads what it likes meanwhile, then waits for the row; on PGlite (one connection) it
    // runs after the commit. Either way it must be judged on the shortened period.
    let answer!: ReturnType<typeof w.vhs.post>;
    await w.ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('internshipPost')
        .set({ endsOn: '2024-06-30' })
        .where('id', '=', postId)
        .execute();
      answer = w.vhs.post('/api/internship-placements', {
        postId,
        studentName: '周雨涵',
        idNumber: idNumber('2006-09-10', 501),
        major: '药剂',
        studyYear: 2,
        guardianName: '周建国',
        startsOn: '2024-03-01',
        endsOn: '2024-08-31',
      });
      if (w.ctx.database.kind === 'postgresql') await untilALockIsAwaited(trx);
    });
    const res = await answer;
    expect(res.statusCode, res.body).toBe(400);
    expect(detailsOf(res).map((d) => `${d.field}:${d.code}`)).toEqual(['endsOn:OUTSIDE_POST_PERIOD']);
  });

  it('does not let an extension and a start at the same moment both pass the enterprise’s 10 % share', async () => {
    // 易通集团 with 20 staff: two interns at a time. One in March–April, one in May–August; a third
    // for May–August waits to start while the first is extended to June: either may pass, not both.
    const demo = demoContext(w.ctx, 'internships');
    const services = createInternshipsServices(demo.depsAt('2024-02-01'), async () => 20);
    const username = (
      await w.ctx.db
        .selectFrom('appUser')
        .select('username')
        .where('orgUnitId', '=', w.units.vec)
        .executeTakeFirstOrThrow()
    ).username;
    const vec = await demo.actor(username);
    const post = await publishPost(w.yitong, { places: 5, title: '数控车床岗位实习' });
    const place = async (seq: number, startsOn: string, endsOn: string) => {
      const id = await placeStudent(w.vec, post, { idNumber: idNumber('2005-05-05', seq), startsOn, endsOn });
      await fileDocuments(w.vec, id, { startsOn: '2024-03-01', endsOn: '2024-08-31' });
      return id;
    };
    const spring = await place(21, '2024-03-01', '2024-04-30');
    await services.placements.activatePlacement(vec, spring);
    await services.placements.activatePlacement(vec, await place(23, '2024-05-01', '2024-08-31'));
    const third = await place(25, '2024-05-01', '2024-08-31');
    const outcomes = await Promise.allSettled([
      services.placements.extendPlacement(vec, spring, { endsOn: '2024-06-30' }),
      services.placements.activatePlacement(vec, third),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refusal = outcomes.find((o) => o.status === 'rejected')!.reason as AppError;
    expect((refusal.details as Array<{ code: string }>).map((d) => d.code)).toEqual([
      'ENTERPRISE_SHARE_EXCEEDED',
    ]);
  });

  it('publishes a draft by the post rules on the post as it stands when published, not as read before', async () => {
    const draft = await w.zhendong.post('/api/internship-posts', postBody({ title: '改为重体力的岗位' }));
    expect(draft.statusCode, draft.body).toBe(201);
    const postId = (draft.json() as { post: { id: string } }).post.id;
    // The enterprise's other request edits the draft to Class III labour just before the publishing
    // transaction begins (after anything the use case read before it).
    const demo = demoContext(w.ctx, 'internships');
    const deps = demo.depsAt('2024-02-01');
    let meanwhile: (() => Promise<unknown>) | null = () =>
      w.zhendong.put(
        `/api/internship-posts/${postId}`,
        postBody({ title: '改为重体力的岗位', labourIntensityClass: 3 }),
      );
    const transaction: Transact = async (work, options) => {
      const run = meanwhile;
      meanwhile = null;
      if (run) expect((await run()) as { statusCode: number }).toMatchObject({ statusCode: 200 });
      return deps.transaction(work, options);
    };
    const services = createInternshipsServices({ ...deps, transaction }, async () => 300);
    const username = (
      await w.ctx.db
        .selectFrom('appUser')
        .select('username')
        .where('orgUnitId', '=', w.units.zhendong)
        .executeTakeFirstOrThrow()
    ).username;
    const refusal = await services.posts
      .publishPost(await demo.actor(username), postId)
      .catch((e: unknown) => e as AppError);
    expect(refusal).toMatchObject({ code: 'INTERNSHIP_POST_REFUSED', status: 409 });
    expect(((refusal as AppError).details as Array<{ field: string }>).map((d) => d.field)).toEqual([
      'post.labourIntensityClass',
    ]);
    const stored = await w.ctx.db
      .selectFrom('internshipPost')
      .select(['state', 'labourIntensityClass'])
      .where('id', '=', postId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ state: 'draft', labourIntensityClass: 3 });
  });
});

describe('an incident reported while the placement changes', () => {
  let w: InternshipWorld;
  beforeAll(async () => {
    w = await createInternshipWorld('2024-02-20T02:00:00Z');
  });
  afterAll(() => w?.ctx.close());

  it('keeps the policy on file when the report is written, read under the placement’s lock', async () => {
    const post = await publishPost(w.zhendong, { places: 5 });
    const id = await placeStudent(w.vec, post);
    await fileDocuments(w.vec, id);
    expect((await w.vec.post(`/api/internship-placements/${id}/activation`)).statusCode).toBe(200);
    // The school's other request replaces the policy on file just before the report's transaction
    // begins (after anything the use case read before it).
    const demo = demoContext(w.ctx, 'internships');
    const deps = demo.depsAt('2024-05-10');
    let meanwhile: (() => Promise<unknown>) | null = () =>
      w.ctx.db
        .updateTable('internshipPlacement')
        .set({ insurer: '中国平安财产保险', policyNumber: 'PAIC2024NEW' })
        .where('id', '=', id)
        .execute();
    const transaction: Transact = async (work, options) => {
      const run = meanwhile;
      meanwhile = null;
      if (run) await run();
      return deps.transaction(work, options);
    };
    const services = createInternshipsServices({ ...deps, transaction }, async () => 300);
    const username = (
      await w.ctx.db
        .selectFrom('appUser')
        .select('username')
        .where('orgUnitId', '=', w.units.zhendong)
        .executeTakeFirstOrThrow()
    ).username;
    const placement = await services.placements.reportIncident(await demo.actor(username), id, {
      occurredAt: '2024-05-08T06:30:00Z',
      kind: 'work_injury',
      severity: 'minor',
      description: '手指划伤',
      measures: '',
      insurerNotifiedAt: null,
      claimReference: '',
      fileIds: [],
    });
    expect(placement.incidents[0]!.coveredBy).toEqual({
      insurer: '中国平安财产保险',
      policyNumber: 'PAIC2024NEW',
    });
  });
});
