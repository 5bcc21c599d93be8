import { PlusOutlined } from '@ant-design/icons';
import {
  CENTRE_KIND_LABELS,
  CENTRE_KINDS,
  CENTRE_STATE_LABELS,
  CENTRE_STATES,
  type CentreKind,
  type CentreState,
} from '@zhijiao/contracts';
import { Button, Card, Empty, Select, Space } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { ResponsiveTable } from '@/components/responsive-table';
import { formatNumber } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useSession } from '@/lib/session';
import { byDate, byNumber, byText } from '@/lib/sorters';
import { keepsCooperation } from '../access';
import { useCentres } from '../api/centres';
import { CentreFormModal } from './centre-forms';
import { CentreStateTag, CooperationTabs } from './shared';

/** `/cooperation/centres`: 协同创新中心 and 教学工厂 the user sees (`?kind=&state=`). */
export function CentresPage() {
  const t = useT();
  const lang = useLang();
  const me = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = {
    kind: (params.get('kind') as CentreKind | null) ?? undefined,
    state: (params.get('state') as CentreState | null) ?? undefined,
  };
  const centres = useCentres(filter);
  const [adding, setAdding] = useState(false);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <div data-testid="cooperation-centres-page">
      <CooperationTabs />
      <PageHeader
        title={t('cooperation.centres.title')}
        subtitle={t('cooperation.centres.subtitle')}
        extra={
          keepsCooperation(me) && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setAdding(true)}
              data-testid="new-centre"
            >
              {t('cooperation.centres.add')}
            </Button>
          )
        }
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            style={{ width: 200 }}
            placeholder={t('cooperation.centres.kind')}
            aria-label={t('cooperation.centres.kind')}
            value={filter.kind}
            onChange={(v: string | undefined) => set('kind', v)}
            options={CENTRE_KINDS.map((k) => ({ value: k, label: pick(CENTRE_KIND_LABELS[k], lang) }))}
          />
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('cooperation.status')}
            aria-label={t('cooperation.status')}
            value={filter.state}
            onChange={(v: string | undefined) => set('state', v)}
            options={CENTRE_STATES.map((s) => ({ value: s, label: pick(CENTRE_STATE_LABELS[s], lang) }))}
          />
        </Space>
        <QueryState query={centres}>
          {(items) => (
            <ResponsiveTable
              size="small"
              rowKey="id"
              dataSource={items}
              pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
              locale={{ emptyText: <Empty description={t('cooperation.centres.empty')} /> }}
              columns={[
                {
                  title: t('cooperation.centres.name'),
                  dataIndex: 'name',
                  sorter: byText((c) => c.name),
                  render: (name: string, c) => (
                    <Link to={`/cooperation/centres/${c.id}`} data-testid="centre-link">
                      {name}
                    </Link>
                  ),
                },
                {
                  title: t('cooperation.centres.kind'),
                  key: 'kind',
                  width: lang === 'en' ? 200 : 170,
                  render: (_, c) => pick(CENTRE_KIND_LABELS[c.kind], lang),
                },
                {
                  title: t('cooperation.school'),
                  key: 'school',
                  // A school's own list would repeat its name on every row.
                  hidden: keepsCooperation(me),
                  width: 110,
                  render: (_, c) => c.school.name,
                },
                {
                  title: t('cooperation.centres.partners'),
                  key: 'partners',
                  width: 140,
                  render: (_, c) =>
                    c.partners.map((p) => p.name).join('、') || t('cooperation.centres.noPartner'),
                },
                {
                  title: t('cooperation.centres.openedOn'),
                  dataIndex: 'openedOn',
                  width: 110,
                  sorter: byDate((c) => c.openedOn),
                },
                {
                  title: t('cooperation.centres.staffTrained'),
                  key: 'staff',
                  width: 120,
                  align: 'right',
                  sorter: byNumber((c) => c.totals.staffTrained),
                  render: (_, c) => formatNumber(c.totals.staffTrained),
                },
                {
                  title: t('cooperation.status'),
                  key: 'state',
                  width: 90,
                  render: (_, c) => <CentreStateTag state={c.state} />,
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
      <CentreFormModal
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={(id) => navigate(`/cooperation/centres/${id}`)}
      />
    </div>
  );
}
