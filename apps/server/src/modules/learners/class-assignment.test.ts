import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { actorOf } from '../../test/alert-actors.ts';
import {
  createTestContext,
  createUser,
  login,
  seedShangdang,
  type TestContext,
} from '../../test/test-context.ts';
import { unitsByCodes } from '../org/index.ts';
import { assignClass, listClasses } from './class-assignment.service.ts';
import { identityColumns } from './learner-columns.ts';
import { insertLearners } from './learners.repository.ts';
import { listLearners } from './register.service.ts';

type Detail = { field: string; code: string; message: string; messageEn: string };

async function refusal(p: Promise<unknown>) {
  const e = (await p.then(
    () => null,
    (error: unknown) => error,
  )) as { code: string; status: number; details?: Detail[] } | null;
  expect(e, 'expected a refusal').not.toBeNull();
  return { code: e!.code, status: e!.status, details: e!.details };
}

/**
 * 分班 on a real database: a cohort from 报到 has no class; the school's clerk puts a selection into
 * one (all or nothing, audited), a learner who left is named and nothing is written, another
 * school's clerk and 区教育局's clerk cannot, the register filters by class and by 未分班.
 */
describe('class assignment (分班)', () => {
  let ctx: TestContext;
  let deps: ModuleDeps;
  let actors: Record<'vhs' | 'vec' | 'eduClerk' | 'coordinator', Actor>;
  let units: Map<string, string>;
  const vhsIds: string[] = [];
  let vecId = '';

  async function learner(school: string, n: number, status: 'enrolled' | 'withdrawn') {
    const now = ctx.clock.now();
    const body = `1404212010010${String(n).padStart(4, '0')}`.slice(0, 17);
    const [id] = await insertLearners(ctx.db, [
      {
        schoolId: units.get(school)!,
        districtId: units.get('SD')!,
        majorCode: '700206',
        majorName: '汽车运用与维修',
        className: '',
        cohortYear: 2026,
        name: `新生${n}`,
        ...identityColumns(ctx.crypto, `${body}X`, '2010-01-01'),
        sex: 'M',
        status,
        statusSince: '2026-09-01',
        source: 'import',
        enrollmentRegistrationId: null,
        createdBy: null,
        createdAt: now,
        updatedAt: now,
      },
    ]);
    return id!;
  }

  beforeAll(async () => {
    ctx = await createTestContext({ now: '2026-09-10T02:00:00Z' });
    await seedShangdang(ctx);
    deps = ctx.services.modules.deps.get('learners')!;
    units = new Map(
      [...(await unitsByCodes(ctx.db, ['SD', 'SD-VHS', 'SD-VEC'])).values()].map((u) => [u.code, u.id]),
    );
    actors = {
      vhs: await actorOf(ctx, 'unit_clerk', 'SD-VHS'),
      vec: await actorOf(ctx, 'unit_clerk', 'SD-VEC'),
      eduClerk: await actorOf(ctx, 'unit_clerk', 'SD-EDU'),
      coordinator: await actorOf(ctx, 'coordinator', 'SD-EDU'),
    };
    for (let n = 1; n <= 3; n += 1) vhsIds.push(await learner('SD-VHS', n, 'enrolled'));
    vhsIds.push(await learner('SD-VHS', 4, 'withdrawn'));
    vecId = await learner('SD-VEC', 5, 'enrolled');
  }, 120_000);
  afterAll(() => ctx?.close());

  it('puts the chosen learners into a class, audited once, and the register filters by class and 未分班', async () => {
    const answer = await assignClass(deps, actors.vhs, {
      learnerIds: [vhsIds[0]!, vhsIds[1]!, vhsIds[0]!],
      className: ' 汽修2026-1班 ',
    });
    expect(answer).toEqual({ updated: 2, unchanged: 0 });
    const again = await assignClass(deps, actors.vhs, {
      learnerIds: [vhsIds[0]!],
      className: '汽修2026-1班',
    });
    expect(again).toEqual({ updated: 0, unchanged: 1 });

    const inClass = await listLearners(deps, actors.vhs, { className: '汽修2026-1班' });
    expect(inClass.items.map((l) => l.name).sort()).toEqual(['新生1', '新生2']);
    const unassigned = await listLearners(deps, actors.vhs, { className: '' });
    expect(unassigned.items.map((l) => l.name).sort()).toEqual(['新生3', '新生4']);
    expect((await listClasses(deps, actors.vhs, {})).items).toEqual([
      { schoolId: units.get('SD-VHS'), className: '汽修2026-1班', learners: 2 },
    ]);
    // The coordinator sees the district's classes; another school's clerk not this one's.
    expect((await listClasses(deps, actors.coordinator, {})).items).toHaveLength(1);
    expect((await listClasses(deps, actors.vec, {})).items).toEqual([]);

    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['objectId', 'details'])
      .where('action', '=', 'learner.class_assigned')
      .orderBy('seq')
      .execute();
    // One row per learner moved, with the class it left; none for the one already in it.
    expect(audit.map((a) => a.objectId).sort()).toEqual([vhsIds[0]!, vhsIds[1]!].sort());
    expect(audit[0]!.details).toEqual({ className: '汽修2026-1班', from: '' });
  });

  it('names a learner who left the school and writes nothing', async () => {
    const { status, code, details } = await refusal(
      assignClass(deps, actors.vhs, { learnerIds: [vhsIds[2]!, vhsIds[3]!], className: '汽修2026-2班' }),
    );
    expect({ status, code }).toEqual({ status: 409, code: 'LEARNER_CLASS_REFUSED' });
    expect(details).toHaveLength(1);
    expect(details![0]).toMatchObject({ field: 'learnerIds', code: 'NOT_AT_SCHOOL' });
    expect(details![0]!.message).toContain('新生4');
    expect(details![0]!.messageEn).toContain('left the school');
    const third = await listLearners(deps, actors.vhs, { className: '汽修2026-2班' });
    expect(third.items).toEqual([]);
    // A social learner (社会学习者) is on the register but in no class of it.
    await ctx.db
      .updateTable('learner')
      .set({ kind: 'social', source: 'social', majorCode: '', majorName: '' })
      .where('id', '=', vhsIds[3]!)
      .execute();
    const social = await refusal(
      assignClass(deps, actors.vhs, { learnerIds: [vhsIds[3]!], className: '汽修2026-2班' }),
    );
    expect(social.details!.map((d) => d.code)).toEqual(['SOCIAL_LEARNER']);
    await ctx.db
      .updateTable('learner')
      .set({ kind: 'student', source: 'import', majorCode: '700206', majorName: '汽车运用与维修' })
      .where('id', '=', vhsIds[3]!)
      .execute();
  });

  it('refuses another school’s clerk (404), 区教育局’s clerk and the coordinator (403), mixed schools and a long name', async () => {
    expect(
      (await refusal(assignClass(deps, actors.vec, { learnerIds: [vhsIds[2]!], className: 'X' }))).status,
    ).toBe(404);
    expect(
      (await refusal(assignClass(deps, actors.eduClerk, { learnerIds: [vhsIds[2]!], className: 'X' })))
        .status,
    ).toBe(403);
    expect(
      (await refusal(assignClass(deps, actors.coordinator, { learnerIds: [vhsIds[2]!], className: 'X' })))
        .status,
    ).toBe(403);
    const mixed = await refusal(
      assignClass(deps, actors.coordinator, { learnerIds: [vhsIds[2]!, vecId], className: 'X' }),
    );
    expect(mixed.status).toBe(403);
    const long = await refusal(
      assignClass(deps, actors.vhs, { learnerIds: [vhsIds[2]!], className: '班'.repeat(51) }),
    );
    expect(long).toMatchObject({ status: 400, details: [{ field: 'className', code: 'TOO_LONG' }] });
    expect((await listLearners(deps, actors.vhs, { className: 'X' })).items).toEqual([]);
  });

  it('serves the routes: the clerk’s POST, a 400 naming the field for an empty selection', async () => {
    const client = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-VHS')).username);
    const empty = await client.post('/api/learners/class-assignments', { learnerIds: [], className: 'A' });
    expect(empty.statusCode).toBe(400);
    expect(JSON.stringify(empty.json())).toContain('learnerIds');
    const ok = await client.post('/api/learners/class-assignments', {
      learnerIds: [vhsIds[2]!],
      className: '汽修2026-1班',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ updated: 1, unchanged: 0 });
    const classes = await client.get('/api/learners/classes');
    expect(classes.json().items).toEqual([
      { schoolId: units.get('SD-VHS'), className: '汽修2026-1班', learners: 3 },
    ]);
  });
});
