import type { Insertable } from 'kysely';
import type { TestContext } from '../../test/test-context.ts';
import { maskResidentId } from '../../platform/validation/identifiers.ts';
import { listOrgUnitInfo } from '../org/index.ts';
import { idNumber } from './internships.test-helpers.ts';
import type { InternshipPostTable } from './internships.tables.ts';

/**
 * A record behind an `:id` route, with the org units whose users may see it (through their scope)
 * and those whose own users do (not a unit above them).
 */
type Owned = { id: string; unitIds: string[]; ownUnitIds?: string[] };

/**
 * For the scoping matrix (platform/http/scoping.test.ts, needs `seedShangdang`): a draft post of
 * 振东集团 (seen by the enterprise only), two published ones (also seen by the district's
 * vocational schools, which place students on them: by their own users, not by a bureau above
 * them), a placement of a 区职教中心 student on the first (seen by the school and the enterprise, not
 * by 区职业高中) — so the first post is also read by whoever reads the placement (区教育局 above the
 * school), the second not.
 */
export async function internshipScopingRecords(ctx: TestContext): Promise<Array<[string, Owned[]]>> {
  const units = await listOrgUnitInfo(ctx.db);
  const unit = new Map(units.map((u) => [u.code, u.id]));
  const districtId = unit.get('SD')!;
  const enterpriseId = unit.get('SD-ZHENDONG')!;
  const placing = ['SD-VHS', 'SD-VEC', 'SD-PVT1'].map((c) => unit.get(c)!);
  const now = ctx.clock.now();
  const post = (state: 'draft' | 'published'): Insertable<InternshipPostTable> => ({
    enterpriseId,
    districtId,
    title: `药品生产线岗位实习（${state}）`,
    kind: 'post',
    majors: ['药剂'],
    places: 5,
    year: 2021,
    startsOn: '2021-06-01',
    endsOn: '2021-08-31',
    location: '振东集团',
    dailyHours: 8,
    weeklyHours: 40,
    nightWork: false,
    overtimeWork: false,
    holidayWork: false,
    venue: null,
    labourIntensityClass: 2,
    highRiskWork: [],
    monthlyPay: 2800,
    sameJobMonthlyWage: 3200,
    lowestWageGrade: null,
    staffOnPost: 30,
    state,
    publishedOn: state === 'published' ? '2021-05-01' : null,
    closedOn: null,
    createdBy: null,
    createdAt: now,
    updatedAt: now,
  });
  const [draft, published, unplaced] = await Promise.all(
    (['draft', 'published', 'published'] as const).map(
      async (state) =>
        (
          await ctx.db
            .insertInto('internshipPost')
            .values(post(state))
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
    ),
  );
  const id = idNumber('2003-05-05', 31);
  const schoolId = unit.get('SD-VEC')!;
  const placement = await ctx.db
    .insertInto('internshipPlacement')
    .values({
      postId: published!,
      enterpriseId,
      schoolId,
      districtId,
      studentName: '张子涵',
      studentIdCipher: ctx.crypto.encrypt(id),
      studentIdIndex: ctx.crypto.blindIndex(id),
      studentIdMasked: maskResidentId(id),
      birthDateCipher: ctx.crypto.encrypt('2003-05-05'),
      ageAtStart: 18,
      sex: 'M',
      major: '药剂',
      studyYear: 2,
      startsOn: '2021-06-01',
      endsOn: '2021-08-31',
      monthlyPay: 2800,
      agreementFileId: null,
      agreementSignedOn: null,
      consentFileId: null,
      studentConsentOn: null,
      guardianConsentOn: null,
      insurer: null,
      policyNumber: null,
      insuranceStartsOn: null,
      insuranceEndsOn: null,
      premiumPaidBy: null,
      insuranceFileId: null,
      state: 'draft',
      activatedOn: null,
      endedOn: null,
      createdBy: null,
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const placements = [{ id: placement.id, unitIds: [schoolId, enterpriseId] }];
  return [
    [
      '/api/internship-posts/:id',
      [
        { id: draft!, unitIds: [enterpriseId] },
        // The post a placement is on is read by whoever reads the placement (its school's readers:
        // 区教育局 above the schools); one no school placed on only by the enterprise's and, as an
        // offer, by the placing schools' own.
        { id: published!, unitIds: [enterpriseId, schoolId], ownUnitIds: placing },
        { id: unplaced!, unitIds: [enterpriseId], ownUnitIds: placing },
      ],
    ],
    ['/api/internship-placements/:id', placements],
    ['/api/internship-placements/:id/attendance', placements],
  ];
}
