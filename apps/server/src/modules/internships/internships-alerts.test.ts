import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoActor } from '../../demo/demo-actors.ts';
import { runtimeOf } from '../../test/test-context.ts';
import {
  createInternshipWorld,
  extendPastPolicy,
  fileDocuments,
  placeStudent,
  publishPost,
  type InternshipWorld,
} from './internships.test-helpers.ts';

describe('the internships alert source over many running placements', () => {
  let w: InternshipWorld;
  beforeAll(async () => {
    w = await createInternshipWorld('2024-02-20T02:00:00Z');
  });
  afterAll(() => w?.ctx.close());

  it('raises the insurance gap of every running placement, beyond the first thousand', async () => {
    const post = await publishPost(w.zhendong, { places: 5 });
    const id = await placeStudent(w.vec, post);
    await fileDocuments(w.vec, id);
    expect((await w.vec.post(`/api/internship-placements/${id}/activation`)).statusCode).toBe(200);
    await extendPastPolicy(w.ctx, id, '2024-10-31');
    // 1,000 more running placements like it (a city's worth), written straight to the table.
    const row = await w.ctx.db
      .selectFrom('internshipPlacement')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    for (let chunk = 0; chunk < 5; chunk++)
      await w.ctx.db
        .insertInto('internshipPlacement')
        .values(
          Array.from({ length: 200 }, (_, i) => ({
            ...row,
            id: randomUUID(),
            studentIdIndex: `${row.studentIdIndex}-${chunk * 200 + i}`,
          })),
        )
        .execute();
    const username = (
      await w.ctx.db
        .selectFrom('appUser')
        .innerJoin('orgUnit', 'orgUnit.id', 'appUser.orgUnitId')
        .select('appUser.username')
        .where('orgUnit.code', '=', 'SD-VEC')
        .executeTakeFirstOrThrow()
    ).username;
    const alerts = await w.ctx.services.alertSources.collect(
      await demoActor(runtimeOf(w.ctx), username),
      'zh',
      '2024-03-10',
    );
    const gaps = alerts.filter((a) => a.source === 'internships' && a.kind === 'insurance_gap');
    expect(gaps).toHaveLength(1001);
    expect(new Set(gaps.map((a) => a.id)).size).toBe(1001);
  }, 120_000);
});
