import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Descriptions } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { FindingFromSubjectModal } from '@/components/finding-from-subject-modal';
import { IndicatorStatusTag } from '@/components/status-tags';
import { formatTarget, formatValue } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { can } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useShowError } from '@/lib/use-show-error';
import { useOpenFinding } from '@/lib/supervision/open-finding';
import { useRunningInspections } from '@/lib/supervision/get-running-inspections';
import type { Indicator } from '../types';

/**
 * "督导立项 / 生成督导问题" on an off-track or at-risk indicator, for users holding
 * `supervision.inspect`: opens a finding in a running inspection with the indicator's evidence and
 * goes to that inspection.
 */
export function IndicatorFindingButton({ indicator: i }: { indicator: Indicator }) {
  const t = useT();
  const me = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const [open, setOpen] = useState(false);
  const inspections = useRunningInspections(open);
  const create = useOpenFinding();
  if (!can(me, 'supervision.inspect') || (i.status !== 'off_track' && i.status !== 'at_risk')) return null;
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
        subject={`${i.code} ${i.name}`}
        inspections={inspections.data}
        loading={inspections.isLoading}
        submitting={create.isPending}
        onClose={() => setOpen(false)}
        onSubmit={(inspectionId, severity) =>
          create.mutate(
            { inspectionId, subjectType: 'indicator', subjectId: i.id, severity },
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
                key: 'latest',
                label: t('supervision.evidence.latest'),
                children: `${formatValue(i.latestValue, i.unit)}${i.latestPeriod ? `（${i.latestPeriod}）` : ''}`,
              },
              { key: 'target', label: t('supervision.evidence.target'), children: formatTarget(i) },
              { key: 'deadline', label: t('supervision.evidence.deadline'), children: i.deadline ?? '—' },
              {
                key: 'status',
                label: t('supervision.evidence.status'),
                children: <IndicatorStatusTag status={i.status} />,
              },
            ]}
          />
        }
      />
    </>
  );
}
