import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCertificationTodos } from './certification.todos.ts';
import {
  createCertificationWorld,
  PANEL,
  registerNotAboveScale,
  WIRED,
  type CertificationWorld,
} from './certification.test-helpers.ts';

type ErrorBody = {
  error: { code: string; details: Array<{ field: string; message: string; messageEn: string }> };
};

/*
 * 回避: 区工信局 keeps the register and may apply for an enterprise, and it is also a joint-review
 * bureau. On an application it filed it does not review itself: its line of the 会签单 is recused,
 * and the joint review is complete with the other bureaus' lines.
 */
describe('the applying unit recuses itself from the application’s joint review (回避)', () => {
  let w: CertificationWorld;
  beforeAll(async () => {
    w = await createCertificationWorld();
    await registerNotAboveScale(w, w.units.yitong, [2020, 2021]);
  }, 180_000);
  afterAll(() => w?.ctx.close());

  it('refuses 区工信局’s line on the application it filed, and certifies on the other six lines', async () => {
    const iit = await w.actor('iit');
    const applied = await w.at('2021-05-20', WIRED).applications.applyForCertification(iit, {
      enterpriseId: w.units.yitong,
      year: 2021,
      statement: '区工信局代为申报',
    });
    expect([applied.panelSize, applied.opinionsGiven, applied.abilities.sign]).toEqual([6, 0, false]);
    expect(applied.opinions.find((o) => o.bureau.code === 'SD-IIT')).toMatchObject({
      recused: true,
      opinion: null,
    });
    expect(applied.opinions.filter((o) => o.recused)).toHaveLength(1);

    const own = await w.clients.iit.put(`/api/certification/applications/${applied.id}/opinion`, {
      opinion: 'agree',
    });
    expect(own.statusCode, own.body).toBe(403);
    const { error } = own.json() as ErrorBody;
    expect(error.code).toBe('CERTIFICATION_RECUSED');
    expect(error.details[0]).toMatchObject({ field: 'opinion' });
    expect(error.details[0]!.message).toContain('回避');
    expect(error.details[0]!.messageEn).toContain('recuses');
    const todos = await createCertificationTodos(w.at('2021-05-20').deps)(iit, 'zh', '2021-05-20');
    expect(todos.filter((t) => t.kind === 'opinion_to_give')).toEqual([]);

    for (const account of PANEL.filter((a) => a !== 'iit'))
      await w
        .at('2021-05-20', WIRED)
        .applications.giveOpinion(await w.actor(account), applied.id, { opinion: 'agree', comment: '' });
    const certified = await w
      .at('2021-05-20', WIRED)
      .applications.certify(await w.actor('drc'), applied.id, { note: '' });
    expect([certified.state, certified.opinionsGiven, certified.panelSize]).toEqual(['certified', 6, 6]);
    const lines = await w.ctx.db
      .selectFrom('certificationOpinion')
      .select('bureauId')
      .where('applicationId', '=', applied.id)
      .execute();
    expect(lines.map((l) => l.bureauId)).not.toContain(iit.orgUnitId);
  });
});
