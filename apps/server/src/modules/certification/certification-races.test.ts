import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceLookups } from './certification.deps.ts';
import {
  createCertificationWorld,
  registerNotAboveScale,
  signAll,
  WIRED,
  withRequestBetween,
  type CertificationWorld,
} from './certification.test-helpers.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** 易通集团's 2021 application (its criteria met on the wired look-ups), signed by every bureau. */
async function signedApplication() {
  const w = await createCertificationWorld();
  await registerNotAboveScale(w, w.units.yitong, [2020, 2021]);
  const { id } = await w
    .at('2021-05-20', WIRED)
    .applications.applyForCertification(await w.actor('yitong'), { year: 2021, statement: '' });
  await signAll(w, id, '2021-05-20', WIRED);
  return { w, id };
}

/*
 * Another request landing while a use case decides: the decision rests on what it read in its own
 * transaction, on the rows it locked. On PostgreSQL each request has its own connection, so the
 * other one really runs meanwhile; on PGlite (one connection) it queues behind the transaction.
 */
describe('a certification decided while a bureau changes its line', () => {
  let w: CertificationWorld;
  let id: string;
  beforeAll(async () => {
    ({ w, id } = await signedApplication());
  }, 180_000);
  afterAll(() => w?.ctx.close());

  it('refuses to certify when 区税务局 turned to disagree after the decision was asked for', async () => {
    const tax = await w.actor('tax');
    const services = withRequestBetween(w, '2021-05-20', WIRED, () =>
      w
        .at('2021-05-20', WIRED)
        .applications.giveOpinion(tax, id, { opinion: 'disagree', comment: '欠缴税款尚未清缴' }),
    );
    await expect(services.applications.certify(await w.actor('drc'), id, { note: '' })).rejects.toMatchObject(
      {
        code: 'CERTIFICATION_PANEL_DISAGREES',
        details: [expect.objectContaining({ field: 'opinions.SD-TAX' })],
      },
    );
    const row = await w.ctx.db
      .selectFrom('certificationApplication')
      .select(['state', 'evaluation'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect([row.state, row.evaluation]).toEqual(['submitted', null]);
  });

  it('holds the application while deciding: a line changed meanwhile waits, then finds it decided', async () => {
    const tax = await w.actor('tax');
    await w.at('2021-05-20', WIRED).applications.giveOpinion(tax, id, { opinion: 'agree', comment: '' });
    let late: Promise<string> | null = null;
    let fire: (() => void) | null = () => {
      late = w
        .at('2021-05-20', WIRED)
        .applications.giveOpinion(tax, id, { opinion: 'disagree', comment: '改为不同意' })
        .then(
          () => 'signed',
          (e: { code?: string }) => e.code ?? String(e),
        );
    };
    // 区税务局 changes its line while the evidence is being measured for the decision.
    const measuring: EvidenceLookups = {
      ...WIRED,
      cooperation: async (db, enterpriseId, asOf) => {
        const f = fire;
        fire = null;
        if (f) {
          f();
          await sleep(300);
        }
        return WIRED.cooperation!(db, enterpriseId, asOf);
      },
    };
    const decided = await w
      .at('2021-05-20', measuring)
      .applications.certify(await w.actor('drc'), id, { note: '予以认定' });
    expect(decided.state).toBe('certified');
    expect(late).not.toBeNull();
    expect(await late).toBe('CERTIFICATION_INVALID_TRANSITION');
    const line = await w.ctx.db
      .selectFrom('certificationOpinion as o')
      .innerJoin('orgUnit as u', 'u.id', 'o.bureauId')
      .select('o.opinion')
      .where('o.applicationId', '=', id)
      .where('u.code', '=', 'SD-TAX')
      .executeTakeFirstOrThrow();
    expect(line.opinion).toBe('agree');
  });
});

describe('an incentive recorded while the certification is revoked', () => {
  let w: CertificationWorld;
  let id: string;
  beforeAll(async () => {
    ({ w, id } = await signedApplication());
    await w.at('2021-05-20', WIRED).applications.certify(await w.actor('drc'), id, { note: '' });
  }, 180_000);
  afterAll(() => w?.ctx.close());

  it('refuses it when 区发改科技局 revoked the certification after the grant was asked for', async () => {
    const drc = await w.actor('drc');
    const services = withRequestBetween(w, '2021-07-01', undefined, () =>
      w.at('2021-07-01').applications.revoke(drc, id, { reason: '发生重大安全生产事故' }),
    );
    await expect(
      services.incentives.grantIncentive(await w.actor('finance'), {
        enterpriseId: w.units.yitong,
        kind: 'fiscal',
        grantor: '',
        amount: 300000,
        measure: '',
        grantedOn: '2021-07-01',
        basisNumber: '上党财教〔2021〕18号',
      }),
    ).rejects.toMatchObject({
      code: 'CERTIFICATION_NOT_CERTIFIED_ON_DATE',
      details: [expect.objectContaining({ field: 'grantedOn' })],
    });
    const written = await w.ctx.db
      .selectFrom('certificationIncentive')
      .select('id')
      .where('enterpriseId', '=', w.units.yitong)
      .execute();
    expect(written).toEqual([]);
  });
});
