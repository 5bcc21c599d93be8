import { FindingButton } from '@/components/finding-button';
import { AlertTierTag } from '@/components/status-tags';
import { formatDate } from '@/lib/format';
import { useT } from '@/lib/i18n';
import type { TaskDetail } from '../types';

/**
 * "督导立项" on a task that is late (overdue reports: a yellow or red alert, or an overdue
 * milestone): the missed reports and overdue milestones go with the finding as evidence.
 */
export function TaskFindingButton({ task, milestones }: Pick<TaskDetail, 'task' | 'milestones'>) {
  const t = useT();
  const overdueMilestones = milestones.filter((m) => m.overdue);
  const late = task.alertTier === 'yellow' || task.alertTier === 'red' || overdueMilestones.length > 0;
  if (!late) return null;
  return (
    <FindingButton
      subject={{ type: 'task', id: task.id, label: `${task.label} ${task.title}` }}
      evidence={[
        {
          key: 'alert',
          label: t('supervision.col.tier'),
          children: task.alertTier ? <AlertTierTag tier={task.alertTier} /> : '—',
        },
        {
          key: 'last',
          label: t('supervision.fromSubject.lastReported'),
          children: task.lastReportedPeriod ?? '—',
        },
        {
          key: 'milestones',
          label: t('supervision.evidence.overdueMilestones'),
          children: overdueMilestones.length
            ? overdueMilestones.map((m) => `${m.title}（${formatDate(m.due)}）`).join('、')
            : '—',
        },
      ]}
    />
  );
}
