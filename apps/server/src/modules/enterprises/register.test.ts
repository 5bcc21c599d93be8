import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context.ts';
import {
  auditActions,
  badCheck,
  enterpriseBody,
  enterprisesCast,
  errorOf,
  nextUscc,
  registerEnterprise,
} from './enterprises-test-helpers.ts';

type Cast = Awaited<ReturnType<typeof enterprisesCast>>;
type Detail = {
  id: string;
  code: string;
  name: string;
  legalName: string;
  uscc: string;
  industrySection: string;
  years: Array<{
    year: number;
    staff: number | null;
    aboveScale: boolean | null;
    aboveScaleSource: string | null;
    duty: { status: string; required: number | null };
  }>;
  contacts: Array<{ id: string; name: string; phoneMasked: string | null }>;
  abilities: { edit: boolean; editContacts: boolean; editStaffOf: number | null; unmask: boolean };
};
const detailOf = (res: { json(): unknown }) => (res.json() as { enterprise: Detail }).enterprise;

describe('the enterprise register', () => {
  let ctx: TestContext;
  let cast: Cast;
  let yitongId: string;
  let zhendongId: string;
  beforeAll(async () => {
    ctx = await createTestContext();
    cast = await enterprisesCast(ctx);
    yitongId = await cast.unit('SD-YITONG');
    zhendongId = await cast.unit('SD-ZHENDONG');
    await registerEnterprise(
      cast.clients.iit,
      enterpriseBody({ orgUnitId: yitongId, legalName: '易通集团' }),
    );
    await registerEnterprise(
      cast.clients.iit,
      enterpriseBody({
        orgUnitId: zhendongId,
        legalName: '山西振东健康产业集团有限公司',
        industryDivision: '27',
      }),
    );
  });
  afterAll(() => ctx?.close());

  it('refuses a bad 统一社会信用代码 naming the position of the error, in Chinese and English', async () => {
    const good = nextUscc();
    const res = await cast.clients.iit.post('/api/enterprises', enterpriseBody({ uscc: badCheck(good) }));
    expect(res.statusCode).toBe(400);
    const [problem] = errorOf(res).details!;
    expect(problem).toMatchObject({ field: 'uscc', code: 'USCC_CHECKSUM', position: 18 });
    expect(problem!.message).toContain('第 18 位');
    expect(problem!.messageEn).toContain('Character 18');
    const letter = await cast.clients.iit.post(
      '/api/enterprises',
      enterpriseBody({ uscc: `91I${good.slice(3)}` }),
    );
    expect(errorOf(letter).details![0]).toMatchObject({ field: 'uscc', code: 'USCC_CHARACTER', position: 3 });
    const industry = await cast.clients.iit.post(
      '/api/enterprises',
      enterpriseBody({ industryDivision: '98' }),
    );
    expect(errorOf(industry).details![0]).toMatchObject({
      field: 'industryDivision',
      code: 'INDUSTRY_UNKNOWN',
    });
    const schema = await cast.clients.iit.post(
      '/api/enterprises',
      enterpriseBody({ industryDivision: 'C27' }),
    );
    expect(schema.statusCode).toBe(400);
    expect(errorOf(schema).details![0]).toMatchObject({ field: 'body.industryDivision', code: 'INVALID' });
  });

  it('registers a new enterprise with its own org unit (both audited), and each code once', async () => {
    const body = enterpriseBody({ shortName: '测试装备', industryDivision: '35' });
    const res = await cast.clients.iit.post('/api/enterprises', { ...body, uscc: body.uscc.toLowerCase() });
    expect(res.statusCode, res.body).toBe(201);
    const e = detailOf(res);
    expect(e).toMatchObject({
      uscc: body.uscc,
      name: '测试装备',
      legalName: body.legalName,
      industrySection: 'C',
    });
    expect(e.code).toBe(`SD-${body.uscc}`);
    const unit = await ctx.db
      .selectFrom('orgUnit')
      .selectAll()
      .where('id', '=', e.id)
      .executeTakeFirstOrThrow();
    expect(unit).toMatchObject({
      type: 'enterprise',
      fullName: body.legalName,
      parentId: await cast.unit('SD'),
    });
    expect(await auditActions(ctx, e.id)).toEqual(['org.unit_create', 'enterprise.registered']);

    const again = await cast.clients.iit.post('/api/enterprises', enterpriseBody({ uscc: body.uscc }));
    expect(again.statusCode).toBe(409);
    expect(errorOf(again)).toMatchObject({ code: 'ENTERPRISE_EXISTS', details: [{ field: 'uscc' }] });
    const linked = await cast.clients.iit.post('/api/enterprises', enterpriseBody({ orgUnitId: yitongId }));
    expect(errorOf(linked).code).toBe('ENTERPRISE_UNIT_TAKEN');
    const bureau = await cast.clients.iit.post(
      '/api/enterprises',
      enterpriseBody({ orgUnitId: await cast.unit('SD-HRSS') }),
    );
    expect(errorOf(bureau).code).toBe('ENTERPRISE_NOT_AN_ENTERPRISE');
  });

  it('gives the unit it made the corrected code with a corrected 统一社会信用代码, audited; a linked unit keeps its own', async () => {
    const body = enterpriseBody({ industryDivision: '35' });
    const id = await registerEnterprise(cast.clients.iit, body);
    const corrected = nextUscc();
    const res = await cast.clients.iit.put(`/api/enterprises/${id}`, {
      uscc: corrected,
      legalName: body.legalName,
      industryDivision: '35',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(detailOf(res)).toMatchObject({ uscc: corrected, code: `SD-${corrected}` });
    expect(await auditActions(ctx, id)).toEqual([
      'org.unit_create',
      'enterprise.registered',
      'org.unit_update',
      'enterprise.updated',
    ]);
    const recode = await ctx.db
      .selectFrom('auditLog')
      .select('details')
      .where('objectId', '=', id)
      .where('action', '=', 'org.unit_update')
      .executeTakeFirstOrThrow();
    expect(recode.details).toMatchObject({
      before: { code: `SD-${body.uscc}` },
      after: { code: `SD-${corrected}` },
    });
    const yitong = detailOf(await cast.clients.iit.get(`/api/enterprises/${yitongId}`));
    const linked = await cast.clients.iit.put(`/api/enterprises/${yitongId}`, {
      uscc: nextUscc(),
      legalName: yitong.legalName,
      industryDivision: '33',
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(detailOf(linked).code).toBe('SD-YITONG');
  });

  it('is kept by 区工信局 and the coordinator only; bureaus, schools and enterprises are refused', async () => {
    expect((await cast.clients.coordinator.post('/api/enterprises', enterpriseBody())).statusCode).toBe(201);
    for (const who of ['hrss', 'vhs', 'yitong'] as const)
      expect((await cast.clients[who].post('/api/enterprises', enterpriseBody())).statusCode, who).toBe(403);
    expect((await cast.clients.viewer.post('/api/enterprises', enterpriseBody())).statusCode).toBe(403);
    const put = await cast.clients.hrss.put(`/api/enterprises/${zhendongId}`, {
      uscc: nextUscc(),
      legalName: '改名',
      industryDivision: '27',
    });
    expect(put.statusCode).toBe(403);
  });

  it('lets other bureaus and schools read the whole register, read-only', async () => {
    for (const who of ['hrss', 'vhs', 'viewer'] as const) {
      const list = (await cast.clients[who].get('/api/enterprises')).json() as {
        items: Array<{ id: string }>;
      };
      expect(
        list.items.map((i) => i.id),
        who,
      ).toEqual(expect.arrayContaining([yitongId, zhendongId]));
      const one = detailOf(await cast.clients[who].get(`/api/enterprises/${yitongId}`));
      expect(one.abilities, who).toEqual({
        edit: false,
        editContacts: false,
        editStaffOf: null,
        unmask: false,
      });
    }
    expect(detailOf(await cast.clients.iit.get(`/api/enterprises/${yitongId}`)).abilities).toEqual({
      edit: true,
      editContacts: true,
      editStaffOf: 2021,
      unmask: true,
    });
  });

  it('shows an enterprise account only its own enterprise, and refuses it any other', async () => {
    const list = (await cast.clients.yitong.get('/api/enterprises')).json() as {
      items: Array<{ id: string }>;
      total: number;
    };
    expect(list.items.map((i) => i.id)).toEqual([yitongId]);
    expect(list.total).toBe(1);
    expect((await cast.clients.yitong.get(`/api/enterprises/${zhendongId}`)).statusCode).toBe(404);
    expect(
      (await cast.clients.yitong.put(`/api/enterprises/${zhendongId}/years/2021`, { staff: 1 })).statusCode,
    ).toBe(404);
    expect(
      (await cast.clients.yitong.put(`/api/enterprises/${zhendongId}/contacts`, { contacts: [] })).statusCode,
    ).toBe(404);
    const search = (await cast.clients.yitong.get(`/api/search?q=${encodeURIComponent('振东')}`)).json() as {
      groups: Array<{ kind: string }>;
    };
    expect(search.groups.find((g) => g.kind === 'enterprise')).toBeUndefined();
    expect(detailOf(await cast.clients.yitong.get(`/api/enterprises/${yitongId}`)).abilities).toEqual({
      edit: false,
      editContacts: true,
      editStaffOf: 2021,
      unmask: true,
    });
  });

  it('lets an enterprise set this year’s staff count (audited) and nothing else of its years or profile', async () => {
    const own = await cast.clients.yitong.put(`/api/enterprises/${yitongId}/years/2021`, { staff: 1300 });
    expect(own.statusCode, own.body).toBe(200);
    expect(detailOf(own).years[0]).toMatchObject({ year: 2021, staff: 1300, aboveScale: null });
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['action', 'actorId', 'details'])
      .where('objectId', '=', yitongId)
      .where('action', '=', 'enterprise.year_updated')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actorId: cast.users.yitong.id, details: { year: 2021, by: 'enterprise' } });
    for (const [url, body, field] of [
      [`/api/enterprises/${yitongId}/years/2020`, { staff: 1 }, 'year'],
      [`/api/enterprises/${yitongId}/years/2021`, { revenueWan: 100 }, 'revenueWan'],
      [`/api/enterprises/${yitongId}/years/2021`, { listedAboveScale: true }, 'listedAboveScale'],
    ] as const) {
      const res = await cast.clients.yitong.put(url, body);
      expect(res.statusCode, url).toBe(403);
      expect(errorOf(res)).toMatchObject({ code: 'ENTERPRISE_OWN_FIELDS_ONLY', details: [{ field }] });
    }
    const profile = await cast.clients.yitong.put(`/api/enterprises/${yitongId}`, {
      uscc: nextUscc(),
      legalName: '易通',
      industryDivision: '34',
    });
    expect(profile.statusCode).toBe(403);
    const future = await cast.clients.iit.put(`/api/enterprises/${yitongId}/years/2022`, { staff: 1 });
    expect(errorOf(future).details![0]).toMatchObject({ field: 'year', code: 'YEAR_IN_FUTURE' });
  });

  it('takes 规上 from the statistics list over the thresholds, and shows the 2 % duty from the staff count', async () => {
    const id = await registerEnterprise(cast.clients.iit, enterpriseBody({ industryDivision: '27' }));
    let e = detailOf(
      await cast.clients.iit.put(`/api/enterprises/${id}/years/2020`, { staff: 151, revenueWan: 2500 }),
    );
    expect(e.years[0]).toMatchObject({
      aboveScale: true,
      aboveScaleSource: 'thresholds',
      duty: { status: 'applies', required: 4 },
    });
    e = detailOf(
      await cast.clients.iit.put(`/api/enterprises/${id}/years/2020`, { listedAboveScale: false }),
    );
    expect(e.years[0]).toMatchObject({
      aboveScale: false,
      aboveScaleSource: 'statistics_list',
      duty: { status: 'not_applicable', required: null },
    });
    e = detailOf(
      await cast.clients.iit.put(`/api/enterprises/${id}/years/2020`, {
        listedAboveScale: null,
        revenueWan: 1999,
      }),
    );
    expect(e.years[0]).toMatchObject({ aboveScale: false, aboveScaleSource: 'thresholds', staff: 151 });
    // A new industry re-judges the years computed by thresholds: construction is not judged by revenue.
    e = detailOf(
      await cast.clients.iit.put(`/api/enterprises/${id}`, {
        uscc: (
          await ctx.db
            .selectFrom('enterprise')
            .select('uscc')
            .where('orgUnitId', '=', id)
            .executeTakeFirstOrThrow()
        ).uscc,
        legalName: '改行的企业',
        industryDivision: '47',
      }),
    );
    expect(e.years[0]).toMatchObject({
      aboveScale: null,
      aboveScaleSource: null,
      duty: { status: 'not_judged' },
    });
    expect(await auditActions(ctx, id)).toEqual([
      'org.unit_create',
      'enterprise.registered',
      'enterprise.year_updated',
      'enterprise.year_updated',
      'enterprise.year_updated',
      'enterprise.updated',
    ]);
  });

  it('lists by year with server paging and filters, and finds by name or code', async () => {
    const page = (await cast.clients.hrss.get('/api/enterprises?year=2020&limit=2&offset=0')).json() as {
      year: number;
      items: unknown[];
      total: number;
    };
    expect(page.year).toBe(2020);
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(3);
    const medicine = (
      await cast.clients.hrss.get('/api/enterprises?section=C&q=%E6%8C%AF%E4%B8%9C')
    ).json() as {
      items: Array<{ id: string }>;
    };
    expect(medicine.items.map((i) => i.id)).toEqual([zhendongId]);
    const uscc = (
      await ctx.db
        .selectFrom('enterprise')
        .select('uscc')
        .where('orgUnitId', '=', zhendongId)
        .executeTakeFirstOrThrow()
    ).uscc;
    const byCode = (
      await cast.clients.hrss.get(`/api/enterprises?q=${uscc.slice(8, 16).toLowerCase()}`)
    ).json() as {
      items: Array<{ id: string }>;
    };
    expect(byCode.items.map((i) => i.id)).toEqual([zhendongId]);
  });
});
