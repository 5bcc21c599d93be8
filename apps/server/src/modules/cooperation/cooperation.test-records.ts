import type { TestContext } from '../../test/test-context.ts';
import { listOrgUnitInfo } from '../org/index.ts';

/** A record behind an `:id` route, with the org units whose users may see it. */
type Owned = { id: string; unitIds: string[] };

/**
 * For the scoping matrix (platform/http/scoping.test.ts, needs `seedShangdang`): an agreement of
 * 区职教中心 with 振东集团, an apprenticeship under it and an innovation centre of 区职教中心 with
 * 振东集团 as partner — each seen by the school and the enterprise only (and the district-wide).
 */
export async function cooperationScopingRecords(ctx: TestContext): Promise<Array<[string, Owned[]]>> {
  const units = await listOrgUnitInfo(ctx.db);
  const unit = new Map(units.map((u) => [u.code, u.id]));
  const districtId = unit.get('SD')!;
  const schoolId = unit.get('SD-VEC')!;
  const enterpriseId = unit.get('SD-ZHENDONG')!;
  const now = ctx.clock.now();
  const agreement = await ctx.db
    .insertInto('cooperationAgreement')
    .values({
      schoolId,
      enterpriseId,
      districtId,
      title: '区职教中心—振东集团校企合作协议',
      startsOn: '2020-09-01',
      endsOn: '2023-08-31',
      scopes: ['modern_apprenticeship'],
      signedOn: null,
      agreementFileId: null,
      state: 'in_force',
      terminatedOn: null,
      createdBy: null,
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const apprenticeship = await ctx.db
    .insertInto('apprenticeship')
    .values({
      agreementId: agreement.id,
      schoolId,
      enterpriseId,
      districtId,
      scheme: 'modern',
      title: '药剂专业现代学徒制试点班',
      occupation: '药剂',
      startsOn: '2020-09-01',
      endsOn: '2022-07-15',
      apprenticeCount: 30,
      schoolMentors: ['李红梅'],
      enterpriseMentors: ['张振华'],
      planFileId: null,
      state: 'draft',
      schoolApprovedOn: null,
      enterpriseApprovedOn: null,
      completedOn: null,
      terminatedOn: null,
      completedCount: null,
      createdBy: null,
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const centre = await ctx.db
    .insertInto('cooperationCentre')
    .values({
      kind: 'innovation_centre',
      name: '中药制剂应用技术协同创新中心',
      schoolId,
      districtId,
      partnerIds: [enterpriseId],
      openedOn: '2021-03-01',
      state: 'operating',
      closedOn: null,
      createdBy: null,
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const parties = [schoolId, enterpriseId];
  return [
    ['/api/cooperation-agreements/:id', [{ id: agreement.id, unitIds: parties }]],
    ['/api/apprenticeships/:id', [{ id: apprenticeship.id, unitIds: parties }]],
    ['/api/cooperation-centres/:id', [{ id: centre.id, unitIds: parties }]],
  ];
}
