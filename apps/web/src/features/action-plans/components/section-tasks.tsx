import { Card, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { AlertTierTag, ProgressStatusTag, UnitRoleTag } from '@/components/status-tags';
import { sectionHeading } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { byNumber } from '@/lib/sorters';
import { localName, useLang } from '@/lib/lang';
import type { DashboardSection, TaskSummary } from '../types';

/** A closed plan's tasks show their final outcome (终期评估) instead of the latest progress. */
const OUTCOME_COLORS = { completed: 'blue', partly: 'gold', not_completed: 'red' } as const;
/** Sorting by alert puts the worst first (ascending), tasks without an alert last. */
const TIER_RANK = { red: 0, yellow: 1, blue: 2 } as const;

/**
 * Each section of the plan with its tasks (sortable by number, indicator count and alert); sections
 * without visible tasks are left out.
 */
export function SectionTasks({ sections }: { sections: DashboardSection[] }) {
  const t = useT();
  const lang = useLang();
  const columns: ColumnsType<TaskSummary> = [
    { title: t('plan.col.label'), dataIndex: 'label', width: 80, sorter: byNumber((task) => task.number) },
    {
      title: t('plan.col.title'),
      key: 'title',
      render: (_, task) => (
        <Link to={`/tasks/${task.id}`} data-testid={`task-link-${task.number}`}>
          {localName(task.title, task.titleEn, lang)}
        </Link>
      ),
    },
    {
      title: t('plan.col.lead'),
      key: 'lead',
      width: 130,
      render: (_, task) =>
        task.units
          .filter((u) => u.role === 'lead')
          .map((u) => <UnitRoleTag key={u.id} name={u.name} role="lead" showRole={false} />),
    },
    {
      title: t('plan.col.coop'),
      key: 'coop',
      width: 260,
      render: (_, task) => (
        <Space size={[0, 4]} wrap>
          {task.units
            .filter((u) => u.role === 'cooperating')
            .map((u) => (
              <UnitRoleTag key={u.id} name={u.name} role="cooperating" showRole={false} />
            ))}
        </Space>
      ),
    },
    {
      title: t('plan.col.progress'),
      key: 'progress',
      width: 120,
      render: (_, task) => (
        <Space orientation="vertical" size={0}>
          {task.outcome ? (
            <Tag color={OUTCOME_COLORS[task.outcome]} data-testid={`outcome-${task.number}`}>
              {t(`closing.outcome.${task.outcome}`)}
            </Tag>
          ) : (
            <ProgressStatusTag status={task.progress} emptyText={t('plan.notReported')} />
          )}
          {!task.outcome && task.lastReportedPeriod && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {task.lastReportedPeriod}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('plan.col.indicators'),
      dataIndex: 'indicatorCount',
      width: 80,
      align: 'center',
      sorter: byNumber((task) => task.indicatorCount),
    },
    {
      title: t('plan.col.alert'),
      key: 'alert',
      width: 170,
      sorter: byNumber((task) => (task.alertTier ? TIER_RANK[task.alertTier] : null)),
      render: (_, task) => (
        <span data-testid={`task-alert-${task.number}`}>
          <AlertTierTag
            tier={task.alertTier}
            reason={task.alertReasons.map((k) => t(`alerts.kind.${k}`)).join(lang === 'en' ? ', ' : '、')}
          />
        </span>
      ),
    },
  ];

  const visible = sections.filter((s) => s.tasks.length > 0);
  if (visible.length === 0) {
    return (
      <Card>
        <Typography.Text type="secondary">{t('plan.noTasks')}</Typography.Text>
      </Card>
    );
  }
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="plan-sections">
      {visible.map((section) => (
        <Card
          key={section.id}
          size="small"
          title={sectionHeading(section.label, localName(section.title, section.titleEn, lang))}
          data-testid={`section-${section.number}`}
        >
          <Table
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={section.tasks}
            pagination={false}
            scroll={{ x: 900 }}
          />
        </Card>
      ))}
    </Space>
  );
}
