import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoActor } from '../../demo/demo-actors.ts';
import { findOrgUnitByCode } from '../../modules/org/index.ts';
import type { Runtime } from '../../runtime.ts';
import { createDemoTestContext, createUser, login, type TestContext } from '../../test/test-context.ts';
import type { SearchGroup, SearchKind } from './search-sources.ts';

describe('global search on the demo district', () => {
  let ctx: TestContext;
  let rt: Runtime;
  const search = async (username: string, text: string, kind?: SearchKind) => {
    const { groups, unavailable } = await ctx.services.searchSources.search(await demoActor(rt, username), {
      text,
      lang: 'zh',
      ...(kind ? { kind } : {}),
    });
    expect(unavailable).toEqual([]);
    return groups;
  };
  const group = (groups: SearchGroup[], kind: SearchKind) => groups.find((g) => g.kind === kind);
  const ids = (groups: SearchGroup[], kind: SearchKind) => group(groups, kind)?.hits.map((h) => h.id) ?? [];
  const unitId = async (code: string) => (await findOrgUnitByCode(ctx.db, code))!.id;

  beforeAll(async () => {
    ({ ctx, rt } = await createDemoTestContext());
  }, 900_000);
  afterAll(() => ctx?.close());

  it('finds tasks by title and number, indicators by name, and units, for the coordinator', async () => {
    const coordinator = await demoActor(rt, 'coordinator');
    const [plan] = await ctx.services.plans.view.listPlans(coordinator);
    const tasks = await ctx.services.plans.view.listTasks(coordinator, plan!.code);
    const task = tasks.find((t) => t.number === 7)!;
    const byTitle = await search('coordinator', task.title.slice(0, 6));
    expect(ids(byTitle, 'task')).toContain(task.id);
    const hit = group(byTitle, 'task')!.hits.find((h) => h.id === task.id)!;
    expect(hit.link).toBe(`/tasks/${task.id}`);
    expect(ids(await search('coordinator', '17', 'task'), 'task')).toContain(
      tasks.find((t) => t.number === 17)!.id,
    );

    const dq = await search('coordinator', '双师型');
    expect(group(dq, 'indicator')!.total).toBeGreaterThan(0);
    expect(group(dq, 'indicator')!.hits[0]!.link).toMatch(/^\/indicators\//);

    const units = await search('coordinator', '职业高中', 'unit');
    expect(units.map((g) => g.kind)).toEqual(['unit']);
    expect(group(units, 'unit')!.hits.map((h) => h.title)).toContain('区职业高中');
  });

  it('shows indicator codes to the coordinator only, and finds by code only for them', async () => {
    const coordinator = await demoActor(rt, 'coordinator');
    const [plan] = await ctx.services.plans.view.listPlans(coordinator);
    const indicators = await ctx.services.plans.view.listIndicators(coordinator, plan!.code);
    const indicator = indicators.find((i) => i.code.includes('-'))!;
    expect(ids(await search('coordinator', indicator.code, 'indicator'), 'indicator')).toContain(
      indicator.id,
    );
    for (const username of ['vhs', 'hrss', 'inspector']) {
      expect(await search(username, indicator.code, 'indicator'), username).toEqual([]);
      const byName = await search(username, indicator.name.slice(0, 4), 'indicator');
      for (const h of group(byName, 'indicator')?.hits ?? [])
        expect(`${h.title} ${h.subtitle}`, username).not.toContain(indicator.code.slice(0, 3));
    }
  });

  it('finds teachers by name in the register’s own scope, without ID numbers or phones', async () => {
    const vhsId = await unitId('SD-VHS');
    const teacher = await ctx.db
      .selectFrom('teacher')
      .select(['id', 'name', 'idMasked', 'phoneMasked'])
      .where('schoolId', '=', vhsId)
      .where('leaveDate', 'is', null)
      .executeTakeFirstOrThrow();
    const coordinator = await search('coordinator', teacher.name, 'teacher');
    expect(ids(coordinator, 'teacher')).toContain(teacher.id);
    const hit = group(coordinator, 'teacher')!.hits.find((h) => h.id === teacher.id)!;
    expect(hit).toMatchObject({
      title: teacher.name,
      unitName: '区职业高中',
      link: `/teachers/${teacher.id}`,
    });
    expect(JSON.stringify(coordinator)).not.toContain(teacher.idMasked.slice(0, 6));
    expect(ids(await search('vhs', teacher.name), 'teacher')).toContain(teacher.id);
    // Another school's clerk, the junior highs' liaisons and a bureau see none of them.
    for (const username of ['vec', 'jhs1', 'jhs2', 'hrss'])
      expect(group(await search(username, teacher.name), 'teacher'), username).toBeUndefined();
  });

  it('finds projects and documents in each module’s own list scope', async () => {
    const vhsId = await unitId('SD-VHS');
    const project = await ctx.db
      .selectFrom('programProject')
      .select(['id', 'title'])
      .where('schoolId', '=', vhsId)
      .executeTakeFirstOrThrow();
    expect(ids(await search('vhs', project.title, 'project'), 'project')).toContain(project.id);
    expect(ids(await search('coordinator', project.title, 'project'), 'project')).toContain(project.id);
    expect(group(await search('vec', project.title), 'project')).toBeUndefined();

    const meeting = await ctx.db.selectFrom('meeting').select(['id', 'title']).executeTakeFirstOrThrow();
    const docs = await search('coordinator', meeting.title, 'document');
    expect(group(docs, 'document')!.hits.map((h) => h.link)).toContain(`/meetings/${meeting.id}`);

    const inspection = await ctx.db
      .selectFrom('inspection')
      .select(['id', 'title', 'documentNumber'])
      .where('documentNumber', 'is not', null)
      .executeTakeFirstOrThrow();
    const found = await search('coordinator', inspection.title, 'document');
    expect(group(found, 'document')!.hits.map((h) => h.link)).toContain(
      `/supervision/inspections/${inspection.id}`,
    );
    // By its 文号 too, matched in SQL (the inspection list's own `q`).
    const byNumber = await search('coordinator', inspection.documentNumber!, 'document');
    expect(group(byNumber, 'document')!.hits.map((h) => h.link)).toContain(
      `/supervision/inspections/${inspection.id}`,
    );
    expect(
      group(await search('jhs1', inspection.title, 'document'), 'document')?.hits ?? [],
    ).not.toContainEqual(expect.objectContaining({ link: `/supervision/inspections/${inspection.id}` }));
  });

  it('finds progress-report evidence by file name only for those who read the report', async () => {
    // The demo's reports carry no files: one of hrss's reports gets one, as the report form attaches it.
    const hrss = await demoActor(rt, 'hrss');
    const report = await ctx.db
      .selectFrom('progressReport')
      .select(['id', 'orgUnitId', 'taskId'])
      .where('orgUnitId', '=', hrss.orgUnitId)
      .executeTakeFirstOrThrow();
    const file = await ctx.db
      .insertInto('storedFile')
      .values({
        orgUnitId: report.orgUnitId,
        uploadedBy: hrss.userId,
        originalName: '检索佐证-技能培训补贴发放台账.xlsx',
        kind: 'evidence',
        mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        sizeBytes: 1,
        sha256: '0'.repeat(64),
        storageKey: 'search-test',
        createdAt: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db.insertInto('progressReportFile').values({ reportId: report.id, fileId: file.id }).execute();
    const evidence = {
      fileId: file.id,
      originalName: '技能培训补贴发放台账',
      orgUnitId: report.orgUnitId,
      taskId: report.taskId,
    };
    const found = group(await search('coordinator', evidence.originalName, 'document'), 'document')!;
    expect(found.hits).toContainEqual(
      expect.objectContaining({ id: evidence.fileId, link: `/tasks/${evidence.taskId}` }),
    );
    for (const username of ['hrss', 'finance', 'vhs', 'vec', 'jhs1', 'inspector']) {
      const actor = await demoActor(rt, username);
      const reads = actor.scope.all || actor.scope.orgUnitIds.includes(evidence.orgUnitId);
      const got = ids(await search(username, evidence.originalName, 'document'), 'document');
      expect(got.includes(evidence.fileId), username).toBe(reads);
    }
  });

  it('gives a consultation draft to the plan’s editors only; a bureau clerk reads only public ones', async () => {
    const consultation = await ctx.db
      .selectFrom('consultation')
      .select(['id', 'title', 'status'])
      .executeTakeFirstOrThrow();
    const text = consultation.title.slice(1, 12);
    expect(ids(await search('coordinator', text, 'document'), 'document')).toContain(consultation.id);
    const open = group(await search('hrss', text, 'document'), 'document')!;
    expect(open.hits.map((h) => h.link)).toContain(`/consultations/${consultation.id}`);
    await ctx.db
      .updateTable('consultation')
      .set({ status: 'draft' })
      .where('id', '=', consultation.id)
      .execute();
    try {
      expect(ids(await search('coordinator', text, 'document'), 'document')).toContain(consultation.id);
      for (const username of ['hrss', 'finance', 'vhs', 'inspector'])
        expect(ids(await search(username, text, 'document'), 'document'), username).not.toContain(
          consultation.id,
        );
    } finally {
      await ctx.db
        .updateTable('consultation')
        .set({ status: consultation.status })
        .where('id', '=', consultation.id)
        .execute();
    }
  });

  it('matches %, _ and \\ literally', async () => {
    const vhsId = await unitId('SD-VHS');
    const [a, b] = await ctx.db
      .selectFrom('programProject')
      .select('id')
      .where('schoolId', '=', vhsId)
      .orderBy('id')
      .limit(2)
      .execute();
    await ctx.db
      .updateTable('programProject')
      .set({ title: '检索实训100%_覆盖a\\b计划' })
      .where('id', '=', a!.id)
      .execute();
    await ctx.db
      .updateTable('programProject')
      .set({ title: '检索实训100XY覆盖ab计划' })
      .where('id', '=', b!.id)
      .execute();
    expect(ids(await search('vhs', '100%_', 'project'), 'project')).toEqual([a!.id]);
    expect(ids(await search('vhs', 'a\\b', 'project'), 'project')).toEqual([a!.id]);
    expect(ids(await search('vhs', '100%', 'project'), 'project')).toEqual([a!.id]);
    expect(ids(await search('vhs', '检索实训', 'project'), 'project').sort()).toEqual([a!.id, b!.id].sort());
  });

  it('answers GET /api/search grouped by kind, validates q, and refuses an account without a role', async () => {
    const clerk = await createUser(ctx, 'unit_clerk', 'SD-VHS');
    const client = await login(ctx, clerk.username);
    const res = await client.get(`/api/search?q=${encodeURIComponent('职业高中')}&lang=en`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { q: string; groups: SearchGroup[] };
    expect(body.q).toBe('职业高中');
    expect(group(body.groups, 'unit')!.hits[0]).toMatchObject({ kind: 'unit', title: expect.any(String) });
    for (const g of body.groups) expect(g.hits.length).toBeLessThanOrEqual(8);

    const onlyUnits = (
      await client.get(`/api/search?q=${encodeURIComponent('职业高中')}&kind=unit`)
    ).json() as {
      groups: SearchGroup[];
    };
    expect(onlyUnits.groups.map((g) => g.kind)).toEqual(['unit']);

    for (const [q, code] of [
      ['a', 'TOO_SHORT'],
      ['  ', 'TOO_SHORT'],
      ['长'.repeat(51), 'TOO_LONG'],
    ] as const) {
      const bad = await client.get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(bad.statusCode, q).toBe(400);
      const error = (
        bad.json() as {
          error: { code: string; details: Array<{ field: string; code: string; message: string }> };
        }
      ).error;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details[0]).toMatchObject({ field: 'q', code });
      expect(error.details[0]!.message).toContain('搜索内容');
    }
    expect((await client.get('/api/search?q=%E9%95%BF')).statusCode).toBe(200);

    expect((await ctx.app.inject({ method: 'GET', url: '/api/search?q=ab' })).statusCode).toBe(401);
    await ctx.services.org.users.createUser(null, {
      username: 'search-no-role',
      displayName: 'search-no-role',
      orgUnitCode: 'SD-VHS',
      password: 'Zhi-jiao#2026',
      mustChangePassword: false,
    });
    const waiting = await login(ctx, 'search-no-role');
    expect((await waiting.get('/api/search?q=ab')).statusCode).toBe(403);
  });

  it('leaves out a failing source, answers with the others and names the kinds left out', async () => {
    const { SearchSources } = await import('./search-sources.ts');
    const logged: string[] = [];
    const sources = new SearchSources((name) => logged.push(name));
    sources.register('broken', { kinds: ['task'], search: () => Promise.reject(new Error('boom')) });
    sources.register('fine', {
      kinds: ['unit'],
      search: async () => [
        {
          kind: 'unit',
          total: 1,
          hits: [{ kind: 'unit', id: 'u', title: 'x', subtitle: '', unitName: null, link: '/' }],
        },
      ],
    });
    const coordinator = await demoActor(rt, 'coordinator');
    const { groups, unavailable } = await sources.search(coordinator, { text: 'ab', lang: 'zh' });
    expect(groups.map((g) => g.kind)).toEqual(['unit']);
    expect(unavailable).toEqual(['task']);
    expect(logged).toEqual(['broken']);
    // Asked for units only, the broken task source is not asked at all: nothing is missing.
    expect((await sources.search(coordinator, { text: 'ab', lang: 'zh', kind: 'unit' })).unavailable).toEqual(
      [],
    );
  });
});
