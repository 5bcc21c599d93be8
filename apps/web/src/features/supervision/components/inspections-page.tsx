import { PlusOutlined } from '@ant-design/icons';
import { INSPECTION_STATES, type InspectionState } from '@zhijiao/contracts';
import { Button, Card, Empty, Segmented, Table } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { formatDate } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { can } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useInspections } from '../api/get-inspections';
import { InspectionFormModal } from './inspection-form-modal';
import { InspectionKindTag, InspectionStateTag } from './supervision-tags';
import { SupervisionTabs } from './supervision-tabs';

/** `/supervision/inspections`: inspections by state; the coordinator plans new ones (`?create=1` opens the form). */
export function InspectionsPage() {
  const t = useT();
  const me = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const state = (params.get('state') as InspectionState | null) ?? undefined;
  const creating = params.get('create') === '1';
  const inspections = useInspections(state);
  const mayCreate = can(me, 'supervision.manage');
  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <div data-testid="inspections-page">
      <SupervisionTabs />
      <PageHeader
        title={t('supervision.inspections.title')}
        subtitle={t('supervision.inspections.subtitle')}
        extra={
          mayCreate && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="create-inspection-button"
              onClick={() => setParam('create', '1')}
            >
              {t('supervision.inspections.create')}
            </Button>
          )
        }
      />
      <Card size="small">
        <Segmented
          style={{ marginBottom: 12 }}
          value={state ?? 'all'}
          onChange={(v) => setParam('state', v === 'all' ? undefined : String(v))}
          options={[
            { value: 'all', label: t('common.all') },
            ...INSPECTION_STATES.map((s) => ({ value: s, label: t(`supervision.inspectionState.${s}`) })),
          ]}
        />
        <QueryState query={inspections}>
          {(items) => (
            <Table
              size="small"
              rowKey="id"
              dataSource={items}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 860 }}
              onRow={(r, index) =>
                ({
                  'data-testid': `inspection-row-${index ?? 0}`,
                  'data-id': r.id,
                }) as HTMLAttributes<HTMLElement>
              }
              locale={{
                emptyText: (
                  <Empty
                    description={t(
                      mayCreate ? 'supervision.inspections.emptyManage' : 'supervision.inspections.empty',
                    )}
                  />
                ),
              }}
              columns={[
                {
                  title: t('supervision.col.inspection'),
                  key: 'title',
                  render: (_, i) => <Link to={`/supervision/inspections/${i.id}`}>{i.title}</Link>,
                },
                {
                  title: t('supervision.col.kind'),
                  key: 'kind',
                  width: 110,
                  render: (_, i) => <InspectionKindTag kind={i.kind} />,
                },
                {
                  title: t('supervision.col.state'),
                  key: 'state',
                  width: 100,
                  render: (_, i) => <InspectionStateTag state={i.state} />,
                },
                {
                  title: t('supervision.col.period'),
                  key: 'dates',
                  width: 200,
                  render: (_, i) => `${formatDate(i.startsOn)} ~ ${formatDate(i.endsOn)}`,
                },
                {
                  title: t('supervision.col.findings'),
                  dataIndex: 'findingCount',
                  width: 90,
                  align: 'right',
                },
                {
                  title: t('supervision.col.openOrders'),
                  dataIndex: 'openOrderCount',
                  width: 100,
                  align: 'right',
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
      {mayCreate && (
        <InspectionFormModal
          open={creating}
          onClose={() => setParam('create', undefined)}
          onSaved={(saved) => navigate(`/supervision/inspections/${saved.id}`)}
        />
      )}
    </div>
  );
}
