import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  codeOf,
  createInternshipWorld,
  fileDocuments,
  idNumber,
  placeStudent,
  publishPost,
  type InternshipWorld,
} from './internships.test-helpers.ts';

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
});
