import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import { actorOf, sourceAlerts } from '../../test/alert-actors.ts';
import {
  createTestContext,
  createUser,
  login,
  seedShangdang,
  type TestContext,
} from '../../test/test-context.ts';

describe('programs alerts: mid-term checks and acceptance falling due', () => {
  let ctx: TestContext;
  const actors = {} as Record<'coordinator' | 'vhs' | 'vec' | 'hrss' | 'viewer', Actor>;
  let weld: string;
  let beauty: string;
  const svc = () => ctx.services.programs.projects;
  const alerts = (actor: Actor, today: string, lang: 'zh' | 'en' = 'zh') =>
    sourceAlerts(ctx, 'programs', actor, today, lang);
  const summary = async (actor: Actor, today: string) =>
    (await alerts(actor, today)).map((a) => [a.unit.code, a.kind, a.tier, a.dueDate, a.daysLate]);

  /** A project of the clerk's school, approved (立项) on the clock's day. */
  const approved = async (clerk: Actor, title: string) => {
    const { id } = await svc().createProject(clerk, {
      kind: 'culture_brand',
      title,
      summary: '',
      teacherName: '',
      fileIds: [],
      submit: true,
    });
    await svc().scoreProject(actors.coordinator, id, { score: 90, opinion: '同意立项。' });
    await svc().approveProject(actors.coordinator, id, { level: 'district', note: '' });
    return id;
  };

  beforeAll(async () => {
    ctx = await createTestContext({ now: '2020-06-01T02:00:00Z' });
    await seedShangdang(ctx);
    actors.coordinator = await actorOf(ctx, 'coordinator', 'SD-EDU');
    actors.vhs = await actorOf(ctx, 'unit_clerk', 'SD-VHS');
    actors.vec = await actorOf(ctx, 'unit_clerk', 'SD-VEC');
    actors.hrss = await actorOf(ctx, 'unit_clerk', 'SD-HRSS');
    actors.viewer = await actorOf(ctx, 'viewer', 'SD-EDU');
    weld = await approved(actors.vhs, '焊接技术应用特色文化育人品牌');
    beauty = await approved(actors.vec, '美容美发特色文化育人品牌');
    ctx.clock.set('2020-12-01T02:00:00Z');
    await svc().recordStep(actors.coordinator, beauty, 'midterm', {
      passed: true,
      opinion: '按计划推进。',
      fileIds: [],
    });
  });
  afterAll(() => ctx?.close());

  it('owes the mid-term check a year after approval: blue from 7 days before, then yellow and red', async () => {
    expect(await alerts(actors.coordinator, '2021-05-24')).toEqual([]);
    expect(await summary(actors.coordinator, '2021-05-25')).toEqual([
      ['SD-VHS', 'project_midterm_due', 'blue', '2021-06-01', -7],
    ]);
    expect(await summary(actors.coordinator, '2021-07-01')).toEqual([
      ['SD-VHS', 'project_midterm_overdue', 'yellow', '2021-06-01', 30],
    ]);
    const [red] = await alerts(actors.coordinator, '2021-07-02');
    expect(red).toMatchObject({ tier: 'red', daysLate: 31, link: `/programs/projects?open=${weld}` });
    expect(red!.title).toBe('特色文化育人品牌项目：焊接技术应用特色文化育人品牌');
    expect(red!.message).toBe('中期检查已逾期 31 天（立项 2020-06-01，应于 2021-06-01 前完成）');
    const [en] = await alerts(actors.coordinator, '2021-05-30', 'en');
    expect(en!.message).toBe('The mid-term check is due by 2021-06-01 (2 days left; approved 2020-06-01)');
  });

  it('owes acceptance two years after approval once the mid-term check has passed', async () => {
    expect(await summary(actors.coordinator, '2022-06-03')).toEqual([
      ['SD-VHS', 'project_midterm_overdue', 'red', '2021-06-01', 367],
      ['SD-VEC', 'project_acceptance_overdue', 'yellow', '2022-06-01', 2],
    ]);
  });

  it('shows a school its own projects only; the district (reviewers, viewers) sees all', async () => {
    expect((await summary(actors.vhs, '2022-06-03')).map((a) => a[0])).toEqual(['SD-VHS']);
    expect((await summary(actors.vec, '2022-06-03')).map((a) => a[0])).toEqual(['SD-VEC']);
    expect(await alerts(actors.hrss, '2022-06-03')).toEqual([]);
    expect(await alerts(actors.viewer, '2022-06-03')).toHaveLength(2);
  });

  it('reaches /api/alerts, in the language asked for', async () => {
    ctx.clock.set('2021-05-30T02:00:00Z');
    const clerk = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-VHS')).username);
    const res = await clerk.get('/api/alerts?lang=en');
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: Array<Record<string, unknown>> }).items.filter(
      (a) => a.source === 'programs',
    );
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'project_midterm_due',
        tier: 'blue',
        dueDate: '2021-06-01',
        daysLate: -2,
        title: 'Culture education brand project: 焊接技术应用特色文化育人品牌',
        link: `/programs/projects?open=${weld}`,
      }),
    ]);
  });

  it('stops once the step is recorded, and for a finished project', async () => {
    ctx.clock.set('2021-06-20T02:00:00Z');
    await svc().recordStep(actors.coordinator, weld, 'midterm', {
      passed: true,
      opinion: '合格。',
      fileIds: [],
    });
    expect(await summary(actors.coordinator, '2021-06-21')).toEqual([]);
    ctx.clock.set('2022-06-02T02:00:00Z');
    await svc().recordStep(actors.coordinator, beauty, 'acceptance', {
      passed: false,
      opinion: '建设任务未完成。',
      fileIds: [],
    });
    expect(await summary(actors.coordinator, '2022-06-03')).toEqual([
      ['SD-VHS', 'project_acceptance_overdue', 'yellow', '2022-06-01', 2],
    ]);
  });
});
