import type { Actor } from '../../platform/auth/actor.ts';
import { unitRefsByIds } from '../org/index.ts';
import { actorUnit, currentYear, loadVisible } from './enterprise-access.ts';
import type { EnterprisesDeps } from './enterprises.deps.ts';
import { enterpriseAbilities, registerScope } from './enterprises.policy.ts';
import * as repo from './enterprises.repository.ts';
import type { EnterpriseListInput } from './enterprises.schema.ts';
import { enterpriseSummary, profileView, yearView } from './enterprises.views.ts';

/* Reading the register: one enterprise, and the register page by page. */

/** One enterprise: profile, years (latest first) with the 2 % duty, contacts (phones masked), abilities. */
export async function getEnterprise(deps: EnterprisesDeps, actor: Actor, id: string) {
  const { row, unit } = await loadVisible(deps, actor, id);
  const [years, contacts, units] = await Promise.all([
    repo.listYears(deps.db, id),
    repo.listContacts(deps.db, id),
    unitRefsByIds(deps.db, [id, row.districtId]),
  ]);
  const year = currentYear(deps);
  return {
    ...profileView(row, units.get(id), units.get(row.districtId)),
    facts: years[0]
      ? {
          staff: years[0].staff,
          aboveScale: years[0].aboveScale,
          aboveScaleSource: years[0].aboveScaleSource,
        }
      : null,
    years: years.map((y) => yearView(id, y)),
    contacts: contacts.map(({ id: contactId, name, title, phoneMasked }) => ({
      id: contactId,
      name,
      title,
      phoneMasked,
    })),
    currentYear: year,
    abilities: enterpriseAbilities(actor, unit, row, year),
  };
}

/**
 * The register page the actor sees (an enterprise: itself; others: their district), for one year
 * (default: the latest year on file), filtered, by registered name, with the total for paging.
 */
export async function listEnterprises(deps: EnterprisesDeps, actor: Actor, query: EnterpriseListInput) {
  const scope = registerScope(actor, await actorUnit(deps, actor));
  const { limit, offset, year: asked, ...rest } = query;
  const year = asked ?? (await repo.latestYearOnFile(deps.db, scope, currentYear(deps))) ?? currentYear(deps);
  const { rows, total } = await repo.listEnterpriseRows(deps.db, { ...rest, scope, year }, { limit, offset });
  const units = await unitRefsByIds(
    deps.db,
    rows.map((r) => r.orgUnitId),
  );
  return { year, items: rows.map((r) => enterpriseSummary(r, units.get(r.orgUnitId))), total };
}
