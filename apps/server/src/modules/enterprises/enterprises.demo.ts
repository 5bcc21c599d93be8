import type { DemoContext, DemoSummary } from '../../platform/modules/module-definition.ts';
import { unitsByCodes } from '../org/index.ts';
import { DEMO_ENTERPRISES, demoUscc, type DemoEnterprise } from './enterprises.demo-data.ts';
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

const yitongData = DEMO_ENTERPRISES[0]!;

/** An enterprise's staff and revenue `n` years after 2020: staff grow by `growth`, revenue by 6 % of 2020's. */
const figures = (e: DemoEnterprise, n: number) => ({
  staff: e.staff + n * e.growth,
  revenueWan: e.revenueWan === null ? null : Math.round(e.revenueWan * (1 + 0.06 * n)),
});

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
 * those not looked up); then this year's staff and revenue entered on 1 July (today if earlier), with
 * no list answer yet, so this year's 规上 flag is computed from the thresholds wherever they can
 * judge and the 2 % duty of the year in progress is judged for most enterprises. 易通集团's own clerk
 * (`yitong`) sets its staff count this year, the keeper only its revenue. Idempotent: does nothing
 * when the district's register holds an enterprise.
 *
 * @example await loadEnterpriseDemo(ctx) // { enterprises: 31, years: 124 } (today in 2026)
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
      await services.years.updateYear(keeper, id, year, { ...figures(e, n), listedAboveScale: e.listed });
      years++;
    }
  }
  // This year, at mid-year: no statistics list yet, so the flag comes from the thresholds.
  const thisYear = Number(ctx.today.slice(0, 4));
  const n = demoYears(ctx.today).length;
  const midYear = on(`${thisYear}-07-01`);
  for (const e of DEMO_ENTERPRISES) {
    const id = ids.get(e.body8);
    if (!id) continue;
    const { staff, revenueWan } = figures(e, n);
    // 易通集团's own clerk gives its staff count (below); the keeper gives its revenue.
    await midYear.years.updateYear(
      keeper,
      id,
      thisYear,
      e === yitongData ? { revenueWan } : { staff, revenueWan },
    );
    years++;
  }
  const yitong = ids.get(yitongData.body8);
  if (yitong) {
    const own = await ctx.actor('yitong');
    await on(ctx.today).years.updateYear(own, yitong, thisYear, { staff: figures(yitongData, n).staff });
  }
  return { enterprises: ids.size, years };
}
