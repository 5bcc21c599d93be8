import type { SourcedAlert } from '../../platform/alerts/alert-sources.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { DEFAULT_DUTY_RULE } from '../enterprises/index.ts';
import { dutyAlertTier } from './duty-alert.rules.ts';
import { actorUnit, type InternshipsDeps } from './internships.deps.ts';
import { unitRefsByIds } from '../org/index.ts';
import { districtDutyPage, rowDuty } from './duty-table.repository.ts';
import { dutyAlertAudience } from './internships.policy.ts';

/**
 * `internship_duty_short` (yellow; red in the year's last week, `dutyAlertTier`): each enterprise
 * 规上 this year whose staff count is on file and whose posts fall short of the 2 % duty
 * (duty.rules.ts `enterpriseDuty`, status `short`) — addressed to the enterprise, naming required,
 * offered and shortfall, due on 31 December, linked to its register page. Seen by the district's
 * coordinator and the bureaus overseeing the duty (all of the district's) and by the enterprise
 * (its own): `dutyAlertAudience`. The short rows of the district's 2 % table, read by the table's
 * own SQL (`districtDutyPage`, status short) in one statement per call; nothing for anyone else.
 * Its id is per enterprise and year: acknowledged once (per tier), it stays so while posts are
 * added and the shortfall shrinks, and the next year's shortfall is a new alert.
 */
export async function dutyShortAlerts(
  deps: InternshipsDeps,
  actor: Actor,
  lang: 'zh' | 'en',
  today: string,
): Promise<SourcedAlert[]> {
  const audience = dutyAlertAudience(actor, (await actorUnit(deps.db, actor)).unit);
  if (!audience || !actor.districtId) return [];
  const year = Number(today.slice(0, 4));
  const { dueDate, daysLate, tier } = dutyAlertTier(today);
  const share = `${DEFAULT_DUTY_RULE.basisPoints / 100} %`;
  // The short rows of the district's 2 % table (the same SQL as the table's 未达标 filter), every one.
  const { items } = await districtDutyPage(
    deps.db,
    { year, districtIds: [actor.districtId], rule: DEFAULT_DUTY_RULE },
    { status: 'short', ...(audience === 'own' ? { enterpriseIds: [actor.orgUnitId] } : {}) },
    { limit: Number.MAX_SAFE_INTEGER, offset: 0 },
  );
  const units = await unitRefsByIds(
    deps.db,
    items.map((r) => r.enterpriseId),
  );
  const out: SourcedAlert[] = [];
  for (const r of items) {
    const unit = units.get(r.enterpriseId);
    if (!unit) continue;
    const duty = rowDuty(r, year, DEFAULT_DUTY_RULE);
    out.push({
      id: `internships:duty:${unit.id}:${year}`,
      source: 'internships',
      kind: 'internship_duty_short',
      tier,
      unit,
      title:
        lang === 'zh'
          ? `${unit.name}：${year} 年实习岗位（职工总数 ${share}）`
          : `${unit.name}: internship posts for ${year} (${share} of staff)`,
      message:
        lang === 'zh'
          ? `${duty.note.zh}；须于 ${dueDate} 前补足（${daysLate === 0 ? '今天截止' : `剩 ${-daysLate} 天`}）`
          : `${duty.note.en}; to be made up by ${dueDate} (${daysLate === 0 ? 'today is the last day' : `${-daysLate} days left`})`,
      dueDate,
      daysLate,
      link: `/enterprises/${unit.id}`,
    });
  }
  return out;
}
