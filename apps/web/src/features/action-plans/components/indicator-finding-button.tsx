import { FindingButton } from '@/components/finding-button';
import { IndicatorStatusTag } from '@/components/status-tags';
import { formatTarget, formatValue } from '@/lib/format';
import { useT } from '@/lib/i18n';
import type { Indicator } from '../types';

/**
 * "督导立项" on an off-track or at-risk indicator: its latest value, target, deadline and status
 * go with the finding as evidence.
 */
export function IndicatorFindingButton({ indicator: i }: { indicator: Indicator }) {
  const t = useT();
  if (i.status !== 'off_track' && i.status !== 'at_risk') return null;
  return (
    <FindingButton
      subject={{ type: 'indicator', id: i.id, label: i.name }}
      evidence={[
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
  );
}
