import {
  ALERT_TIER_LABELS,
  INDICATOR_STATUS_LABELS,
  PROGRESS_STATUS_LABELS,
  REPORT_STATE_LABELS,
  UNIT_ROLE_LABELS,
  type AlertTier,
  type IndicatorStatus,
  type ProgressStatus,
  type ReportState,
  type UnitRole,
} from '@zhijiao/contracts';
import { Tag } from 'antd';
import { indicatorStatusColor } from '@/lib/format';
import { pick, useLang } from '@/lib/lang';

export const PROGRESS_COLORS: Record<ProgressStatus, string> = {
  on_track: 'green',
  at_risk: 'gold',
  behind: 'red',
  completed: 'blue',
};

export const ALERT_TIER_COLORS: Record<AlertTier, string> = { blue: 'blue', yellow: 'gold', red: 'red' };

const REPORT_STATE_COLORS: Record<ReportState, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'volcano',
  approved: 'success',
};

/** Traffic-light tag of an indicator (已达标 / 进度正常 green, 进度偏慢 gold, 未达标 red). */
export function IndicatorStatusTag({ status }: { status: IndicatorStatus }) {
  const lang = useLang();
  return (
    <Tag color={indicatorStatusColor(status)} data-status={status}>
      {pick(INDICATOR_STATUS_LABELS[status], lang)}
    </Tag>
  );
}

/** The progress a unit reported (正常推进 / 存在风险 / 滞后 / 已完成); `null` shows 未填报. */
export function ProgressStatusTag({
  status,
  emptyText,
}: {
  status: ProgressStatus | null;
  emptyText?: string;
}) {
  const lang = useLang();
  if (!status) return <Tag>{emptyText ?? (lang === 'en' ? 'Not reported' : '未填报')}</Tag>;
  return (
    <Tag color={PROGRESS_COLORS[status]} data-status={status}>
      {pick(PROGRESS_STATUS_LABELS[status], lang)}
    </Tag>
  );
}

export function ReportStateTag({ state }: { state: ReportState }) {
  const lang = useLang();
  return (
    <Tag color={REPORT_STATE_COLORS[state]} data-state={state}>
      {pick(REPORT_STATE_LABELS[state], lang)}
    </Tag>
  );
}

/**
 * 蓝色提示 / 黄色预警 / 红色预警, with the reason beside it when given (`红色预警：逾期未报`), so a
 * warning next to 正常推进 says why; nothing when there is no alert.
 */
export function AlertTierTag({ tier, reason }: { tier: AlertTier | null; reason?: string }) {
  const lang = useLang();
  if (!tier) return null;
  const label = pick(ALERT_TIER_LABELS[tier], lang);
  return (
    <Tag color={ALERT_TIER_COLORS[tier]} data-tier={tier}>
      {reason ? `${label}${lang === 'en' ? ': ' : '：'}${reason}` : label}
    </Tag>
  );
}

/** A unit's name tagged with its role on a task: 牵头 in red, 配合 in blue. */
export function UnitRoleTag({
  name,
  role,
  showRole = true,
}: {
  name: string;
  role: UnitRole;
  showRole?: boolean;
}) {
  const lang = useLang();
  const roleText = lang === 'en' ? (role === 'lead' ? 'Lead' : 'Co-op') : role === 'lead' ? '牵头' : '配合';
  return (
    <Tag color={role === 'lead' ? 'red' : 'blue'} title={pick(UNIT_ROLE_LABELS[role], lang)}>
      {showRole ? `${roleText} · ${name}` : name}
    </Tag>
  );
}
