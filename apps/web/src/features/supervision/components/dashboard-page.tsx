import { PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Table } from 'antd';
import { Link } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useT } from '@/lib/i18n';
import { can } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useSupervisionDashboard } from '../api/get-dashboard';
import { useInspections } from '../api/get-inspections';
import { DashboardChart } from './dashboard-chart';
import { DashboardKpis } from './dashboard-kpis';
import { OverdueOrdersTable } from './overdue-orders-table';
import { SupervisionTabs } from './supervision-tabs';

/**
 * `/supervision`: 督导总览. The API scopes every number to the user, so for a unit clerk this page is
 * the unit's own "我的整改" view (its orders, overdue first).
 */
export function SupervisionDashboardPage() {
  const t = useT();
  const me = useSession();
  const dashboard = useSupervisionDashboard();
  const unitView = dashboard.data?.scope === 'units';
  const inspections = useInspections('in_progress');
  return (
    <div data-testid="supervision-dashboard">
      <SupervisionTabs />
      <PageHeader
        title={unitView ? t('supervision.dashboard.unitTitle') : t('supervision.dashboard.title')}
        subtitle={
          dashboard.data ? t('supervision.dashboard.asOf', { date: dashboard.data.today }) : undefined
        }
        extra={
          <>
            <Link to="/supervision/orders">
              <Button icon={<UnorderedListOutlined />}>{t('supervision.orders.title')}</Button>
            </Link>
            {can(me, 'supervision.manage') && (
              <Link to="/supervision/inspections?create=1">
                <Button type="primary" icon={<PlusOutlined />}>
                  {t('supervision.inspections.create')}
                </Button>
              </Link>
            )}
          </>
        }
      />
      <QueryState query={dashboard}>
        {(data) => (
          <>
            <DashboardKpis data={data} inspections={unitView ? null : (inspections.data?.length ?? 0)} />
            <Row gutter={[16, 16]}>
              {/* Side by side only from 1600 px: at 1440 the overdue orders' 720 px table was clipped. */}
              <Col xs={24} xxl={10}>
                <Card size="small" title={t('supervision.dashboard.chart')} style={{ height: '100%' }}>
                  <DashboardChart data={data} />
                </Card>
              </Col>
              <Col xs={24} xxl={14}>
                <Card
                  size="small"
                  title={t('supervision.dashboard.overdue')}
                  extra={
                    <Link to="/supervision/orders?overdue=1">{t('supervision.dashboard.allOverdue')}</Link>
                  }
                  style={{ height: '100%' }}
                >
                  <OverdueOrdersTable items={data.overdue} />
                </Card>
              </Col>
              {!unitView && (
                <Col span={24}>
                  <Card size="small" title={t('supervision.dashboard.units')}>
                    <Table
                      size="small"
                      rowKey={(u) => u.unit.id}
                      dataSource={data.units}
                      pagination={{ pageSize: 10, hideOnSinglePage: true }}
                      locale={{ emptyText: t('supervision.dashboard.noUnits') }}
                      scroll={{ x: 760 }}
                      columns={[
                        {
                          title: t('supervision.col.unit'),
                          key: 'unit',
                          render: (_, u) => (
                            <Link to={`/supervision/orders?unit=${u.unit.id}`}>{u.unit.name || '—'}</Link>
                          ),
                        },
                        {
                          title: t('supervision.col.findings'),
                          dataIndex: 'findings',
                          width: 90,
                          align: 'right',
                        },
                        {
                          title: t('supervision.col.openFindings'),
                          dataIndex: 'openFindings',
                          width: 100,
                          align: 'right',
                        },
                        {
                          title: t('supervision.col.orders'),
                          dataIndex: 'orders',
                          width: 90,
                          align: 'right',
                        },
                        {
                          title: t('supervision.col.openOrders'),
                          dataIndex: 'open',
                          width: 90,
                          align: 'right',
                        },
                        {
                          title: t('supervision.col.overdueRed'),
                          key: 'red',
                          width: 90,
                          align: 'right',
                          render: (_, u) => (
                            <span style={{ color: u.byTier.red ? '#cf1322' : undefined }}>
                              {u.byTier.red}
                            </span>
                          ),
                        },
                        {
                          title: t('supervision.col.overdueYellow'),
                          key: 'yellow',
                          width: 90,
                          align: 'right',
                          render: (_, u) => (
                            <span style={{ color: u.byTier.yellow ? '#d48806' : undefined }}>
                              {u.byTier.yellow}
                            </span>
                          ),
                        },
                        {
                          title: t('supervision.col.closedOnTime'),
                          dataIndex: 'closedOnTime',
                          width: 100,
                          align: 'right',
                        },
                      ]}
                    />
                  </Card>
                </Col>
              )}
            </Row>
          </>
        )}
      </QueryState>
    </div>
  );
}
