import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, seedShangdang, type TestContext } from '../../test/test-context.ts';
import { setUpSeason, userClient, type SeasonFixture } from './enrollment.test-helpers.ts';

type Abilities = { manage: boolean; fillPreferences: boolean; register: boolean };

describe('season abilities follow the rules the services enforce', () => {
  let ctx: TestContext;
  let f: SeasonFixture;

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    f = await setUpSeason(ctx);
  });
  afterAll(() => ctx?.close());

  const abilitiesOf = async (role: 'unit_clerk', orgCode: string) => {
    const client = await userClient(ctx, role, orgCode);
    const one = (await client.get(`/api/enrollment/seasons/${f.seasonId}`)).json() as {
      season: { abilities: Abilities };
    };
    const list = (await client.get('/api/enrollment/seasons')).json() as {
      items: Array<{ id: string; abilities: Abilities }>;
    };
    expect(list.items.find((s) => s.id === f.seasonId)?.abilities).toEqual(one.season.abilities);
    return one.season.abilities;
  };

  it('offers preferences to the clerk of a junior high with candidates, and 报到 to a receiving school', async () => {
    expect(await abilitiesOf('unit_clerk', 'SD-JHS1')).toMatchObject({
      fillPreferences: true,
      register: false,
    });
    expect(await abilitiesOf('unit_clerk', 'SD-VHS')).toMatchObject({
      fillPreferences: false,
      register: true,
    });
  });

  it('offers neither to a clerk whose unit has no candidates and no programs in the season', async () => {
    expect(await abilitiesOf('unit_clerk', 'SD-HRSS')).toEqual({
      manage: false,
      fillPreferences: false,
      register: false,
    });
  });
});
