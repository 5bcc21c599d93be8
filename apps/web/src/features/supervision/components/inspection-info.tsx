import { Descriptions, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '@/lib/format';
import { useT } from '@/lib/i18n';
import type { InspectionDetail } from '../types';
import { InspectionKindTag, InspectionStateTag } from './supervision-tags';

/** Kind, state, dates, purpose, inspectors (督导组) and scope (督导范围) of an inspection. */
export function InspectionInfo({ inspection: i }: { inspection: InspectionDetail }) {
  const t = useT();
  const scopeOf = (type: string) => i.scope.filter((s) => s.type === type);
  const scopeTags = (type: 'unit' | 'school' | 'task') => {
    const items = scopeOf(type);
    if (items.length === 0) return '—';
    return (
      <Space size={[0, 4]} wrap>
        {items.map((s) =>
          type === 'task' ? (
            <Link key={s.id} to={`/tasks/${s.id}`}>
              <Tag>{s.label}</Tag>
            </Link>
          ) : (
            <Tag key={s.id} color={type === 'school' ? 'cyan' : 'blue'}>
              {s.label}
            </Tag>
          ),
        )}
      </Space>
    );
  };
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'kind', label: t('supervision.field.kind'), children: <InspectionKindTag kind={i.kind} /> },
        { key: 'state', label: t('supervision.col.state'), children: <InspectionStateTag state={i.state} /> },
        {
          key: 'dates',
          label: t('supervision.field.dates'),
          children: `${formatDate(i.startsOn)} ~ ${formatDate(i.endsOn)}`,
        },
        { key: 'doc', label: t('supervision.field.documentNumber'), children: i.documentNumber || '—' },
        {
          key: 'inspectors',
          label: t('supervision.field.inspectors'),
          span: 'filled',
          children: i.inspectors.length ? (
            <Space size={[0, 4]} wrap>
              {i.inspectors.map((p) => (
                <Tag key={p.userId} color={p.isLead ? 'red' : undefined}>
                  {p.isLead ? `${t('supervision.field.lead')} · ${p.displayName}` : p.displayName}
                </Tag>
              ))}
            </Space>
          ) : (
            <Typography.Text type="secondary">{t('supervision.inspection.noInspectors')}</Typography.Text>
          ),
        },
        {
          key: 'units',
          label: t('supervision.field.scopeUnits'),
          span: 'filled',
          children: scopeTags('unit'),
        },
        {
          key: 'schools',
          label: t('supervision.field.scopeSchools'),
          span: 'filled',
          children: scopeTags('school'),
        },
        {
          key: 'tasks',
          label: t('supervision.field.scopeTasks'),
          span: 'filled',
          children: scopeTags('task'),
        },
        {
          key: 'purpose',
          label: t('supervision.field.purpose'),
          span: 'filled',
          children: <span style={{ whiteSpace: 'pre-wrap' }}>{i.purpose || '—'}</span>,
        },
        ...(i.conclusion
          ? [
              {
                key: 'conclusion',
                label: t('supervision.field.conclusion'),
                span: 'filled' as const,
                children: <span style={{ whiteSpace: 'pre-wrap' }}>{i.conclusion}</span>,
              },
            ]
          : []),
      ]}
    />
  );
}

/** The schedule (日程安排) as a timeline. */
export function InspectionSchedule({ schedule }: { schedule: InspectionDetail['schedule'] }) {
  const t = useT();
  if (schedule.length === 0)
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.inspection.noSchedule')} />
    );
  return (
    <Timeline
      items={[...schedule]
        .sort((a, b) => a.date.localeCompare(b.date))
        .map((s, n) => ({ key: n, title: formatDate(s.date), content: s.activity }))}
    />
  );
}
