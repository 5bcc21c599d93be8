import { PlusOutlined } from '@ant-design/icons';
import {
  APPRENTICESHIP_SCHEME_LABELS,
  APPRENTICESHIP_SCHEMES,
  APPRENTICESHIP_STATE_LABELS,
  APPRENTICESHIP_STATES,
  type ApprenticeshipScheme,
  type ApprenticeshipState,
} from '@zhijiao/contracts';
import { Button, Card, Empty, Select, Space } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { ResponsiveTable } from '@/components/responsive-table';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useSession } from '@/lib/session';
import { byDate, byNumber, byText } from '@/lib/sorters';
import { keepsCooperation } from '../access';
import { useApprenticeships } from '../api/apprenticeships';
import { ApprenticeshipFormModal } from './apprenticeship-form-modal';
import { ApprenticeshipStateTag, CooperationTabs, Period } from './shared';

/** `/cooperation/apprenticeships`: 学徒制项目 the user sees (`?scheme=&state=&enterpriseId=`). */
export function ApprenticeshipsPage() {
  const t = useT();
  const lang = useLang();
  const me = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = {
    scheme: (params.get('scheme') as ApprenticeshipScheme | null) ?? undefined,
    state: (params.get('state') as ApprenticeshipState | null) ?? undefined,
    enterpriseId: params.get('enterpriseId') ?? undefined,
  };
  const list = useApprenticeships(filter);
  const [adding, setAdding] = useState(false);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <div data-testid="cooperation-apprenticeships-page">
      <CooperationTabs />
      <PageHeader
        title={t('cooperation.apprenticeships.title')}
        subtitle={t('cooperation.apprenticeships.subtitle')}
        extra={
          keepsCooperation(me) && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setAdding(true)}
              data-testid="new-apprenticeship"
            >
              {t('cooperation.apprenticeships.add')}
            </Button>
          )
        }
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('cooperation.apprenticeships.scheme')}
            aria-label={t('cooperation.apprenticeships.scheme')}
            value={filter.scheme}
            onChange={(v: string | undefined) => set('scheme', v)}
            options={APPRENTICESHIP_SCHEMES.map((s) => ({
              value: s,
              label: pick(APPRENTICESHIP_SCHEME_LABELS[s], lang),
            }))}
          />
          <Select
            allowClear
            style={{ width: 220 }}
            placeholder={t('cooperation.status')}
            aria-label={t('cooperation.status')}
            value={filter.state}
            onChange={(v: string | undefined) => set('state', v)}
            options={APPRENTICESHIP_STATES.map((s) => ({
              value: s,
              label: pick(APPRENTICESHIP_STATE_LABELS[s], lang),
            }))}
          />
        </Space>
        <QueryState query={list}>
          {(items) => (
            <ResponsiveTable
              size="small"
              rowKey="id"
              dataSource={items}
              pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
              locale={{ emptyText: <Empty description={t('cooperation.apprenticeships.empty')} /> }}
              columns={[
                {
                  title: t('cooperation.apprenticeships.name'),
                  dataIndex: 'title',
                  sorter: byText((a) => a.title),
                  render: (title: string, a) => (
                    <Link to={`/cooperation/apprenticeships/${a.id}`} data-testid="apprenticeship-link">
                      {title}
                    </Link>
                  ),
                },
                {
                  title: t('cooperation.apprenticeships.scheme'),
                  key: 'scheme',
                  width: lang === 'en' ? 150 : 120,
                  render: (_, a) => pick(APPRENTICESHIP_SCHEME_LABELS[a.scheme], lang),
                },
                {
                  title: t('cooperation.school'),
                  key: 'school',
                  // A school's own list would repeat its name on every row.
                  hidden: keepsCooperation(me),
                  width: 110,
                  render: (_, a) => a.school.name,
                },
                {
                  title: t('cooperation.enterprise'),
                  key: 'enterprise',
                  width: 110,
                  render: (_, a) => a.enterprise.name,
                },
                {
                  title: t('cooperation.apprenticeships.count'),
                  dataIndex: 'apprenticeCount',
                  width: 90,
                  align: 'right',
                  sorter: byNumber((a) => a.apprenticeCount),
                },
                {
                  title: t('cooperation.period'),
                  key: 'period',
                  width: 210,
                  sorter: byDate((a) => a.startsOn),
                  render: (_, a) => <Period from={a.startsOn} to={a.endsOn} />,
                },
                {
                  title: t('cooperation.status'),
                  key: 'state',
                  width: 150,
                  render: (_, a) => <ApprenticeshipStateTag state={a.state} />,
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
      <ApprenticeshipFormModal
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={(id) => navigate(`/cooperation/apprenticeships/${id}`)}
      />
    </div>
  );
}
