import type { SourcedAlert } from '../../platform/alerts/alert-sources.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { DEFAULT_DUTY_RULE, enterpriseDuty } from '../enterprises/index.ts';
import { dutyAlertTier } from './duty-alert.rules.ts';
import { actorUnit, type InternshipsDeps } from './internships.deps.ts';
import { enterpriseYears } from './internships.metrics.ts';
import { dutyAlertAudience } from './internships.policy.ts';

/**
 * `internship_duty_short` (yellow; red in the year's last week, `dutyAlertTier`): each enterprise
 * 规上 this year whose staff count is on file and whose posts fall short of the 2 % duty
 * (duty.rules.ts `enterpriseDuty`, status `short`) — addressed to the enterprise, naming required,
 * offered and shortfall, due on 31 December, linked to its register page. Seen by the district's
 * coordinator and the bureaus overseeing the duty (all of the district's) and by the enterprise
 * (its own): `dutyAlertAudience`. One read of the district's (or the enterprise's) register facts
 * and posts per call, whatever the number of enterprises; nothing at all for anyone else.
 * Its id is per enterprise and year: acknowledged once (per tier), it stays so while posts are
 * added and the shortfall shrinks, and the next year's shortfall is a new alert.
 */
export async function dutyShortAlerts(
  deps: InternshipsDeps,
  actor: Actor,
  lang: 'zh' | 'en',
  today: string,
): Promise<SourcedAlert[]> {
  if (!actor.permissions.has('internship.read')) return [];
  const audience = dutyAlertAudience(actor, (await actorUnit(deps.db, actor)).unit);
  const under = audience === 'own' ? actor.orgUnitId : audience === 'district' ? actor.districtId : null;
  if (!under) return [];
  const year = Number(today.slice(0, 4));
  const { dueDate, daysLate, tier } = dutyAlertTier(today);
  const share = `${DEFAULT_DUTY_RULE.basisPoints / 100} %`;
  const out: SourcedAlert[] = [];
  for (const { unit, record } of await enterpriseYears(deps.db, under, year)) {
    const duty = enterpriseDuty(record, DEFAULT_DUTY_RULE);
    if (duty.status !== 'short') continue;
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
