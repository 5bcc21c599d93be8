import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context.ts';
import { enterpriseBody, enterprisesCast, errorOf, registerEnterprise } from './enterprises-test-helpers.ts';

type Cast = Awaited<ReturnType<typeof enterprisesCast>>;
type Contact = { id: string; name: string; title: string; phoneMasked: string | null };
const contactsOf = (res: { json(): unknown }) =>
  (res.json() as { enterprise: { contacts: Contact[] } }).enterprise.contacts;

describe('an enterprise’s contacts', () => {
  let ctx: TestContext;
  let cast: Cast;
  let yitongId: string;
  beforeAll(async () => {
    ctx = await createTestContext();
    cast = await enterprisesCast(ctx);
    yitongId = await cast.unit('SD-YITONG');
    await registerEnterprise(
      cast.clients.iit,
      enterpriseBody({ orgUnitId: yitongId, legalName: '易通集团' }),
    );
  });
  afterAll(() => ctx?.close());

  it('keeps phones encrypted at rest and answers them masked to everyone', async () => {
    const res = await cast.clients.yitong.put(`/api/enterprises/${yitongId}/contacts`, {
      contacts: [
        { name: '王建军', title: '人力资源部经理', phone: '+86 138-3550-1201' },
        { name: '李晓燕', title: '校企合作专员', phone: '13935502202' },
        { name: '赵', title: '' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(contactsOf(res).map((c) => c.phoneMasked)).toEqual(['138****1201', '139****2202', null]);
    expect(res.body).not.toContain('13835501201');
    const rows = await ctx.db
      .selectFrom('enterpriseContact')
      .selectAll()
      .where('enterpriseId', '=', yitongId)
      .execute();
    expect(rows).toHaveLength(3);
    const raw = JSON.stringify(rows);
    expect(raw).not.toContain('13835501201');
    expect(raw).not.toContain('13935502202');
    expect(raw).not.toContain('35501201');
    const first = rows.find((r) => r.name === '王建军')!;
    expect(first.phoneCipher).toMatch(/^v1:/);
    expect(ctx.crypto.decrypt(first.phoneCipher!)).toBe('13835501201');
    for (const who of ['hrss', 'vhs', 'viewer', 'coordinator'] as const) {
      const read = await cast.clients[who].get(`/api/enterprises/${yitongId}`);
      expect(read.body, who).not.toContain('13835501201');
      expect(contactsOf(read)[0]!.phoneMasked, who).toBe('138****1201');
    }
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['action', 'details'])
      .where('objectId', '=', yitongId)
      .where('action', '=', 'enterprise.contacts_updated')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.details)).not.toContain('1383550');
  });

  it('keeps a phone when a kept contact omits it, removes it with null, and drops contacts left out', async () => {
    const before = contactsOf(await cast.clients.iit.get(`/api/enterprises/${yitongId}`));
    const res = await cast.clients.iit.put(`/api/enterprises/${yitongId}/contacts`, {
      contacts: [
        { id: before[1]!.id, name: '李晓燕', title: '办公室主任' },
        { id: before[0]!.id, name: '王建军', title: '人力资源部经理', phone: null },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(contactsOf(res)).toMatchObject([
      { id: before[1]!.id, title: '办公室主任', phoneMasked: '139****2202' },
      { id: before[0]!.id, phoneMasked: null },
    ]);
    const rows = await ctx.db
      .selectFrom('enterpriseContact')
      .select(['name', 'phoneCipher'])
      .where('enterpriseId', '=', yitongId)
      .execute();
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.name === '王建军')!.phoneCipher).toBeNull();
  });

  it('refuses a bad phone and a contact of another enterprise, naming the field, and writes nothing', async () => {
    const res = await cast.clients.yitong.put(`/api/enterprises/${yitongId}/contacts`, {
      contacts: [
        { name: '甲', title: '', phone: '12345' },
        { id: '00000000-0000-4000-8000-000000000000', name: '乙', title: '' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).details).toEqual([
      expect.objectContaining({
        field: 'contacts.0.phone',
        code: 'PHONE_INVALID',
        message: '手机号应为 11 位大陆手机号',
      }),
      expect.objectContaining({ field: 'contacts.1.id', code: 'CONTACT_UNKNOWN' }),
    ]);
    expect(
      await ctx.db
        .selectFrom('enterpriseContact')
        .select('id')
        .where('enterpriseId', '=', yitongId)
        .execute(),
    ).toHaveLength(2);
  });

  it('refuses the same contact listed twice, naming the second, and writes nothing', async () => {
    const before = contactsOf(await cast.clients.iit.get(`/api/enterprises/${yitongId}`));
    const res = await cast.clients.yitong.put(`/api/enterprises/${yitongId}/contacts`, {
      contacts: [
        { id: before[0]!.id, name: '李晓燕', title: '办公室主任' },
        { id: before[0]!.id, name: '李晓燕（副本）', title: '' },
      ],
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(errorOf(res).details).toEqual([
      expect.objectContaining({
        field: 'contacts.1.id',
        code: 'CONTACT_DUPLICATE',
        message: '该联系人已在第 1 项列出，不能重复',
        messageEn: 'This contact is already listed as item 1',
      }),
    ]);
    expect(contactsOf(await cast.clients.iit.get(`/api/enterprises/${yitongId}`))).toEqual(before);
  });

  it('shows a phone in clear to the enterprise and the keepers only, each view audited', async () => {
    const [contact] = contactsOf(await cast.clients.yitong.get(`/api/enterprises/${yitongId}`));
    const url = `/api/enterprises/${yitongId}/contacts/${contact!.id}/unmask`;
    for (const who of ['hrss', 'vhs', 'viewer'] as const)
      expect((await cast.clients[who].post(url)).statusCode, who).toBe(403);
    expect((await cast.clients.zhendong.post(url)).statusCode).toBe(404);
    for (const who of ['yitong', 'iit'] as const) {
      const res = await cast.clients[who].post(url);
      expect(res.statusCode, who).toBe(200);
      expect(res.json()).toEqual({ phone: '13935502202' });
      expect(res.headers['cache-control']).toBe('no-store');
    }
    const views = await ctx.db
      .selectFrom('auditLog')
      .select(['actorId', 'result'])
      .where('action', '=', 'enterprise.pii_view')
      .where('objectId', '=', contact!.id)
      .execute();
    expect(views).toEqual([
      { actorId: cast.users.yitong.id, result: 'success' },
      { actorId: cast.users.iit.id, result: 'success' },
    ]);
  });

  it('clears a staff count with null rather than writing 0', async () => {
    await cast.clients.iit.put(`/api/enterprises/${yitongId}/years/2020`, {
      staff: 1200,
      listedAboveScale: false,
    });
    const res = await cast.clients.iit.put(`/api/enterprises/${yitongId}/years/2020`, { staff: null });
    const year = (
      res.json() as {
        enterprise: { years: Array<{ staff: number | null; listedAboveScale: boolean | null }> };
      }
    ).enterprise.years[0]!;
    expect(year).toMatchObject({ staff: null, listedAboveScale: false });
  });
});
