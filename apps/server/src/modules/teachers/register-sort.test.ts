import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { up as addNameSortKey } from '../../migrations/0025-teacher-name-sort-key.ts';
import { zhCollator } from '../../platform/text/sort-key.ts';
import { createTestContext, type Client, type TestContext } from '../../test/test-context.ts';
import { readExport } from '../../test/read-export.ts';
import { insertRecognition } from './dq.repository.ts';
import { createTeacher, errorOf, teacherBody, teachersCast, validId } from './teachers-test-helpers.ts';

type Item = { id: string; name: string; age: number; hireDate: string; school: { name: string } };
type Page = { items: Item[]; total: number };

/**
 * Names whose pinyin order (阿 白 陈 李 张 周) is not their code-point order (周 张 李 白 阿 陈), so
 * a database sorting by bytes or by a collation without Chinese would fail here; 张三 twice.
 */
const TEACHERS = [
  { name: '周杰', birth: '1980-02-01', hire: '2012-09-01', school: 'vhs' },
  { name: '张三', birth: '1990-06-15', hire: '2015-09-01', school: 'vhs' },
  { name: '李四', birth: '1975-11-30', hire: '2015-09-01', school: 'vec' },
  { name: '白雪', birth: '1988-01-20', hire: '2010-03-01', school: 'vhs' },
  { name: '阿明', birth: '1983-07-07', hire: '2018-09-01', school: 'vec' },
  { name: '陈刚', birth: '1979-04-04', hire: '2015-09-01', school: 'vhs' },
  { name: '张三', birth: '1986-12-12', hire: '2011-09-01', school: 'vec' },
] as const;

describe('sorting the teacher register on the server', () => {
  let ctx: TestContext;
  let cast: Awaited<ReturnType<typeof teachersCast>>;
  let coordinator: Client;
  const ids = new Map<number, string>();
  const list = async (query: string) => {
    const res = await coordinator.get(`/api/teachers?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };
  /** Every teacher of the list, read two at a time, so the order must hold across pages. */
  const allPages = async (query: string) => {
    const out: Item[] = [];
    for (let offset = 0; ; offset += 2) {
      const page = await list(`${query}&limit=2&offset=${offset}`);
      out.push(...page.items);
      if (out.length >= page.total) return out;
    }
  };
  const nameOf = (id: string) => TEACHERS[[...ids].find(([, v]) => v === id)![0]]!.name;

  beforeAll(async () => {
    ctx = await createTestContext();
    cast = await teachersCast(ctx);
    coordinator = cast.clients.coordinator;
    for (const [i, t] of TEACHERS.entries()) {
      const id = await createTeacher(
        cast.clients[t.school],
        teacherBody(t.school === 'vhs' ? cast.vhsId : cast.vecId, {
          name: t.name,
          idNumber: validId(t.birth, 100 + i),
          hireDate: t.hire,
          specialisedPeriods: [{ startsOn: t.hire, endsOn: null }],
        }),
      );
      ids.set(i, id);
    }
    // 双师型: 李四 高级, 阿明 and 周杰 中级 (阿明's valid longer), the rest none.
    const recognise = (i: number, level: 'senior' | 'intermediate', validUntil: string) =>
      insertRecognition(ctx.db, {
        teacherId: ids.get(i)!,
        applicationId: null,
        level,
        certifyingBody: '长治市教育局',
        recognisedOn: '2020-01-01',
        validFrom: '2020-01-01',
        validUntil,
        certificateNo: '',
        recordedBy: null,
        recordedAt: ctx.clock.now(),
      });
    await recognise(2, 'senior', '2024-12-31');
    await recognise(4, 'intermediate', '2025-12-31');
    await recognise(0, 'intermediate', '2023-12-31');
  });
  afterAll(() => ctx?.close());

  it('sorts names in pinyin order across pages, the same name by id, and reverses for desc', async () => {
    const asc = await allPages('sort=name&order=asc');
    expect(asc.map((t) => t.name)).toEqual(['阿明', '白雪', '陈刚', '李四', '张三', '张三', '周杰']);
    const twins = [ids.get(1)!, ids.get(6)!].sort();
    expect(asc.slice(4, 6).map((t) => t.id)).toEqual(twins);
    const desc = await allPages('sort=name&order=desc');
    expect(desc.map((t) => t.id)).toEqual(asc.map((t) => t.id).reverse());
    expect((await allPages('sort=name')).map((t) => t.id)).toEqual(asc.map((t) => t.id));
  });

  it('sorts by hire date, age and 双师型 level, ties by name then id', async () => {
    const hired = await allPages('sort=hireDate&order=desc');
    expect(hired.map((t) => `${t.hireDate} ${t.name}`)).toEqual([
      '2018-09-01 阿明',
      '2015-09-01 陈刚',
      '2015-09-01 李四',
      '2015-09-01 张三',
      '2012-09-01 周杰',
      '2011-09-01 张三',
      '2010-03-01 白雪',
    ]);
    const ages = (await allPages('sort=age&order=asc')).map((t) => t.age);
    expect(ages).toEqual([...ages].sort((a, b) => a - b));
    expect(ages[0]).toBeLessThan(ages.at(-1)!);
    const dq = await allPages('sort=dq&order=desc');
    expect(dq.map((t) => t.name)).toEqual(['李四', '阿明', '周杰', '白雪', '陈刚', '张三', '张三']);
  });

  it('sorts schools by name in pinyin order, teachers within a school by name', async () => {
    const rows = await allPages('sort=school&order=desc');
    const schools = [...new Set(rows.map((t) => t.school.name))];
    expect(schools).toEqual([...schools].sort(zhCollator.compare).reverse());
    for (const school of schools) {
      const names = rows.filter((t) => t.school.name === school).map((t) => t.name);
      expect(names).toEqual([...names].sort(zhCollator.compare));
    }
  });

  it('keeps the default order: school, then name in pinyin order', async () => {
    const rows = await allPages('status=employed');
    const vhs = rows.filter((t) => t.school.name === rows[0]!.school.name).map((t) => t.name);
    expect(vhs).toEqual([...vhs].sort(zhCollator.compare));
    expect(rows).toHaveLength(TEACHERS.length);
  });

  it('moves a renamed teacher to the new name’s place', async () => {
    const zhou = ids.get(0)!;
    const rename = async (name: string) => {
      const {
        schoolId: _s,
        idNumber: _i,
        ...body
      } = teacherBody(cast.vhsId, {
        name,
        hireDate: TEACHERS[0].hire,
        specialisedPeriods: [{ startsOn: TEACHERS[0].hire, endsOn: null }],
      });
      const res = await cast.clients.vhs.put(`/api/teachers/${zhou}`, body);
      expect(res.statusCode, res.body).toBe(200);
    };
    await rename('安杰');
    expect((await allPages('sort=name')).slice(0, 2).map((t) => t.name)).toEqual(['阿明', '安杰']);
    await rename('周杰');
    expect((await allPages('sort=name')).at(-1)!.id).toBe(zhou);
  });

  it('refuses a column it cannot sort by, naming the field and the columns in Chinese and English', async () => {
    const res = await coordinator.get('/api/teachers?sort=idNumber');
    expect(res.statusCode).toBe(400);
    const error = errorOf(res);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual([
      {
        field: 'querystring.sort',
        code: 'NOT_ONE_OF',
        message: '字段 querystring.sort 只能取以下值之一：name、school、age、hireDate、dq',
        messageEn: 'Field querystring.sort must be one of: name, school, age, hireDate, dq',
      },
    ]);
    const bad = await coordinator.get('/api/teachers?sort=name&order=up');
    expect(errorOf(bad).details).toEqual([expect.objectContaining({ field: 'querystring.order' })]);
    const alone = await coordinator.get('/api/teachers?order=desc');
    expect(alone.statusCode).toBe(400);
    expect(errorOf(alone).details).toEqual([
      expect.objectContaining({ field: 'order', code: 'SORT_REQUIRED' }),
    ]);
  });

  it('exports the register in the order asked for, and says so in the title block', async () => {
    const x = await readExport(await coordinator.get('/api/teachers/export.xlsx?sort=hireDate&order=desc'));
    const page = await allPages('sort=hireDate&order=desc');
    expect(x.rows.map((r) => r[1])).toEqual(page.map((t) => t.name));
    expect(x.titleBlock.join(' ')).toContain('入职日期（降序）');
    const bad = await coordinator.get('/api/teachers/export.xlsx?sort=phone');
    expect(errorOf(bad).details).toEqual([expect.objectContaining({ code: 'NOT_ONE_OF' })]);
  });

  it('migration 0022 gives the teachers already on a register their sort keys', async () => {
    const rollback = new Error('rollback');
    let keys: Array<{ id: string; nameSortKey: string }> = [];
    await ctx.db
      .transaction()
      .execute(async (trx) => {
        await sql`ALTER TABLE teacher DROP COLUMN name_sort_key`.execute(trx);
        await addNameSortKey(trx as unknown as Kysely<unknown>);
        keys = await trx
          .selectFrom('teacher')
          .select(['id', 'nameSortKey'])
          .orderBy('nameSortKey')
          .orderBy('id')
          .execute();
        throw rollback;
      })
      .catch((e: unknown) => {
        if (e !== rollback) throw e;
      });
    expect(keys.map((r) => nameOf(r.id))).toEqual(['阿明', '白雪', '陈刚', '李四', '张三', '张三', '周杰']);
    const after = await ctx.db.selectFrom('teacher').select('nameSortKey').execute();
    expect(after).toHaveLength(TEACHERS.length);
  });
});
