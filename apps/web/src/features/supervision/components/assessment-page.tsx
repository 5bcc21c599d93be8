import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ExportButton } from '@/components/export-button';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { chinaYear, formatDate, formatNumber } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { can } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useAssessment } from '../api/get-assessment';
import { useSanctions } from '../api/get-sanctions';
import type { AssessmentGrade } from '../types';
import { SanctionFormModal } from './sanction-form-modal';
import { SupervisionTabs } from './supervision-tabs';

const GRADE_COLORS: Record<AssessmentGrade, string> = {
  excellent: 'green',
  good: 'blue',
  pass: 'gold',
  fail: 'red',
};

/** `/supervision/assessment`: the yearly assessment (年度考评) per unit and the rewards and penalties (奖惩记录) behind it. */
export function AssessmentPage() {
  const t = useT();
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const thisYear = chinaYear();
  const year = Number(params.get('year')) || thisYear;
  const assessment = useAssessment(year);
  const sanctions = useSanctions(year);
  const [adding, setAdding] = useState(false);
  const years = Array.from({ length: 8 }, (_, i) => thisYear + 1 - i);
  return (
    <div data-testid="assessment-page">
      <SupervisionTabs />
      <PageHeader
        title={t('supervision.assessment.title')}
        extra={
          <Space>
            <Typography.Text>{t('supervision.assessment.year')}</Typography.Text>
            <Select
              value={year}
              aria-label={t('supervision.assessment.year')}
              style={{ width: 110 }}
              onChange={(v) => setParams({ year: String(v) }, { replace: true })}
              options={years.map((y) => ({ value: y, label: String(y) }))}
            />
            <ExportButton
              path="/api/supervision/assessment/export.xlsx"
              query={{ year }}
              filename={`${year}年度督导考评.xlsx`}
            />
          </Space>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small" title={t('supervision.assessment.table', { year })}>
          <QueryState query={assessment}>
            {(a) => (
              <>
                <Table
                  size="small"
                  rowKey={(r) => r.unit.id}
                  dataSource={a.rows}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  scroll={{ x: 960 }}
                  locale={{ emptyText: <Empty description={t('supervision.assessment.empty')} /> }}
                  columns={[
                    {
                      title: t('supervision.assessment.rank'),
                      key: 'rank',
                      width: 60,
                      render: (_, __, i) => i + 1,
                    },
                    { title: t('supervision.col.unit'), key: 'unit', render: (_, r) => r.unit.name },
                    {
                      title: t('supervision.col.findings'),
                      dataIndex: 'findings',
                      width: 80,
                      align: 'right',
                    },
                    {
                      title: t('supervision.assessment.serious'),
                      dataIndex: 'seriousFindings',
                      width: 90,
                      align: 'right',
                    },
                    {
                      title: t('supervision.col.closedOnTime'),
                      dataIndex: 'closedOnTime',
                      width: 90,
                      align: 'right',
                    },
                    {
                      title: t('supervision.assessment.closedLate'),
                      dataIndex: 'closedLate',
                      width: 90,
                      align: 'right',
                    },
                    {
                      title: t('supervision.assessment.openOverdue'),
                      dataIndex: 'openOverdue',
                      width: 100,
                      align: 'right',
                    },
                    {
                      title: t('supervision.assessment.reward'),
                      dataIndex: 'rewardPoints',
                      width: 80,
                      align: 'right',
                      render: formatNumber,
                    },
                    {
                      title: t('supervision.assessment.penalty'),
                      dataIndex: 'penaltyPoints',
                      width: 80,
                      align: 'right',
                      render: formatNumber,
                    },
                    {
                      title: t('supervision.assessment.score'),
                      dataIndex: 'score',
                      width: 80,
                      align: 'right',
                      render: (v: number) => <strong>{formatNumber(v)}</strong>,
                    },
                    {
                      title: t('supervision.assessment.grade'),
                      key: 'grade',
                      width: 90,
                      render: (_, r) => (
                        <Tag color={GRADE_COLORS[r.grade]}>{t(`supervision.grade.${r.grade}`)}</Tag>
                      ),
                    },
                  ]}
                />
                <Typography.Paragraph
                  type="secondary"
                  style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}
                >
                  {t('supervision.assessment.formula')}
                </Typography.Paragraph>
              </>
            )}
          </QueryState>
        </Card>
        <Card
          size="small"
          title={t('supervision.sanctions.heading', { year })}
          extra={
            can(me, 'supervision.manage') && (
              <Button
                size="small"
                type="primary"
                icon={<PlusOutlined />}
                data-testid="sanction-create"
                onClick={() => setAdding(true)}
              >
                {t('supervision.sanctions.add', { year })}
              </Button>
            )
          }
        >
          <QueryState query={sanctions}>
            {(items) => (
              <Table
                size="small"
                rowKey="id"
                dataSource={items}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                scroll={{ x: 900 }}
                locale={{ emptyText: <Empty description={t('supervision.sanctions.empty')} /> }}
                columns={[
                  {
                    title: t('supervision.sanctions.decidedOn'),
                    dataIndex: 'decidedOn',
                    width: 110,
                    render: formatDate,
                  },
                  {
                    title: t('supervision.col.unit'),
                    key: 'unit',
                    width: 140,
                    render: (_, s) => s.unit.name,
                  },
                  {
                    title: t('supervision.sanctions.kind'),
                    key: 'kind',
                    width: 90,
                    render: (_, s) => (
                      <Tag color={s.kind === 'reward' ? 'green' : 'red'}>
                        {t(`supervision.sanctionKind.${s.kind}`)}
                      </Tag>
                    ),
                  },
                  {
                    title: t('supervision.sanctions.points'),
                    key: 'points',
                    width: 80,
                    align: 'right',
                    render: (_, s) => `${s.kind === 'reward' ? '+' : '−'}${formatNumber(s.points)}`,
                  },
                  { title: t('supervision.sanctions.subject'), dataIndex: 'title' },
                  {
                    title: t('supervision.sanctions.ground'),
                    key: 'ground',
                    width: 150,
                    render: (_, s) => t(`supervision.ground.${s.ground}`),
                  },
                  { title: t('supervision.sanctions.groundsText'), dataIndex: 'groundsText' },
                ]}
              />
            )}
          </QueryState>
        </Card>
      </Space>
      <SanctionFormModal year={year} open={adding} onClose={() => setAdding(false)} />
    </div>
  );
}
