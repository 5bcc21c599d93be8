import { DQ_LEVEL_LABELS } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { SourcedAlert } from '../../platform/alerts/alert-sources.ts';
import type { Executor } from '../../platform/db/database.ts';
import { unitRefsByIds } from '../org/index.ts';
import { addDays, dayNumber } from './date-math.ts';
import { listRecognitionsEnding } from './dq.repository.ts';
import { EXPIRY_NOTICE_DAYS } from './teachers.config.ts';
import { visibleSchoolIds } from './teachers.policy.ts';

/**
 * Alert source `teachers`: for each teacher employed today in the actor's schools, the latest-ending
 * 双师型 recognition — blue when it ends within EXPIRY_NOTICE_DAYS, yellow once it has ended and no
 * later one was recorded (not renewed). Addressed to the school, most overdue first (≤ 1,000).
 */
export function createTeacherAlerts(deps: { db: Executor }) {
  return async function alerts(actor: Actor, lang: 'zh' | 'en', today: string): Promise<SourcedAlert[]> {
    const rows = await listRecognitionsEnding(
      deps.db,
      visibleSchoolIds(actor),
      today,
      addDays(today, EXPIRY_NOTICE_DAYS),
    );
    const schools = await unitRefsByIds(
      deps.db,
      rows.map((r) => r.schoolId),
    );
    return rows.map((r) => {
      const daysLate = dayNumber(today) - dayNumber(r.validUntil);
      const expired = daysLate > 0;
      const level = DQ_LEVEL_LABELS[r.level][lang];
      const school = schools.get(r.schoolId)!;
      return {
        id: `teachers:${r.teacherId}:${r.validUntil}`,
        source: 'teachers',
        kind: expired ? 'dq_recognition_expired' : 'dq_recognition_expiring',
        tier: expired ? 'yellow' : 'blue',
        unit: { id: school.id, code: school.code, name: school.name },
        title:
          lang === 'zh' ? `${r.name}的双师型认定（${level}）` : `${r.name}: 双师型 recognition (${level})`,
        message: expired
          ? lang === 'zh'
            ? `已于 ${r.validUntil} 到期，尚未重新认定（已过期 ${daysLate} 天）`
            : `Expired on ${r.validUntil} and not renewed (${daysLate} days ago)`
          : lang === 'zh'
            ? `将于 ${r.validUntil} 到期（剩 ${-daysLate} 天），请及时申请重新认定`
            : `Expires on ${r.validUntil} (${-daysLate} days left); apply for renewal in time`,
        dueDate: r.validUntil,
        daysLate,
        link: `/teachers/${r.teacherId}`,
      };
    });
  };
}
