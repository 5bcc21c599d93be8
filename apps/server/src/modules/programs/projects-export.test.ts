import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExport } from '../../test/read-export.ts';
import { createProgramsWorld, openMajor, type ProgramsWorld } from './programs.test-helpers.ts';

describe('the projects export (项目管理 .xlsx)', () => {
  let w: ProgramsWorld;

  beforeAll(async () => {
    w = await createProgramsWorld({ now: '2021-03-01T02:00:00Z' });
    for (const [client, title] of [
      [w.vhs, '焊接技术应用品牌专业建设'],
      [w.vec, '@数控技术品牌专业建设'],
    ] as const) {
      const res = await client.post('/api/program-projects', {
        kind: 'brand_major',
        title,
        majorId: await openMajor(client, '660107'),
        submit: true,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
  }, 180_000);
  afterAll(() => w?.ctx.close());

  it('holds what each actor’s list holds: the district both schools, a school its own', async () => {
    const list = (await w.coordinator.get('/api/program-projects')).json() as {
      items: Array<{ title: string }>;
    };
    const all = await readExport(await w.coordinator.get('/api/program-projects/export.xlsx'));
    expect(all.sheetName).toBe('项目管理');
    expect(all.rows.map((r) => r[0])).toEqual(
      list.items.map((p) => (p.title.startsWith('@') ? `'${p.title}` : p.title)),
    );
    expect(all.rows).toHaveLength(2);
    const own = await readExport(await w.vhs.get('/api/program-projects/export.xlsx'));
    expect(own.rows.map((r) => [r[0], r[1], r[7]])).toEqual([
      ['焊接技术应用品牌专业建设', '品牌专业', '已申报'],
    ]);
  });

  it('applies the filters and audits the export', async () => {
    const bySchool = await readExport(
      await w.coordinator.get(`/api/program-projects/export.xlsx?schoolId=${w.units.vec}`),
    );
    expect(bySchool.rows.map((r) => r[0])).toEqual(["'@数控技术品牌专业建设"]);
    expect(bySchool.titleBlock[1]).toMatch(/^筛选：学校=/);
    const approved = await readExport(
      await w.coordinator.get('/api/program-projects/export.xlsx?state=approved'),
    );
    expect(approved.rows).toEqual([]);
    const audit = await w.ctx.db
      .selectFrom('auditLog')
      .select(['objectType', 'details'])
      .where('action', '=', 'programs.export')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => [a.objectType, (a.details as { rows: number }).rows])).toEqual([
      ['program_project', 2],
      ['program_project', 1],
      ['program_project', 1],
      ['program_project', 0],
    ]);
  });
});
