import { PROJECT_KIND_LABELS, PROJECT_LEVEL_LABELS, type ProjectLevel } from '@zhijiao/contracts';
import type { Executor } from '../../platform/db/database.ts';
import type { Notice, NotificationPublisher } from '../../platform/notifications/index.ts';
import type { ProjectAction } from './project-lifecycle.ts';
import type { ProjectRow } from './projects.repository.ts';

/** The district's decisions on a project the school is told of, each in both languages. */
const DECISIONS: Partial<Record<ProjectAction, { zh: string; en: string }>> = {
  approve: { zh: '已立项', en: 'approved' },
  reject: { zh: '不予立项', en: 'not approved' },
  passMidterm: { zh: '中期检查通过', en: 'passed its mid-term check' },
  failMidterm: { zh: '中期检查未通过', en: 'failed its mid-term check' },
  accept: { zh: '验收通过', en: 'passed acceptance' },
  failAcceptance: { zh: '验收未通过', en: 'failed acceptance' },
};

/** What a step's details say of its decision: the level approved at, the note or reason. */
export interface DecisionDetails {
  level?: ProjectLevel;
  comment?: string;
}

/**
 * The notice to the school of the district's decision on its project (立项 or 不予立项, the
 * mid-term check, the acceptance), with the decision's note; null for a step that is no decision
 * (the school's own steps, a reviewer's score).
 *
 * @example projectDecisionNotice(project, 'approve', { level: 'city', comment: '' })
 */
export function projectDecisionNotice(
  p: Pick<ProjectRow, 'id' | 'schoolId' | 'kind' | 'title'>,
  action: ProjectAction,
  details: DecisionDetails = {},
): Notice | null {
  const decision = DECISIONS[action];
  if (!decision) return null;
  const kind = PROJECT_KIND_LABELS[p.kind];
  const level = details.level ? PROJECT_LEVEL_LABELS[details.level] : null;
  const comment = details.comment?.trim();
  return {
    unitId: p.schoolId,
    kind: `program_project.${action === 'approve' || action === 'reject' ? action : 'checked'}`,
    title: {
      zh: `${kind.zh}项目“${p.title}”${level ? `${decision.zh}（${level.zh}）` : decision.zh}`,
      en: `${kind.en} project “${p.title}” ${decision.en}${level ? ` (${level.en.toLowerCase()} level)` : ''}`,
    },
    body: comment ? { zh: `意见：${comment}`, en: `Note: ${comment}` } : null,
    link: `/programs/projects?open=${p.id}`,
    object: { type: 'program_project', id: p.id },
  };
}

/** Tells the school of a decision on its project inside the step's transaction (nothing for other steps). */
export async function publishProjectDecision(
  notifications: NotificationPublisher,
  trx: Executor,
  p: Pick<ProjectRow, 'id' | 'schoolId' | 'kind' | 'title'>,
  action: ProjectAction,
  details?: DecisionDetails,
): Promise<void> {
  const notice = projectDecisionNotice(p, action, details);
  if (notice) await notifications.publish(trx, notice);
}
