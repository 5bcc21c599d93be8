import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { up } from '../../migrations/0021-finding-labels-without-codes.ts';
import { createTestContext, taskByNumber, type Client, type TestContext } from '../../test/test-context.ts';
import { startedInspection, supervisionCast } from './supervision-test-helpers.ts';

describe('migration 0021: finding labels without indicator codes', () => {
  let ctx: TestContext;
  let c: Record<string, Client>;
  let inspectionId: string;
  let hrssId: string;
  let taskId: string;
  let indicator: { id: string; code: string; name: string };

  // A migration runs on the database untyped.
  const migrate = () => up(ctx.db as unknown as Kysely<unknown>);
  const label = async (id: string) =>
    (await ctx.db.selectFrom('finding').select('subjectLabel').where('id', '=', id).executeTakeFirstOrThrow())
      .subjectLabel;
  const setLabel = (id: string, subjectLabel: string) =>
    ctx.db.updateTable('finding').set({ subjectLabel }).where('id', '=', id).execute();
  const findingOn = async (subjectType: 'indicator' | 'task', subjectId: string) => {
    const res = await c.inspector!.post(`/api/supervision/inspections/${inspectionId}/findings`, {
      subjectType,
      subjectId,
      orgUnitId: hrssId,
      title: '推进滞后',
      description: '未按期报送进展',
      severity: 'general',
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { finding: { id: string; subjectLabel: string } }).finding;
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    const cast = await supervisionCast(ctx);
    c = cast.clients;
    hrssId = cast.hrssId;
    inspectionId = await startedInspection(c.coordinator!, {
      endsOn: '2021-05-20',
      inspectorIds: [cast.users.inspector.id],
      scope: [
        { type: 'unit', id: cast.hrssId },
        { type: 'unit', id: cast.finId },
      ],
    });
    indicator = await ctx.db
      .selectFrom('indicator')
      .select(['id', 'code', 'name'])
      .where('kind', '=', 'reported')
      .where('recurrence', '=', 'once')
      .orderBy('code')
      .executeTakeFirstOrThrow();
    // Past its deadline with no value reported, the indicator is off track: a finding may be made on it.
    await ctx.db
      .updateTable('indicator')
      .set({ deadline: '2021-03-31' })
      .where('id', '=', indicator.id)
      .execute();
    taskId = (await taskByNumber(ctx, cast.planId, 9)).id;
  }, 180_000);
  afterAll(() => ctx?.close());

  it('rewrites a label saved with the code to the label a new finding gets, and only once', async () => {
    const fresh = await findingOn('indicator', indicator.id);
    expect(fresh.subjectLabel).not.toContain(indicator.code);
    const taskLabel = fresh.subjectLabel.slice(0, -indicator.name.length);
    const old = await findingOn('indicator', indicator.id);
    await setLabel(old.id, `${taskLabel} ${indicator.code} ${indicator.name}`);
    const bare = await findingOn('indicator', indicator.id);
    await setLabel(bare.id, `${indicator.code} ${indicator.name}`);

    await migrate();
    expect(await label(old.id)).toBe(fresh.subjectLabel);
    expect(await label(bare.id)).toBe(indicator.name);
    expect(await label(fresh.id)).toBe(fresh.subjectLabel);
    await migrate();
    expect(await label(old.id)).toBe(fresh.subjectLabel);
  });

  it('keeps the name the indicator had when the finding was made, and leaves other findings alone', async () => {
    const renamed = await findingOn('indicator', indicator.id);
    const taskLabel = renamed.subjectLabel.slice(0, -indicator.name.length);
    await setLabel(renamed.id, `${taskLabel} ${indicator.code} 旧的指标名称`);
    await ctx.db
      .updateTable('indicator')
      .set({ name: '改过的指标名称' })
      .where('id', '=', indicator.id)
      .execute();
    const onTask = await findingOn('task', taskId);
    const before = await sql<{ n: number }>`SELECT count(*)::int AS n FROM finding`.execute(ctx.db);

    await migrate();
    expect(await label(renamed.id)).toBe(`${taskLabel}旧的指标名称`);
    expect(await label(onTask.id)).toBe(onTask.subjectLabel);
    const after = await sql<{ n: number }>`SELECT count(*)::int AS n FROM finding`.execute(ctx.db);
    expect(after.rows).toEqual(before.rows);
  });
});
