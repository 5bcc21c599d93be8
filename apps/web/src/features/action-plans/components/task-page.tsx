import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { AlertTierTag, ProgressStatusTag, UnitRoleTag } from '@/components/status-tags';
import { useT } from '@/lib/i18n';
import { localName, useLang } from '@/lib/lang';
import { useTask } from '../api/get-task';
import { TaskIndicatorsTable } from './task-indicators-table';
import { MilestonesTable } from '@/components/milestones-table';
import { TaskReportsTable } from './task-reports-table';
import { TaskFindingButton } from './task-finding-button';

/** `/tasks/:id`: the full task with units, indicators, milestones and reports. */
export function TaskPage() {
  const { id = '' } = useParams();
  const t = useT();
  const lang = useLang();
  const task = useTask(id);
  return (
    <QueryState query={task}>
      {({ task: info, indicators, milestones, reports, abilities }) => {
        const lead = info.units.filter((u) => u.role === 'lead');
        const coop = info.units.filter((u) => u.role === 'cooperating');
        return (
          <div data-testid="task-page">
            <PageHeader
              back
              title={`${info.label} ${localName(info.title, info.titleEn, lang)}`}
              subtitle={info.sectionTitle}
              extra={
                <>
                  <TaskFindingButton task={info} milestones={milestones} />
                  {abilities.report && (
                    <Link to={`/progress/new?taskId=${info.id}`}>
                      <Button type="primary" icon={<EditOutlined />} data-testid="task-report">
                        {t('task.report')}
                      </Button>
                    </Link>
                  )}
                </>
              }
            />
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <Card size="small">
                <Descriptions
                  column={{ xs: 1, md: 2 }}
                  size="small"
                  items={[
                    {
                      key: 'units',
                      label: t('task.units'),
                      span: 'filled',
                      children: (
                        <Space size={[0, 4]} wrap>
                          {lead.map((u) => (
                            <UnitRoleTag key={u.id} name={u.name} role="lead" />
                          ))}
                          {coop.map((u) => (
                            <UnitRoleTag key={u.id} name={u.name} role="cooperating" />
                          ))}
                        </Space>
                      ),
                    },
                    {
                      key: 'progress',
                      label: t('plan.col.progress'),
                      children: (
                        <Space>
                          <ProgressStatusTag status={info.progress} emptyText={t('plan.notReported')} />
                          {info.lastReportedPeriod}
                        </Space>
                      ),
                    },
                    {
                      key: 'alert',
                      label: t('plan.col.alert'),
                      children: info.alertTier ? <AlertTierTag tier={info.alertTier} /> : '—',
                    },
                  ]}
                />
                <Typography.Title level={5} style={{ marginTop: 12 }}>
                  {t('task.text')}
                </Typography.Title>
                <Typography.Paragraph
                  style={{ whiteSpace: 'pre-wrap', lineHeight: 1.9, textIndent: '2em' }}
                  data-testid="task-text"
                >
                  {info.text}
                </Typography.Paragraph>
              </Card>
              <Card size="small" title={t('task.indicators')}>
                <TaskIndicatorsTable indicators={indicators} />
              </Card>
              <Card size="small" title={t('task.milestones')}>
                <MilestonesTable milestones={milestones} />
              </Card>
              <Card size="small" title={t('task.reports')}>
                <TaskReportsTable reports={reports} />
              </Card>
            </Space>
          </div>
        );
      }}
    </QueryState>
  );
}
