import type { Actor } from '../../platform/auth/actor.ts';
import { lastDayOf } from '../../platform/alerts/alert-tiers.ts';
import { addDays, chinaDate } from '../../platform/clock/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { daysLateOf, type TodoItem, type TodoSource } from '../../platform/todos/todo-sources.ts';
import { unitRefsByIds, type UnitRef } from '../org/index.ts';
import { REGISTRATION_DAYS, resultsDueDate } from './enrollment-alerts.rules.ts';
import {
  countMissingPreferences,
  countUnregistered,
  listOpenSeasonBatches,
} from './enrollment-alerts.repository.ts';
import { canFillPreferences, canManageSeason, canRegister } from './enrollment.policy.ts';

type Lang = 'zh' | 'en';

/**
 * Todo source `enrollment` (open seasons only):
 * - `preferences_to_fill`: a junior high's candidates with no choices in a batch whose window is
 *   open now — for the school's liaison (`enrollment.preferences`), with the count and the day the
 *   window closes;
 * - `results_to_publish`: a batch's computed run awaiting review and publication — for 招生办;
 * - `registrations_to_record`: admitted students whose 报到 is not recorded — for the admitting
 *   school (`enrollment.register`), with the count.
 */
export function createEnrollmentTodos(deps: { db: Executor; clock: { now(): Date } }): TodoSource {
  return async (actor: Actor, lang: Lang, today: string) => {
    if (!actor.permissions.has('enrollment.read') || (!actor.scope.all && !actor.districtId)) return [];
    const now = deps.clock.now();
    const districtId = actor.scope.all ? null : actor.districtId;
    const ownUnit = [actor.orgUnitId];
    const batches = await listOpenSeasonBatches(deps.db, districtId);
    const windowOpen = batches.filter((b) => !b.published && b.opensAt <= now && now < b.closesAt);
    const [missing, unregistered] = await Promise.all([
      actor.permissions.has('enrollment.preferences')
        ? countMissingPreferences(
            deps.db,
            windowOpen.map((b) => b.id),
            ownUnit,
          )
        : [],
      actor.permissions.has('enrollment.register') ? countUnregistered(deps.db, districtId, ownUnit) : [],
    ]);
    const units = await unitRefsByIds(deps.db, [actor.orgUnitId, ...batches.map((b) => b.districtId)]);
    const byId = new Map(batches.map((b) => [b.id, b]));
    const item = (
      kind: string,
      id: string,
      unit: UnitRef | undefined,
      title: string,
      dueDate: string,
      link: string,
      count: number | null,
    ): TodoItem[] =>
      unit
        ? [
            {
              id: `enrollment:${id}`,
              source: 'enrollment',
              kind,
              title,
              unit: { id: unit.id, code: unit.code, name: unit.name },
              dueDate,
              daysLate: daysLateOf(dueDate, today),
              link,
              count,
            },
          ]
        : [];
    return [
      ...missing.flatMap((m) => {
        const b = byId.get(m.batchId)!;
        if (!canFillPreferences(actor, m)) return [];
        const title =
          lang === 'zh'
            ? `${b.seasonName}${b.name}志愿填报：${m.n} 名考生未填报`
            : `Preferences, ${b.seasonName}, ${b.name}: ${m.n} candidates without choices`;
        return item(
          'preferences_to_fill',
          `preferences:${b.id}:${m.schoolId}`,
          units.get(m.schoolId),
          title,
          lastDayOf(b.closesAt),
          `/enrollment/preferences?season=${b.seasonId}`,
          Number(m.n),
        );
      }),
      ...batches.flatMap((b) => {
        if (!b.pendingRunId || b.published || !canManageSeason(actor, b)) return [];
        const title =
          lang === 'zh'
            ? `审核并公布录取结果：${b.seasonName}${b.name}`
            : `Review and publish the results: ${b.seasonName}, ${b.name}`;
        return item(
          'results_to_publish',
          `run:${b.id}`,
          units.get(b.districtId),
          title,
          resultsDueDate(b, batches),
          `/enrollment/seasons/${b.seasonId}/runs/${b.pendingRunId}`,
          null,
        );
      }),
      ...unregistered.flatMap((u) => {
        if (!u.publishedAt || !canRegister(actor, u)) return [];
        const b = byId.get(u.batchId);
        const name = b ? `${b.seasonName}${b.name}` : u.batchName;
        const title =
          lang === 'zh'
            ? `新生报到登记：${name}，${u.n} 名未报到`
            : `报到 to record, ${name}: ${u.n} admitted students`;
        const due = addDays(chinaDate(u.publishedAt), REGISTRATION_DAYS);
        return item(
          'registrations_to_record',
          `registration:${u.batchId}:${u.schoolId}`,
          units.get(u.schoolId),
          title,
          due,
          `/enrollment/admissions?season=${u.seasonId}`,
          Number(u.n),
        );
      }),
    ];
  };
}
