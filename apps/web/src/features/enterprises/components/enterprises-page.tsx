import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { ENTERPRISE_STATUSES, ENTERPRISE_STATUS_LABELS, INDUSTRY_SECTIONS } from '@zhijiao/contracts';
import { Button, Card, Flex, Pagination, Select, Space, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ExportButton } from '@/components/export-button';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { ResponsiveTable } from '@/components/responsive-table';
import { SearchInput } from '@/components/search-input';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useSession } from '@/lib/session';
import { useEnterprises, type EnterpriseFilter } from '../api/get-enterprises';
import { divisionText, keepsRegister, sectionText } from '../lib/register';
import { registerYears } from '../lib/register-years';
import { EnterpriseFormModal } from './enterprise-form-modal';
import { EnterprisesTabs } from './enterprises-tabs';
import { AboveScaleTag, StatusTag } from './enterprise-tags';
import { chinaYear } from '@/lib/format';

const PAGE = 20;

/**
 * `/enterprises`: the register (企业名录) the user sees — a district's enterprises, or an enterprise
 * account's own — for one year (its staff count and 规上 flag), filtered by 规上, 门类, status and
 * name or code (`?year=&scale=&section=&status=&q=`), paged on the server. Register keepers
 * register, import and export here.
 */
export function EnterprisesPage() {
  const t = useT();
  const lang = useLang();
  const me = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const scale = params.get('scale');
  const filter: EnterpriseFilter = {
    year: params.has('year') ? Number(params.get('year')) : undefined,
    aboveScale: scale === 'above' ? true : scale === 'below' ? false : undefined,
    section: (params.get('section') as EnterpriseFilter['section']) ?? undefined,
    status: (params.get('status') as EnterpriseFilter['status']) ?? undefined,
    q: params.get('q') ?? undefined,
  };
  const list = useEnterprises({ ...filter, limit: PAGE, offset: (page - 1) * PAGE });
  const keeper = keepsRegister(me);
  const year = list.data?.year ?? filter.year;
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setPage(1);
    setParams(next, { replace: true });
  };

  return (
    <div data-testid="enterprises-page">
      <EnterprisesTabs />
      <PageHeader
        title={t('enterprises.title')}
        subtitle={t('enterprises.subtitle')}
        extra={
          <>
            <ExportButton
              path="/api/enterprises/export.xlsx"
              query={{ ...filter, year }}
              filename="企业名录.xlsx"
            />
            {keeper && (
              <Link to="/enterprises/import">
                <Button icon={<UploadOutlined />} data-testid="enterprises-import">
                  {t('enterprises.import')}
                </Button>
              </Link>
            )}
            {keeper && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="enterprises-add"
              >
                {t('enterprises.add')}
              </Button>
            )}
          </>
        }
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            style={{ minWidth: 110 }}
            aria-label={t('enterprises.filter.year')}
            value={year}
            onChange={(v) => set('year', String(v))}
            options={registerYears(chinaYear(), year ?? undefined).map((y) => ({
              value: y,
              label: t('enterprises.yearOption', { year: y }),
            }))}
          />
          <Select
            allowClear
            style={{ minWidth: 120 }}
            placeholder={t('enterprises.filter.scale')}
            aria-label={t('enterprises.filter.scale')}
            value={scale ?? undefined}
            onChange={(v) => set('scale', v)}
            options={[
              { value: 'above', label: t('enterprises.scale.above') },
              { value: 'below', label: t('enterprises.scale.belowOrUnknown') },
            ]}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 180 }}
            placeholder={t('enterprises.filter.section')}
            aria-label={t('enterprises.filter.section')}
            value={filter.section}
            onChange={(v) => set('section', v)}
            options={INDUSTRY_SECTIONS.map((s) => ({ value: s.code, label: sectionText(s.code, lang) }))}
          />
          <Select
            allowClear
            style={{ minWidth: 100 }}
            placeholder={t('enterprises.col.status')}
            aria-label={t('enterprises.col.status')}
            value={filter.status}
            onChange={(v) => set('status', v)}
            options={ENTERPRISE_STATUSES.map((s) => ({
              value: s,
              label: pick(ENTERPRISE_STATUS_LABELS[s], lang),
            }))}
          />
          <SearchInput
            allowClear
            style={{ width: 220 }}
            placeholder={t('enterprises.filter.q')}
            aria-label={t('enterprises.filter.q')}
            defaultValue={filter.q}
            onSearch={(v) => set('q', v.trim() || undefined)}
          />
        </Space>
        <QueryState query={list}>
          {({ items, total }) => (
            <>
              <Typography.Text type="secondary">{t('enterprises.total', { total })}</Typography.Text>
              <ResponsiveTable
                size="small"
                rowKey="id"
                dataSource={items}
                style={{ marginTop: 8 }}
                scroll={{ x: 960 }}
                pagination={false}
                data-testid="enterprises-table"
                onRow={(r, index) =>
                  ({
                    'data-testid': `enterprise-row-${index ?? 0}`,
                    'data-id': r.id,
                    style: { cursor: 'pointer' },
                    onClick: () => navigate(`/enterprises/${r.id}`),
                  }) as HTMLAttributes<HTMLElement>
                }
                columns={[
                  {
                    title: t('enterprises.col.legalName'),
                    key: 'name',
                    width: 260,
                    render: (_, r) => <Link to={`/enterprises/${r.id}`}>{r.legalName}</Link>,
                  },
                  { title: t('enterprises.col.uscc'), dataIndex: 'uscc', width: 190 },
                  {
                    title: t('enterprises.col.industry'),
                    key: 'industry',
                    width: 200,
                    render: (_, r) => (
                      <span title={sectionText(r.industrySection, lang)}>
                        {divisionText(r.industryDivision)}
                      </span>
                    ),
                  },
                  {
                    title: t('enterprises.col.staffOf', { year: year ?? '' }),
                    key: 'staff',
                    width: 110,
                    align: 'right',
                    render: (_, r) => r.facts?.staff ?? '—',
                  },
                  {
                    title: t('enterprises.col.scaleOf', { year: year ?? '' }),
                    key: 'scale',
                    width: 110,
                    render: (_, r) => (
                      <AboveScaleTag aboveScale={r.facts?.aboveScale} source={r.facts?.aboveScaleSource} />
                    ),
                  },
                  {
                    title: t('enterprises.col.status'),
                    key: 'status',
                    width: 80,
                    render: (_, r) => <StatusTag status={r.status} />,
                  },
                ]}
              />
              {total > PAGE && (
                <Flex justify="flex-end" style={{ marginTop: 12 }}>
                  <Pagination
                    current={page}
                    pageSize={PAGE}
                    total={total}
                    onChange={setPage}
                    showSizeChanger={false}
                    responsive
                  />
                </Flex>
              )}
            </>
          )}
        </QueryState>
      </Card>
      {creating && (
        <EnterpriseFormModal
          open
          onClose={() => setCreating(false)}
          onSaved={(e) => navigate(`/enterprises/${e.id}`)}
        />
      )}
    </div>
  );
}
