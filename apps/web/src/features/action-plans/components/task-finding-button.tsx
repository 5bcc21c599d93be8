import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Descriptions } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { FindingFromSubjectModal } from '@/components/finding-from-subject-modal';
import { AlertTierTag } from '@/components/status-tags';
import { formatDate } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { can } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useShowError } from '@/lib/use-show-error';
import { useOpenFinding } from '@/lib/supervision/open-finding';
import { useRunningInspections } from '@/lib/supervision/get-running-inspections';
import type { TaskDetail } from '../types';

/**
 * "督导立项 / 生成督导问题" on a task that is late (overdue reports: a yellow or red alert, or an
 * overdue milestone), for users holding `supervision.inspect`: opens a finding in a running
 * inspection with the missed reports and overdue milestones as evidence.
 */
export function TaskFindingButton({ task, milestones }: Pick<TaskDetail, 'task' | 'milestones'>) {
  const t = useT();
  const me = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const [open, setOpen] = useState(false);
  const inspections = useRunningInspections(open);
  const create = useOpenFinding();
  const overdueMilestones = milestones.filter((m) => m.overdue);
  const late = task.alertTier === 'yellow' || task.alertTier === 'red' || overdueMilestones.length > 0;
  if (!can(me, 'supervision.inspect') || !late) return null;
  return (
    <>
      <Button
        danger
        icon={<SafetyCertificateOutlined />}
        data-testid="create-finding-button"
        onClick={() => setOpen(true)}
      >
        {t('supervision.fromSubject.button')}
      </Button>
      <FindingFromSubjectModal
        open={open}
        subject={`${task.label} ${task.title}`}
        inspections={inspections.data}
        loading={inspections.isLoading}
        submitting={create.isPending}
        onClose={() => setOpen(false)}
        onSubmit={(inspectionId, severity) =>
          create.mutate(
            { inspectionId, subjectType: 'task', subjectId: task.id, severity },
            {
              onSuccess: () => {
                message.success(t('supervision.fromSubject.created'));
                setOpen(false);
                navigate(`/supervision/inspections/${inspectionId}`);
              },
              onError: (e) => showError(e),
            },
          )
        }
        evidence={
          <Descriptions
            size="small"
            column={1}
            items={[
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
        }
      />
    </>
  );
}
