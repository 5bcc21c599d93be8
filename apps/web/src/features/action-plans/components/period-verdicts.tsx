import { INDICATOR_STATUS_LABELS } from '@zhijiao/contracts';
import { Table, Tag, Tooltip } from 'antd';
import { formatNumber, formatValue, indicatorStatusColor, ratioText } from '@/lib/format';
import { IndicatorStatusTag } from '@/components/status-tags';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import type { Indicator } from '../types';
import { IndicatorVerdictOrStatus } from './verdict-tag';

type PeriodVerdict = Indicator['periods'][number];

/** `2020年度` → `2020年`, `2021年第3季度` → `2021年Q3` in Chinese; the English label as it is. */
function shortLabel(p: PeriodVerdict, lang: 'zh' | 'en'): string {
  if (lang === 'en') return p.labelEn;
  return p.label.replace('年度', '年').replace(/第(\d)季度/, 'Q$1');
}

/**
 * A recurring target's verdict per year (quarter, month): one tag each, green when met, red when
 * missed, gold while the current one is short, grey while a period is ahead or has no value yet.
 * A missed year stays red in this row whatever later years bring.
 */
export function PeriodVerdicts({ periods, unit }: { periods: PeriodVerdict[]; unit: string }) {
  const t = useT();
  const lang = useLang();
  if (periods.length === 0) return null;
  return (
    <span data-testid="period-verdicts" style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {periods.map((p) => {
        const verdict =
          p.phase === 'future' ? t('indicator.period.future') : pick(INDICATOR_STATUS_LABELS[p.status], lang);
        return (
          <Tooltip
            key={p.label}
            title={`${lang === 'zh' ? p.label : p.labelEn}：${formatValue(p.value, unit)}${ratioText(p)} · ${verdict}`}
          >
            <Tag
              color={p.phase === 'future' ? 'default' : indicatorStatusColor(p.status)}
              data-status={p.phase === 'future' ? 'future' : p.status}
              style={{ marginInlineEnd: 0 }}
            >
              {shortLabel(p, lang)} {p.value === null ? '—' : formatNumber(p.value)}
            </Tag>
          </Tooltip>
        );
      })}
    </span>
  );
}

/**
 * An indicator's overall verdict (its traffic light, or once the plan has ended the verdict at its
 * deadline) with, for a recurring target, its per-period row beneath.
 */
export function IndicatorVerdict({
  indicator: i,
}: {
  indicator: Pick<Indicator, 'status' | 'periods' | 'unit' | 'verdict' | 'deadline'>;
}) {
  return (
    <span style={{ display: 'flex', flexDirection: 'column', gap: 4, alignItems: 'flex-start' }}>
      <IndicatorVerdictOrStatus indicator={i} status={<IndicatorStatusTag status={i.status} />} />
      <PeriodVerdicts periods={i.periods} unit={i.unit} />
    </span>
  );
}

/** A recurring target's periods as a table: period, value, numerator ÷ denominator, verdict. */
export function PeriodVerdictTable({ indicator: i }: { indicator: Pick<Indicator, 'periods' | 'unit'> }) {
  const t = useT();
  const lang = useLang();
  const nowrap = { style: { whiteSpace: 'nowrap' as const } };
  // The numerator ÷ denominator column only when some period was reported with them.
  const withRatio = i.periods.some((p) => ratioText(p) !== '');
  return (
    <Table
      size="small"
      rowKey="label"
      dataSource={i.periods}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="period-verdict-table"
      columns={[
        {
          title: t('task.col.period'),
          key: 'label',
          onCell: () => nowrap,
          render: (_, p) => (lang === 'zh' ? p.label : p.labelEn),
        },
        {
          title: t('indicator.value'),
          key: 'value',
          onCell: () => nowrap,
          render: (_, p) => formatValue(p.value, i.unit),
        },
        ...(withRatio
          ? [
              {
                title: t('indicator.ratio'),
                key: 'ratio',
                onCell: () => nowrap,
                render: (_: unknown, p: PeriodVerdict) => ratioText(p).slice(1, -1) || '—',
              },
            ]
          : []),
        {
          title: t('task.col.status'),
          key: 'status',
          render: (_, p) =>
            p.phase === 'future' ? (
              <Tag>{t('indicator.period.future')}</Tag>
            ) : (
              <IndicatorStatusTag status={p.status} />
            ),
        },
      ]}
    />
  );
}
