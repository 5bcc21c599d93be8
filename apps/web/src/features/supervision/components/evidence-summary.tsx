import { INDICATOR_STATUS_LABELS, type IndicatorStatus } from '@zhijiao/contracts';
import { Descriptions, Typography } from 'antd';
import { formatNumber, formatTarget, type TargetLike } from '@/lib/format';
import { useT } from '@/lib/i18n';

type Evidence = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
const num = (v: unknown) => (typeof v === 'number' ? formatNumber(v) : str(v));

/** Target of an indicator snapshot, written as everywhere else (`formatTarget`): `≥ 60%`, or a band. */
function target(e: Evidence): string {
  const n = (v: unknown) => (typeof v === 'number' ? v : null);
  return formatTarget({
    comparator: String(e.comparator) as TargetLike['comparator'],
    target: n(e.target),
    targetLow: n(e.targetLow),
    targetHigh: n(e.targetHigh),
    unit: typeof e.unit === 'string' ? e.unit : null,
  });
}

/** A recurring target's per-period verdicts when the finding was opened: `2020年度 7,000 未达标；…`. */
function periodsItem(e: Evidence, label: string) {
  const periods = Array.isArray(e.periods) ? (e.periods as Array<Record<string, unknown>>) : [];
  if (periods.length === 0) return [];
  const text = periods
    .map((p) => {
      const status = INDICATOR_STATUS_LABELS[p.status as IndicatorStatus]?.zh ?? str(p.status);
      return `${str(p.label)} ${num(p.value)}（${status}）`;
    })
    .join('；');
  return [{ key: 'periods', label, span: 3, children: text }];
}

/**
 * The evidence a finding carries: the indicator's value, target and status, or the task's missed
 * reports and overdue milestones, as they stood when the finding was opened.
 */
export function EvidenceSummary({ evidence }: { evidence: Evidence }) {
  const t = useT();
  if (evidence.kind === 'indicator') {
    return (
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          {
            key: 'latest',
            label: t('supervision.evidence.latest'),
            children: `${num(evidence.latestValue)}${evidence.unit ? ` ${String(evidence.unit)}` : ''}（${str(evidence.latestPeriod)}）`,
          },
          { key: 'target', label: t('supervision.evidence.target'), children: target(evidence) },
          { key: 'deadline', label: t('supervision.evidence.deadline'), children: str(evidence.deadline) },
          {
            key: 'status',
            label: t('supervision.evidence.status'),
            children: t(
              `supervision.evidence.status.${evidence.status === 'off_track' ? 'off_track' : 'at_risk'}`,
            ),
          },
          ...periodsItem(evidence, t('supervision.evidence.periods')),
          { key: 'asOf', label: t('supervision.evidence.asOf'), children: str(evidence.asOf) },
        ]}
      />
    );
  }
  if (evidence.kind === 'task') {
    const missed = Array.isArray(evidence.missedReports) ? evidence.missedReports : [];
    const milestones = Array.isArray(evidence.overdueMilestones) ? evidence.overdueMilestones : [];
    // missedReports: { periodLabel, dueOn, daysLate }; overdueMilestones: { code, title, due, daysLate }.
    const label = (x: unknown) => {
      if (typeof x !== 'object' || x === null) return str(x);
      const r = x as Record<string, unknown>;
      const days = typeof r.daysLate === 'number' ? t('supervision.due.overdue', { days: r.daysLate }) : '';
      return `${str(r.periodLabel ?? r.title)}（${days}）`;
    };
    return (
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'missed',
            label: t('supervision.evidence.missedReports'),
            children: missed.length ? missed.map(label).join('、') : '—',
          },
          {
            key: 'milestones',
            label: t('supervision.evidence.overdueMilestones'),
            children: milestones.length ? milestones.map(label).join('、') : '—',
          },
          { key: 'asOf', label: t('supervision.evidence.asOf'), children: str(evidence.asOf) },
        ]}
      />
    );
  }
  return <Typography.Text type="secondary">{t('supervision.evidence.none')}</Typography.Text>;
}
