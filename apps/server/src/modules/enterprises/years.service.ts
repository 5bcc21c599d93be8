import type { Actor } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import { AppError, fieldError, forbidden } from '../../platform/errors/app-error.ts';
import { currentYear, loadVisible } from './enterprise-access.ts';
import type { EnterprisesDeps } from './enterprises.deps.ts';
import { isOwnAccount, mayKeep } from './enterprises.policy.ts';
import * as repo from './enterprises.repository.ts';
import type { UpdateYearInput } from './enterprises.schema.ts';
import { getEnterprise } from './read.service.ts';
import { yearRow, type YearValues } from './year-row.ts';

/*
 * An enterprise's years: staff count (职工总数 at year end), revenue, the statistics bureau's 规上
 * answer, and the 规上 flag in force with its source (scale.rules.ts). Keepers change any year up
 * to this one; an enterprise's own account sets only this year's staff count. Audited with before
 * and after.
 */

const ownFieldsOnly = (field: string) =>
  new AppError('ENTERPRISE_OWN_FIELDS_ONLY', 403, [
    {
      field,
      code: 'ENTERPRISE_OWN_FIELDS_ONLY',
      message: '企业账号只能填报本年度职工总数',
      messageEn: 'An enterprise account may set only this year’s staff count',
    },
  ]);

/**
 * Sets an enterprise's values for a year (omitted fields stay): keepers any year up to this one, an
 * enterprise's own account only this year's staff count (403 naming the field otherwise).
 */
export async function updateYear(
  deps: EnterprisesDeps,
  actor: Actor,
  id: string,
  year: number,
  input: UpdateYearInput,
) {
  const { row, unit } = await loadVisible(deps, actor, id);
  const keeper = mayKeep(actor, unit, row);
  const own = isOwnAccount(actor, unit, row);
  if (!keeper && !own) throw forbidden();
  const thisYear = currentYear(deps);
  if (year > thisYear)
    throw fieldError('year', 'YEAR_IN_FUTURE', `不能填报 ${year} 年（尚未到来）`, `${year} has not come yet`);
  if (!keeper) {
    if (year !== thisYear) throw ownFieldsOnly('year');
    if (input.revenueWan !== undefined) throw ownFieldsOnly('revenueWan');
    if (input.listedAboveScale !== undefined) throw ownFieldsOnly('listedAboveScale');
  }
  await deps.transaction(async (trx) => {
    const old = await repo.findYear(trx, id, year);
    const before: YearValues = {
      staff: old?.staff ?? null,
      revenueWan: old?.revenueWan === null || old?.revenueWan === undefined ? null : Number(old.revenueWan),
      listedAboveScale: old?.listedAboveScale ?? null,
    };
    const after: YearValues = {
      staff: input.staff !== undefined ? input.staff : before.staff,
      revenueWan: input.revenueWan !== undefined ? input.revenueWan : before.revenueWan,
      listedAboveScale:
        input.listedAboveScale !== undefined ? input.listedAboveScale : before.listedAboveScale,
    };
    const written = yearRow(row, year, after, actor, deps.clock.now());
    await repo.upsertYear(trx, written);
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'enterprise.year_updated',
      objectType: 'enterprise',
      objectId: id,
      details: {
        year,
        by: keeper ? 'register_keeper' : 'enterprise',
        before: { ...before, aboveScale: old?.aboveScale ?? null, source: old?.aboveScaleSource ?? null },
        after: { ...after, aboveScale: written.aboveScale, source: written.aboveScaleSource },
      },
    });
  });
  return getEnterprise(deps, actor, id);
}
