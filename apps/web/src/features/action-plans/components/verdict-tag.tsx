import { Tag } from 'antd';
import type { FinalVerdict } from '@zhijiao/contracts';
import { formatDate } from '@/lib/format';
import { useT } from '@/lib/i18n';

const COLOR: Record<FinalVerdict, string> = { met: 'green', not_met: 'red', no_data: 'default' };

/** An indicator's final verdict at its deadline, e.g. “截止 2022-12-31 未达成” (no lateness count). */
export function VerdictTag({ verdict, deadline }: { verdict: FinalVerdict; deadline: string }) {
  const t = useT();
  return (
    <Tag color={COLOR[verdict]} data-testid="verdict-tag">
      {t('closing.verdictAt', { date: formatDate(deadline), verdict: t(`closing.verdict.${verdict}`) })}
    </Tag>
  );
}

/** The verdict once the plan has ended, else the traffic light it had. */
export function IndicatorVerdictOrStatus({
  indicator,
  status,
}: {
  indicator: { verdict: FinalVerdict | null; deadline: string };
  status: React.ReactNode;
}) {
  return indicator.verdict ? (
    <VerdictTag verdict={indicator.verdict} deadline={indicator.deadline} />
  ) : (
    status
  );
}
