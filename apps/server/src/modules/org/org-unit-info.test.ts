import type { OrgUnitType } from '@zhijiao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.ts';
import { listOrgUnitInfo } from './org.repository.ts';

/**
 * `listOrgUnitInfo`'s name filter, matched in the database: a text found in the name or the full
 * name, taken literally (`%` and `_` are characters of a name, not wildcards).
 */
describe('listOrgUnitInfo by name', () => {
  let database: TestDatabase;
  let districtId: string;
  let otherDistrictId: string;

  const addUnit = async (
    code: string,
    name: string,
    fullName: string,
    type: OrgUnitType,
    parentId: string | null,
  ) =>
    (
      await database.db
        .insertInto('orgUnit')
        .values({ code, name, fullName, nameEn: code, type, groups: [], parentId })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    database = await createTestDatabase();
    districtId = await addUnit('T-D', '测试区', '测试市测试区', 'district', null);
    otherDistrictId = await addUnit('T-D2', '邻区', '测试市邻区', 'district', null);
    await addUnit('T-E1', '易通集团', '易通集团有限公司', 'enterprise', districtId);
    await addUnit('T-E2', '百分百科技', '百分百科技（100%控股）有限公司', 'enterprise', districtId);
    await addUnit('T-E3', '下划线_工坊', '下划线_工坊有限公司', 'enterprise', districtId);
    await addUnit('T-E4', '下划线X工坊', '下划线X工坊有限公司', 'enterprise', districtId);
    await addUnit('T-E5', '易通分厂', '易通分厂', 'enterprise', otherDistrictId);
    await addUnit('T-S1', '易通职业学校', '易通职业学校', 'school', districtId);
  });
  afterAll(() => database?.close());

  const codes = async (nameContains: string) =>
    (await listOrgUnitInfo(database.db, { under: districtId, types: ['enterprise'], nameContains })).map(
      (u) => u.code,
    );

  it('finds units whose name or full name contains the text, within the other filters', async () => {
    expect(await codes('易通')).toEqual(['T-E1']);
    expect(await codes('有限公司')).toEqual(['T-E1', 'T-E2', 'T-E3', 'T-E4']);
    expect(await codes('不存在')).toEqual([]);
  });

  it('takes % and _ literally', async () => {
    expect(await codes('100%')).toEqual(['T-E2']);
    expect(await codes('%')).toEqual(['T-E2']);
    expect(await codes('下划线_')).toEqual(['T-E3']);
    expect(await codes('_')).toEqual(['T-E3']);
    expect(await codes('\\')).toEqual([]);
  });
});
