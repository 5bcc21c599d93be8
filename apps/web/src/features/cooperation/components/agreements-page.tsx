import { PlusOutlined } from '@ant-design/icons';
import {
  AGREEMENT_STATUS_LABELS,
  AGREEMENT_STATUSES,
  COOPERATION_SCOPE_LABELS,
  COOPERATION_SCOPES,
  type AgreementStatus,
  type CooperationScope,
} from '@zhijiao/contracts';
import { Button, Card, Empty, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { ResponsiveTable } from '@/components/responsive-table';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useSession } from '@/lib/session';
import { byDate, byText } from '@/lib/sorters';
import { keepsCooperation } from '../access';
import { useAgreements } from '../api/agreements';
import { AgreementFormModal } from './agreement-form-modal';
import { AgreementStatusTag, CooperationTabs, Period } from './shared';

/**
 * `/cooperation/agreements`: 校企合作协议 the user sees (`?status=&scope=&year=&q=`); a row opens
 * the agreement; a vocational school records its own.
 */
export function AgreementsPage() {
  const t = useT();
  const lang = useLang();
  const me = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = {
    status: (params.get('status') as AgreementStatus | null) ?? undefined,
    scope: (params.get('scope') as CooperationScope | null) ?? undefined,
    year: params.get('year') ? Number(params.get('year')) : undefined,
    q: params.get('q') ?? undefined,
  };
  const agreements = useAgreements(filter);
  const [adding, setAdding] = useState(false);
  const set = (key: string, value: string | number | null | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, String(value));
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <div data-testid="cooperation-agreements-page">
      <CooperationTabs />
      <PageHeader
        title={t('cooperation.agreements.title')}
        subtitle={t('cooperation.agreements.subtitle')}
        extra={
          keepsCooperation(me) && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setAdding(true)}
              data-testid="new-agreement"
            >
              {t('cooperation.agreements.add')}
            </Button>
          )
        }
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            style={{ width: 130 }}
            placeholder={t('cooperation.status')}
            aria-label={t('cooperation.status')}
            value={filter.status}
            onChange={(v: string | undefined) => set('status', v)}
            options={AGREEMENT_STATUSES.map((s) => ({
              value: s,
              label: pick(AGREEMENT_STATUS_LABELS[s], lang),
            }))}
          />
          <Select
            allowClear
            style={{ width: 150 }}
            placeholder={t('cooperation.agreements.scopes')}
            aria-label={t('cooperation.agreements.scopes')}
            value={filter.scope}
            onChange={(v: string | undefined) => set('scope', v)}
            options={COOPERATION_SCOPES.map((s) => ({
              value: s,
              label: pick(COOPERATION_SCOPE_LABELS[s], lang),
            }))}
          />
          <InputNumber
            min={2000}
            max={2100}
            placeholder={t('internships.year')}
            aria-label={t('internships.year')}
            value={filter.year ?? null}
            onChange={(v) => set('year', v)}
            style={{ width: 110 }}
          />
          <Input.Search
            allowClear
            placeholder={t('cooperation.search')}
            aria-label={t('cooperation.search')}
            defaultValue={filter.q}
            onSearch={(v) => set('q', v.trim())}
            style={{ width: 200 }}
          />
        </Space>
        <QueryState query={agreements}>
          {(items) => (
            <ResponsiveTable
              size="small"
              rowKey="id"
              dataSource={items}
              pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
              locale={{ emptyText: <Empty description={t('cooperation.agreements.empty')} /> }}
              columns={[
                {
                  title: t('cooperation.agreements.name'),
                  dataIndex: 'title',
                  sorter: byText((a) => a.title),
                  render: (title: string, a) => (
                    <Link to={`/cooperation/agreements/${a.id}`} data-testid="agreement-link">
                      {title}
                    </Link>
                  ),
                },
                {
                  title: t('cooperation.school'),
                  key: 'school',
                  // A school's own list would repeat its name on every row.
                  hidden: keepsCooperation(me),
                  width: 120,
                  render: (_, a) => a.school.name,
                },
                {
                  title: t('cooperation.enterprise'),
                  key: 'enterprise',
                  width: 120,
                  render: (_, a) => a.enterprise.name,
                },
                {
                  title: t('cooperation.agreements.scopes'),
                  key: 'scopes',
                  render: (_, a) => a.scopes.map((s) => pick(COOPERATION_SCOPE_LABELS[s], lang)).join('、'),
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
                  key: 'status',
                  width: 90,
                  render: (_, a) => <AgreementStatusTag status={a.status} />,
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
      <AgreementFormModal
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={(id) => navigate(`/cooperation/agreements/${id}`)}
      />
    </div>
  );
}
