import { PROJECT_KIND_LABELS } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { SourcedAlert } from '../../platform/alerts/alert-sources.ts';
import type { Executor } from '../../platform/db/database.ts';
import { unitRefsByIds } from '../org/index.ts';
import { latestAlertableApproval, projectStepAlert } from './project-deadlines.rules.ts';
import { listProjectsOwingStep } from './project-alerts.repository.ts';
import { canSeeSchoolRecord, mayReview } from './programs.policy.ts';

const STEP = {
  midterm: { zh: '中期检查', en: 'mid-term check' },
  acceptance: { zh: '验收', en: 'acceptance' },
} as const;

/**
 * Alert source `programs`: a recognised project whose 中期检查 (a year after 立项) or 验收 (two
 * years after) falls due within 7 days (`project_*_due`, blue) or has passed without the step
 * recorded (`project_*_overdue`, yellow, red after 30 days); see project-deadlines.rules.ts for
 * why the due dates are counted from 立项. Addressed to the project's school; seen by whoever sees
 * the school's records and by the district's reviewers.
 */
export function createProjectAlerts(deps: { db: Executor }) {
  return async function alerts(actor: Actor, lang: 'zh' | 'en', today: string): Promise<SourcedAlert[]> {
    if (!actor.permissions.has('program.read')) return [];
    const rows = await listProjectsOwingStep(deps.db, actor, {
      approvedBy: latestAlertableApproval(today),
      reviewDistrictId: actor.permissions.has('program.review') ? actor.districtId : null,
    });
    const visible = rows.filter(
      (p) => canSeeSchoolRecord(actor, p.schoolId) || mayReview(actor, p.districtId),
    );
    const schools = await unitRefsByIds(
      deps.db,
      visible.map((p) => p.schoolId),
    );
    return visible.flatMap((p): SourcedAlert[] => {
      const alert = projectStepAlert(p, today);
      const school = schools.get(p.schoolId);
      if (!alert || !school) return [];
      const kind = PROJECT_KIND_LABELS[p.kind][lang];
      const step = STEP[alert.step][lang];
      const late = alert.daysLate > 0;
      return [
        {
          id: `programs:${p.id}:${alert.step}`,
          source: 'programs',
          kind: alert.kind,
          tier: alert.tier,
          unit: { id: school.id, code: school.code, name: school.name },
          title: lang === 'zh' ? `${kind}项目：${p.title}` : `${kind} project: ${p.title}`,
          message:
            lang === 'zh'
              ? late
                ? `${step}已逾期 ${alert.daysLate} 天（立项 ${p.approvedOn}，应于 ${alert.dueDate} 前完成）`
                : `${step}应于 ${alert.dueDate} 前完成（剩 ${-alert.daysLate} 天，立项 ${p.approvedOn}）`
              : late
                ? `The ${step} is ${alert.daysLate} days overdue (approved ${p.approvedOn}, due ${alert.dueDate})`
                : `The ${step} is due by ${alert.dueDate} (${-alert.daysLate} days left; approved ${p.approvedOn})`,
          dueDate: alert.dueDate,
          daysLate: alert.daysLate,
          link: `/programs/projects?open=${p.id}`,
        },
      ];
    });
  };
}
