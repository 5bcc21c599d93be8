import type { Insertable } from 'kysely';
import type { TestContext } from '../../test/test-context.ts';
import { listOrgUnitInfo } from '../org/index.ts';
import type { TrainingBaseTable } from './training-bases.tables.ts';

/** A record behind an `:id` route, with the org units whose users may see it. */
type Owned = { id: string; unitIds: string[] };

/**
 * For the scoping matrix (platform/http/scoping.test.ts, needs `seedShangdang`): 振东集团's
 * high-level base in operation with 区职教中心 as partner (seen by both, and by 区职业高中, which
 * books the district's bases in operation), 区职教中心's planned in-school base (seen by it alone),
 * a group led by 区职教中心 with 振东集团 and one led by 区职业高中, each with a programme (seen as its group).
 */
export async function trainingBaseScopingRecords(ctx: TestContext): Promise<Array<[string, Owned[]]>> {
  const unit = new Map((await listOrgUnitInfo(ctx.db)).map((u) => [u.code, u.id]));
  const [districtId, zhendong, vec, vhs] = ['SD', 'SD-ZHENDONG', 'SD-VEC', 'SD-VHS'].map((c) => unit.get(c)!);
  const now = ctx.clock.now();
  const base = (over: Partial<Insertable<TrainingBaseTable>>): Insertable<TrainingBaseTable> => ({
    districtId: districtId!,
    name: '实训基地',
    kind: 'high_level',
    ownerId: zhendong!,
    majors: [],
    capacity: 20,
    status: 'operating',
    plannedOn: null,
    constructionStartedOn: null,
    operatingSince: '2020-09-01',
    createdBy: null,
    createdAt: now,
    updatedAt: now,
    ...over,
  });
  const insert = async (values: Insertable<TrainingBaseTable>) =>
    (await ctx.db.insertInto('trainingBase').values(values).returning('id').executeTakeFirstOrThrow()).id;
  const highLevel = await insert(base({ name: '振东集团中药制药实训基地' }));
  await ctx.db.insertInto('trainingBasePartner').values({ baseId: highLevel, unitId: vec! }).execute();
  const planned = await insert(
    base({
      name: '区职教中心护理实训基地',
      kind: 'in_school',
      ownerId: vec!,
      status: 'planned',
      operatingSince: null,
    }),
  );
  const group = async (name: string, lead: string, members: string[]) => {
    const id = (
      await ctx.db
        .insertInto('vetGroup')
        .values({
          districtId: districtId!,
          name,
          leadUnitId: lead,
          foundedOn: null,
          createdBy: null,
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await ctx.db
      .insertInto('vetGroupMember')
      .values(
        members.map(
          (m) =>
            ({
              groupId: id,
              unitId: m,
              kind: m === zhendong ? 'enterprise' : 'vocational_school',
              role: 'member',
              joinedOn: '2020-01-01',
            }) as const,
        ),
      )
      .execute();
    return id;
  };
  const vecGroup = await group('医药康养职教联盟', vec!, [vec!, zhendong!]);
  const vhsGroup = await group('装备制造职教联盟', vhs!, [vhs!]);
  const programme = async (groupId: string, unitIds: string[]) =>
    (
      await ctx.db
        .insertInto('vetGroupProgramme')
        .values({
          groupId,
          kind: 'articulation',
          name: '中高职衔接班',
          year: 2021,
          unitIds,
          places: 40,
          enrolled: 38,
          createdBy: null,
          createdAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const vecProgramme = await programme(vecGroup, [vec!]);
  const vhsProgramme = await programme(vhsGroup, [vhs!]);
  return [
    [
      '/api/training-bases/:id',
      [
        { id: highLevel, unitIds: [zhendong!, vec!, vhs!] },
        { id: planned, unitIds: [vec!] },
      ],
    ],
    [
      '/api/vet-groups/:id',
      [
        { id: vecGroup, unitIds: [vec!, zhendong!] },
        { id: vhsGroup, unitIds: [vhs!] },
      ],
    ],
    [
      '/api/vet-group-programmes/:id/linkable-enrollment-programs',
      [
        { id: vecProgramme, unitIds: [vec!, zhendong!] },
        { id: vhsProgramme, unitIds: [vhs!] },
      ],
    ],
  ];
}
