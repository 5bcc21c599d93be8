import { DQ_LEVEL_LABELS } from '@zhijiao/contracts';
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import type { SourcedAlert } from '../../platform/alerts/alert-sources.ts';
import type { Database } from '../../platform/db/database.types.ts';
import { addDays, dayNumber } from './date-math.ts';
import { EXPIRY_NOTICE_DAYS } from './teachers.config.ts';
import { visibleSchoolIds } from './teachers.policy.ts';

/**
 * Alert source `teachers`: for each teacher employed today in the actor's schools, the latest-ending
 * 双师型 recognition — blue when it ends within EXPIRY_NOTICE_DAYS, yellow once it has ended and no
 * later one was recorded (not renewed). Addressed to the school, most overdue first (≤ 1,000).
 */
export function createTeacherAlerts(deps: { db: Kysely<Database> }) {
  return async function alerts(actor: Actor, lang: 'zh' | 'en', today: string): Promise<SourcedAlert[]> {
    const schools = visibleSchoolIds(actor);
    if (schools !== null && schools.length === 0) return [];
    const scope = schools === null ? sql`true` : sql`t.school_id = ANY(${[...schools]}::uuid[])`;
    const rows = await sql<{
      teacherId: string;
      name: string;
      level: 'junior' | 'intermediate' | 'senior';
      validUntil: string;
      schoolId: string;
      code: string;
      schoolName: string;
    }>`
      SELECT t.id AS teacher_id, t.name, r.level, r.valid_until, o.id AS school_id, o.code, o.name AS school_name
      FROM teacher t JOIN org_unit o ON o.id = t.school_id
      JOIN LATERAL (SELECT level, valid_until FROM dq_recognition WHERE teacher_id = t.id
        ORDER BY valid_until DESC LIMIT 1) r ON true
      WHERE ${scope} AND t.hire_date <= ${today}::date AND (t.leave_date IS NULL OR t.leave_date > ${today}::date)
        AND r.valid_until <= ${addDays(today, EXPIRY_NOTICE_DAYS)}::date
      ORDER BY r.valid_until, t.id LIMIT 1000`.execute(deps.db);
    return rows.rows.map((r) => {
      const daysLate = dayNumber(today) - dayNumber(r.validUntil);
      const expired = daysLate > 0;
      const level = DQ_LEVEL_LABELS[r.level][lang];
      return {
        id: `teachers:${r.teacherId}:${r.validUntil}`,
        source: 'teachers',
        kind: expired ? 'dq_recognition_expired' : 'dq_recognition_expiring',
        tier: expired ? 'yellow' : 'blue',
        unit: { id: r.schoolId, code: r.code, name: r.schoolName },
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
