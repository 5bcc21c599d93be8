import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourcedAlert } from '../../platform/alerts/alert-sources.ts';
import { demoActor } from '../../demo/demo-actors.ts';
import { enterpriseBody, registerEnterprise } from '../../test/enterprise-register.ts';
import { createUser, login, runtimeOf, type Client } from '../../test/test-context.ts';
import { createInternshipWorld, publishPost, type InternshipWorld } from './internships.test-helpers.ts';

/**
 * Task （十三）'s 2 % duty as an alert (issue 13: "the shortfall list with alerts to 区工信局 and
 * 区国资发展中心; each enterprise sees its own duty"), over the register's 2024 figures:
 * 振东集团 240 staff, one post of 5 places (owes ceil(4.8) = 5: met); 易通集团 1000 staff and no
 * post (owes 20: short); an enterprise not 规上 with no post; a 规上 one with no staff count on file.
 */
describe('the 2 % duty alert (internship_duty_short)', () => {
  let w: InternshipWorld;
  let iit: Client;
  const names: Record<string, string> = {};
  let notAboveScale: string;
  let noStaff: string;
  const TODAY = '2024-06-10';

  beforeAll(async () => {
    w = await createInternshipWorld(`${TODAY}T02:00:00Z`);
    for (const [key, role, org] of [
      ['iit', 'unit_clerk', 'SD-IIT'],
      ['sasac', 'unit_clerk', 'SD-SASAC'],
      ['tax', 'unit_clerk', 'SD-TAX'],
    ] as const)
      names[key] = (await createUser(w.ctx, role, org)).username;
    iit = await login(w.ctx, names.iit!);
    // 区工信局 puts an enterprise on the register (a new unit unless `orgUnitId` links one).
    const register = (legalName: string, orgUnitId?: string) =>
      registerEnterprise(iit, enterpriseBody({ legalName, ...(orgUnitId ? { orgUnitId } : {}) }));
    const year = async (id: string, body: Record<string, unknown>, y = 2024) => {
      const res = await iit.put(`/api/enterprises/${id}/years/${y}`, body);
      expect(res.statusCode, res.body).toBe(200);
    };
    await register('易通集团', w.units.yitong);
    await register('山西振东健康产业集团有限公司', w.units.zhendong);
    notAboveScale = await register('上党区小微企业有限公司');
    noStaff = await register('上党区未报人数企业有限公司');
    await year(w.units.yitong, { staff: 1000, listedAboveScale: true });
    // Short last year as well: only this year's duty is alerted.
    await year(w.units.yitong, { staff: 900, listedAboveScale: true }, 2023);
    await year(w.units.zhendong, { staff: 240, listedAboveScale: true });
    await year(notAboveScale, { staff: 800, listedAboveScale: false });
    await year(noStaff, { listedAboveScale: true });
    await publishPost(w.zhendong, { places: 5 });
  });
  afterAll(() => w?.ctx.close());

  const dutyAlerts = async (username: string, today = TODAY, lang: 'zh' | 'en' = 'zh') =>
    (
      await w.ctx.services.alertSources.collect(await demoActor(runtimeOf(w.ctx), username), lang, today)
    ).filter((a: SourcedAlert) => a.kind === 'internship_duty_short');

  it('raises one alert for the enterprise short of its duty, seen by 区工信局, 区国资发展中心, the coordinator and the enterprise', async () => {
    for (const username of [names.iit!, names.sasac!, w.usernames.coordinator, w.usernames.yitong]) {
      const alerts = await dutyAlerts(username);
      expect(alerts, username).toEqual([
        {
          id: `internships:duty:${w.units.yitong}:2024`,
          source: 'internships',
          kind: 'internship_duty_short',
          tier: 'yellow',
          unit: { id: w.units.yitong, code: 'SD-YITONG', name: '易通集团' },
          title: '易通集团：2024 年实习岗位（职工总数 2 %）',
          message: '职工 1000 人，应提供 20 个岗位，提供 0 个，差 20 个；须于 2024-12-31 前补足（剩 204 天）',
          dueDate: '2024-12-31',
          daysLate: -204,
          link: `/enterprises/${w.units.yitong}`,
        },
      ]);
    }
    const [en] = await dutyAlerts(names.iit!, TODAY, 'en');
    expect(en!.message).toBe(
      '1000 staff, 20 posts required, 0 offered: 20 short; to be made up by 2024-12-31 (204 days left)',
    );
  });

  it('is not seen by a school, another bureau or an enterprise that meets its own duty', async () => {
    expect(await dutyAlerts(w.usernames.coordinator)).toHaveLength(1);
    for (const username of [
      w.usernames.vec,
      w.usernames.jhs1,
      w.usernames.hrss,
      names.tax!,
      w.usernames.zhendong,
    ])
      expect(await dutyAlerts(username), username).toEqual([]);
  });

  it('turns red in the year’s last week', async () => {
    const [late] = await dutyAlerts(names.sasac!, '2024-12-28');
    expect(late).toMatchObject({ tier: 'red', daysLate: -3, dueDate: '2024-12-31' });
  });

  it('is on the alerts list, acknowledged by the enterprise only', async () => {
    const listed = async (client: Client) =>
      (
        (await client.get('/api/alerts')).json() as {
          items: Array<{ id: string; kind: string; abilities: { acknowledge: boolean } }>;
        }
      ).items.filter((a) => a.kind === 'internship_duty_short');
    expect(await listed(iit)).toEqual([expect.objectContaining({ abilities: { acknowledge: false } })]);
    expect(await listed(w.yitong)).toEqual([
      expect.objectContaining({
        id: `internships:duty:${w.units.yitong}:2024`,
        abilities: { acknowledge: true },
      }),
    ]);
  });

  it('shrinks as the enterprise publishes posts and goes once they meet the duty', async () => {
    await publishPost(w.yitong, { places: 15, staffOnPost: 100, location: '易通集团 生产基地' });
    const [still] = await dutyAlerts(names.iit!);
    expect(still).toMatchObject({
      id: `internships:duty:${w.units.yitong}:2024`,
      message: expect.stringContaining('应提供 20 个岗位，提供 15 个，差 5 个'),
    });
    await publishPost(w.yitong, { places: 5, staffOnPost: 30, location: '易通集团 生产基地' });
    for (const username of [names.iit!, names.sasac!, w.usernames.coordinator, w.usernames.yitong])
      expect(await dutyAlerts(username), username).toEqual([]);
  });
});
