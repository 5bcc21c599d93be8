import type { DemoContext, DemoSummary } from '../../platform/modules/module-definition.ts';
import { unitsByCodes } from '../org/index.ts';
import { DEMO_ENTERPRISES, demoUscc } from './enterprises.demo-data.ts';
import { anyEnterpriseIn } from './enterprises.repository.ts';
import type { EnterprisesModule } from './index.ts';

/** The module's demo (`demo` of its definition): the district's enterprise register. */
export async function enterprisesDemo(ctx: DemoContext<EnterprisesModule>): Promise<DemoSummary> {
  const { enterprises, years } = await loadEnterpriseDemo(ctx);
  return {
    zh: `${enterprises} 家企业（${years} 个年度记录）`,
    en: `${enterprises} enterprises (${years} year records)`,
  };
}

/** The years with figures in the demo: 2020–2022, those ended before today's year. */
export function demoYears(today: string): number[] {
  return [2020, 2021, 2022].filter((y) => y < Number(today.slice(0, 4)));
}

/**
 * Loads the demo register of 上党区 through the register's own use cases, as 区工信局's clerk (`iit`)
 * does it: the plan's two real enterprises (易通集团, 振东集团) linked to their org units and the
 * synthetic ones registered with new units early in 2020 (DEMO_ENTERPRISES), each with contacts;
 * then for every ended year of 2020–2022 the staff count, revenue and the statistics bureau's answer
 * entered in February of the next year (the 规上 flag comes from the list, or from the thresholds for
 * those not looked up). 易通集团's own clerk (`yitong`) sets this year's staff count. Idempotent:
 * does nothing when the district's register holds an enterprise.
 *
 * @example await loadEnterpriseDemo(ctx) // { enterprises: 13, years: 39 } (today in 2026)
 */
export async function loadEnterpriseDemo(
  ctx: DemoContext<EnterprisesModule>,
): Promise<{ enterprises: number; years: number }> {
  const units = await unitsByCodes(ctx.db, ['SD', ...DEMO_ENTERPRISES.flatMap((e) => e.unitCode ?? [])]);
  const district = units.get('SD');
  if (!district || (await anyEnterpriseIn(ctx.db, district.id))) return { enterprises: 0, years: 0 };
  const keeper = await ctx.actor('iit');
  const on = (date: string) => ctx.at(date < ctx.today ? date : ctx.today);
  const ids = new Map<string, string>();
  for (const e of DEMO_ENTERPRISES) {
    const unitId = e.unitCode ? units.get(e.unitCode)?.id : undefined;
    if (e.unitCode && !unitId) continue;
    const registered = await on('2020-03-02').register.registerEnterprise(keeper, {
      ...(unitId ? { orgUnitId: unitId } : {}),
      ...(e.shortName ? { shortName: e.shortName } : {}),
      uscc: demoUscc(e.body8),
      legalName: e.legalName,
      industryDivision: e.division,
      address: e.address,
    });
    await on('2020-03-02').contacts.replaceContacts(keeper, registered.id, { contacts: e.contacts });
    ids.set(e.body8, registered.id);
  }
  let years = 0;
  for (const [n, year] of demoYears(ctx.today).entries()) {
    const services = on(`${year + 1}-02-15`);
    for (const e of DEMO_ENTERPRISES) {
      const id = ids.get(e.body8);
      if (!id) continue;
      await services.years.updateYear(keeper, id, year, {
        staff: e.staff + n * e.growth,
        revenueWan: e.revenueWan === null ? null : Math.round(e.revenueWan * (1 + 0.06 * n)),
        listedAboveScale: e.listed,
      });
      years++;
    }
  }
  const yitong = ids.get(DEMO_ENTERPRISES[0]!.body8);
  if (yitong) {
    const own = await ctx.actor('yitong');
    const last = DEMO_ENTERPRISES[0]!;
    await on(ctx.today).years.updateYear(own, yitong, Number(ctx.today.slice(0, 4)), {
      staff: last.staff + demoYears(ctx.today).length * last.growth,
    });
    years++;
  }
  return { enterprises: ids.size, years };
}
