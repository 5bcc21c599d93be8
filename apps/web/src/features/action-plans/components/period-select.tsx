import { Select } from 'antd';
import { useT } from '@/lib/i18n';
import type { Period } from '../types';

/** Picks the reporting period the dashboard shows; the current one is marked. */
export function PeriodSelect({
  periods,
  value,
  onChange,
}: {
  periods: Array<Pick<Period, 'id' | 'label' | 'current'>>;
  value: string | undefined;
  onChange: (id: string) => void;
}) {
  const t = useT();
  return (
    <Select
      data-testid="period-select"
      style={{ minWidth: 200 }}
      value={value}
      onChange={onChange}
      placeholder={t('plan.period')}
      aria-label={t('plan.period')}
      options={[...periods]
        .reverse()
        .map((p) => ({ value: p.id, label: p.current ? `${p.label}${t('plan.periodCurrent')}` : p.label }))}
    />
  );
}
