import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { up } from '../../migrations/0021-finding-labels-without-codes.ts';
import { createTestContext, type Client, type TestContext } from '../../test/test-context.ts';
import { startedInspection, supervisionCast } from './supervision-test-helpers.ts';

describe('review: migration 0021 on labels that hold the code as part of the name', () => {
  let ctx: TestContext;
  let c: Record<string, Client>;
  let inspectionId: string;
  let hrssId: string;
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
  }, 180_000);
  afterAll(() => ctx?.close());

  it('leaves a label alone when the code is part of the indicator’s name, however often it runs', async () => {
    // An indicator whose name holds its code's text (a district may code 5G基站 as 5G): a finding
    // labelled the new way (no code of its own) must keep its name.
    await ctx.db.updateTable('indicator').set({ code: '5G' }).where('id', '=', indicator.id).execute();
    const fresh = await findingOn('indicator', indicator.id);
    const taskLabel = fresh.subjectLabel.slice(0, -indicator.name.length);
    await setLabel(fresh.id, `${taskLabel}5G基站覆盖率`);
    await ctx.db
      .updateTable('finding')
      .set({ evidence: sql`jsonb_set(coalesce(evidence, '{}'::jsonb), '{code}', '"5G"')` })
      .where('id', '=', fresh.id)
      .execute();
    await migrate();
    expect(await label(fresh.id)).toBe(`${taskLabel}5G基站覆盖率`);
  });

  it('runs twice on a label saved with the code without eating the name', async () => {
    const old = await findingOn('indicator', indicator.id);
    const taskLabel = old.subjectLabel.slice(0, -indicator.name.length);
    await setLabel(old.id, `${taskLabel} 5G 5G基站覆盖率`);
    await ctx.db
      .updateTable('finding')
      .set({ evidence: sql`jsonb_set(coalesce(evidence, '{}'::jsonb), '{code}', '"5G"')` })
      .where('id', '=', old.id)
      .execute();
    await migrate();
    expect(await label(old.id)).toBe(`${taskLabel}5G基站覆盖率`);
    await migrate();
    expect(await label(old.id)).toBe(`${taskLabel}5G基站覆盖率`);
  });
});
