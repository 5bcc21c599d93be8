import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../test/test-context.ts';
import { COUNT_CAP, EXACT_CAP } from './resource-search.ts';
import {
  createProgramsWorld,
  openMajor,
  refusalOf,
  uploadPdf,
  type ProgramsWorld,
} from './programs.test-helpers.ts';
import { resourceSearchFields } from './search-terms.ts';

type Page = {
  items: Array<{ id: string; title: string; school: { code: string } }>;
  total: number;
  totalIsLowerBound: boolean;
};

describe('Chinese full-text search of teaching resources', () => {
  let w: ProgramsWorld;
  const titles = async (client: Client, query: string) => {
    const res = await client.get(`/api/teaching-resources?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as Page).items.map((i) => i.title);
  };
  const add = async (client: Client, title: string, extra: Record<string, unknown> = {}) => {
    const res = await client.post('/api/teaching-resources', {
      title,
      description: '',
      resourceType: 'courseware',
      licence: 'cc_by_4',
      fileId: await uploadPdf(client, 'r.pdf'),
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { resource: { id: string } }).resource.id;
  };
  const share = async (id: string) => {
    await w.vhs.post(`/api/teaching-resources/${id}/sharing-request`);
    await w.coordinator.post(`/api/teaching-resources/${id}/sharing-decision`, { share: true });
  };

  beforeAll(async () => {
    w = await createProgramsWorld();
    const weld = await openMajor(w.vhs, '660107');
    const ecom = await openMajor(w.vhs, '730701');
    await add(w.vhs, '二氧化碳气体保护焊平焊操作', { majorId: weld, resourceType: 'micro_lecture' });
    await add(w.vhs, '焊缝质量检验', { majorId: weld, resourceType: 'exercise' });
    await add(w.vhs, '直播带货脚本', { majorId: ecom, description: '直播间话术与焊接无关' });
    await add(w.vhs, '网店运营实务', { majorId: ecom, description: '店铺装修、商品上架' });
    await add(w.vhs, '电弧焊 安全', { description: '接 地' });
    await add(w.vhs, 'PLC编程基础');
    w.ctx.clock.advance(60_000);
    // Shared by 区职业高中: seen by 区职教中心; 区职教中心’s own private one only by itself.
    await share(await add(w.vhs, '焊接变形的控制方法', { majorId: weld }));
    await add(w.vec, '康复评定焊接无关', { description: '' });
    await add(w.vec, '焊接工装夹具（职教中心自用）');
  });
  afterAll(() => w?.ctx.close());

  it('finds the 焊接 resources and nothing else', async () => {
    expect((await titles(w.vhs, 'q=焊接')).sort()).toEqual(
      ['二氧化碳气体保护焊平焊操作', '焊缝质量检验', '焊接变形的控制方法', '直播带货脚本'].sort(),
    );
    // 二氧化碳… and 焊缝… are found through their major (焊接技术应用); 直播带货脚本 through its description.
    expect(await titles(w.vhs, 'q=电弧焊')).toEqual(['电弧焊 安全']);
  });

  it('never matches bigrams that occur apart: every part must occur as written', async () => {
    // "焊 安全" and "接 地" contain 焊, 接, 安全, 地 — but not 焊接 or 安全接地.
    expect(await titles(w.vhs, 'q=安全接地')).toEqual([]);
    expect(await titles(w.vhs, 'q=焊接 微课')).toEqual(['二氧化碳气体保护焊平焊操作']);
    expect(await titles(w.vhs, 'q=ＰＬＣ')).toEqual(['PLC编程基础']);
  });

  it('ranks title matches first, then the rest, newest first within each', async () => {
    const ranked = await titles(w.vhs, 'q=焊接');
    expect(ranked[0]).toBe('焊接变形的控制方法');
    expect(ranked.slice(1).sort()).toEqual(
      ['二氧化碳气体保护焊平焊操作', '焊缝质量检验', '直播带货脚本'].sort(),
    );
  });

  it('respects scope: a school finds its own and district-shared resources only', async () => {
    expect((await titles(w.vec, 'q=焊接')).sort()).toEqual(
      ['康复评定焊接无关', '焊接变形的控制方法', '焊接工装夹具（职教中心自用）'].sort(),
    );
    expect(await titles(w.hrss, 'q=焊接')).toEqual(['焊接变形的控制方法']);
    expect(await titles(w.coordinator, 'q=焊接工装')).toEqual(['焊接工装夹具（职教中心自用）']);
    expect(await titles(w.vhs, 'q=焊接工装')).toEqual([]);
  });

  it('filters by type and school, and refuses a query too short to look up', async () => {
    expect(await titles(w.vhs, 'q=焊接&resourceType=exercise')).toEqual(['焊缝质量检验']);
    expect(await titles(w.coordinator, `q=焊接&schoolId=${w.units.vec}`)).toHaveLength(2);
    expect(refusalOf(await w.vhs.get('/api/teaching-resources?q=焊'))).toEqual([
      400,
      'PROGRAM_SEARCH_QUERY_TOO_SHORT',
    ]);
    const all = (await w.vhs.get('/api/teaching-resources')).json() as Page;
    expect(all.total).toBe(7);
    expect(all.items[0]!.title).toBe('焊接变形的控制方法');
  });

  it('stays exact past the ranking cap: title matches first, pages consistent, totals capped', async () => {
    // 2,300 more resources: 400 with 焊接 in the title, 1,700 with it in the description only, 200 without.
    const fileId = await uploadPdf(w.vhs, 'bulk.pdf');
    const rows = Array.from({ length: 2300 }, (_, i) => {
      const title = i < 400 ? `焊接实训${i}` : `实训指导${i}`;
      const description = i < 2100 ? '焊接' : '钳工';
      return {
        schoolId: w.units.vhs,
        districtId: w.units.district,
        resourceType: 'courseware' as const,
        licence: 'cc_by_4' as const,
        title,
        description,
        fileId,
        shareState: 'private' as const,
        createdAt: new Date(Date.UTC(2021, 0, 1) + i * 60_000),
        updatedAt: new Date(Date.UTC(2021, 0, 1)),
        ...resourceSearchFields({
          title,
          description,
          labels: ['课件'],
          filters: { resourceType: 'courseware' },
        }),
      };
    });
    for (let i = 0; i < rows.length; i += 500)
      await w.ctx.db
        .insertInto('teachingResource')
        .values(rows.slice(i, i + 500))
        .execute();

    const page = async (offset: number, limit = 50) =>
      (await w.vhs.get(`/api/teaching-resources?q=焊接&offset=${offset}&limit=${limit}`)).json() as Page;
    const first = await page(0);
    expect(first).toMatchObject({ total: COUNT_CAP, totalIsLowerBound: true });
    expect(EXACT_CAP).toBeLessThan(2100);
    // Title matches come first, newest first: the one made in May, then the 400 of January.
    expect(first.items.slice(0, 2).map((i) => i.title)).toEqual(['焊接变形的控制方法', '焊接实训399']);
    expect(first.items.every((i) => i.title.includes('焊接'))).toBe(true);
    // 401 title matches, then the rest, newest first: the three made in May, then 实训指导2099 ….
    const boundary = await page(380, 50);
    const cut = boundary.items.findIndex((i) => !i.title.includes('焊接'));
    expect(cut).toBe(21);
    expect(
      boundary.items
        .slice(21, 24)
        .map((i) => i.title)
        .sort(),
    ).toEqual(['二氧化碳气体保护焊平焊操作', '焊缝质量检验', '直播带货脚本'].sort());
    expect(boundary.items[24]!.title).toBe('实训指导2099');
    // Consecutive pages neither skip nor repeat.
    for (const at of [100, 390]) {
      const a = await page(at, 25);
      const b = await page(at + 25, 25);
      const both = await page(at, 50);
      expect(
        [...a.items, ...b.items].map((i) => i.id),
        `from ${at}`,
      ).toEqual(both.items.map((i) => i.id));
    }
    expect(refusalOf(await w.vhs.get('/api/teaching-resources?q=焊接&offset=500'))).toEqual([
      400,
      'VALIDATION_FAILED',
    ]);
    // More than EXACT_CAP title matches: read newest first from the date index.
    const broad = (await w.vhs.get('/api/teaching-resources?q=实训&limit=50')).json() as Page;
    expect(broad.items[0]!.title).toBe('实训指导2299');
    expect(broad.items.every((i) => i.title.includes('实训'))).toBe(true);
    expect(broad.totalIsLowerBound).toBe(true);
    const rare = (await w.vhs.get('/api/teaching-resources?q=钳工')).json() as Page;
    expect(rare).toMatchObject({ total: 200, totalIsLowerBound: false });
  });
});
