import {
  FINDING_STATE_LABELS,
  INSPECTION_KIND_LABELS,
  ORDER_STATE_LABELS,
  type FindingSeverity,
  type FindingState,
  type InspectionKind,
  type InspectionState,
  type OrderState,
} from '@zhijiao/contracts';
import { Tag, Typography } from 'antd';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';

const ORDER_COLORS: Record<OrderState, string> = {
  issued: 'processing',
  answered: 'purple',
  returned: 'volcano',
  verified: 'cyan',
  closed: 'success',
};
const FINDING_COLORS: Record<FindingState, string> = {
  open: 'orange',
  rectifying: 'processing',
  resolved: 'success',
};
const INSPECTION_COLORS: Record<InspectionState, string> = {
  planned: 'default',
  in_progress: 'processing',
  completed: 'success',
};

/** 待整改 / 已反馈待核查 / 已退回 / 已核查 / 已销号. */
export function OrderStateTag({ state, testId }: { state: OrderState; testId?: string }) {
  const lang = useLang();
  return (
    <Tag color={ORDER_COLORS[state]} data-state={state} data-testid={testId}>
      {pick(ORDER_STATE_LABELS[state], lang)}
    </Tag>
  );
}

/** 待下达整改 / 整改中 / 已销号. */
export function FindingStateTag({ state }: { state: FindingState }) {
  const lang = useLang();
  return (
    <Tag color={FINDING_COLORS[state]} data-state={state}>
      {pick(FINDING_STATE_LABELS[state], lang)}
    </Tag>
  );
}

/** 计划中 / 进行中 / 已完成. */
export function InspectionStateTag({ state }: { state: InspectionState }) {
  const t = useT();
  return (
    <Tag color={INSPECTION_COLORS[state]} data-state={state}>
      {t(`supervision.inspectionState.${state}`)}
    </Tag>
  );
}

/** 定期督导 / 专项督导. */
export function InspectionKindTag({ kind }: { kind: InspectionKind | string }) {
  const lang = useLang();
  const label = INSPECTION_KIND_LABELS[kind as InspectionKind];
  return <Tag color={kind === 'special' ? 'magenta' : 'geekblue'}>{label ? pick(label, lang) : kind}</Tag>;
}

/** 一般 / 严重. */
export function SeverityTag({ severity }: { severity: FindingSeverity }) {
  const t = useT();
  return (
    <Tag color={severity === 'serious' ? 'red' : 'default'}>{t(`supervision.severity.${severity}`)}</Tag>
  );
}

/**
 * How the deadline stands: `逾期 N 天` in red, `今日到期`, `剩 N 天`; a closed order shows whether it
 * was closed on time.
 */
export function DueText({ daysLate, closedOnTime }: { daysLate: number; closedOnTime?: boolean | null }) {
  const t = useT();
  if (closedOnTime === true)
    return <Typography.Text type="success">{t('supervision.due.closedOnTime')}</Typography.Text>;
  if (closedOnTime === false)
    return (
      <Typography.Text type="warning">{t('supervision.due.closedLate', { days: daysLate })}</Typography.Text>
    );
  if (daysLate > 0)
    return (
      <Typography.Text type="danger">{t('supervision.due.overdue', { days: daysLate })}</Typography.Text>
    );
  if (daysLate === 0) return <Typography.Text type="warning">{t('supervision.due.today')}</Typography.Text>;
  return <Typography.Text type="secondary">{t('supervision.due.left', { days: -daysLate })}</Typography.Text>;
}
