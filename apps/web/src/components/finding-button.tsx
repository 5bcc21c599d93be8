import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, type DescriptionsProps } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '@/lib/i18n';
import { can } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useRunningInspections } from '@/lib/supervision/get-running-inspections';
import { useOpenFinding } from '@/lib/supervision/open-finding';
import { useShowError } from '@/lib/use-show-error';
import { FindingFromSubjectModal } from './finding-from-subject-modal';

/**
 * "督导立项 / 生成督导问题" on a plan subject that is off track (an indicator, a late task), for users
 * holding `supervision.inspect`: opens a finding in a running inspection with the evidence shown,
 * then goes to that inspection. The page says what the subject is and what evidence goes with it.
 */
export function FindingButton({
  subject,
  evidence,
}: {
  subject: { type: 'indicator' | 'task'; id: string; label: string };
  evidence: DescriptionsProps['items'];
}) {
  const t = useT();
  const me = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const [open, setOpen] = useState(false);
  const inspections = useRunningInspections(open);
  const create = useOpenFinding();
  if (!can(me, 'supervision.inspect')) return null;
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
        subject={subject.label}
        inspections={inspections.data}
        loading={inspections.isLoading}
        submitting={create.isPending}
        onClose={() => setOpen(false)}
        onSubmit={(inspectionId, severity) =>
          create.mutate(
            { inspectionId, subjectType: subject.type, subjectId: subject.id, severity },
            {
              onSuccess: () => {
                void message.success(t('supervision.fromSubject.created'));
                setOpen(false);
                void navigate(`/supervision/inspections/${inspectionId}`);
              },
              onError: (e) => showError(e),
            },
          )
        }
        evidence={<Descriptions size="small" column={1} items={evidence} />}
      />
    </>
  );
}
