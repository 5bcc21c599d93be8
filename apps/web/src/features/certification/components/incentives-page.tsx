import { PlusOutlined } from '@ant-design/icons';
import { INCENTIVE_KIND_LABELS, INCENTIVE_KINDS, type IncentiveKind } from '@zhijiao/contracts';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Statistic,
  Table,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ExportButton } from '@/components/export-button';
import { useFormSubmit } from '@/components/form-modal';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { ResponsiveTable } from '@/components/responsive-table';
import { formatNumber } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { byDate, byNumber } from '@/lib/sorters';
import {
  useGrantIncentive,
  useIncentives,
  type IncentiveBody,
  type IncentiveLedger,
} from '../api/certification';
import { EnterpriseSelect } from './applications-page';
import { CertificationTabs } from './certification-tabs';

type Item = IncentiveLedger['items'][number];

/**
 * `/certification/incentives`: 组合式激励台账 — each incentive granted to a certified enterprise,
 * totals by kind, year and enterprise (`?year=&kind=`), the Excel export, and the grant form for
 * the bureaus that grant them.
 */
export function IncentivesPage() {
  const t = useT();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const filter = {
    year: params.get('year') ? Number(params.get('year')) : undefined,
    kind: (params.get('kind') as IncentiveKind | null) ?? undefined,
  };
  const ledger = useIncentives(filter);
  const [granting, setGranting] = useState(false);
  const set = (key: string, value: string | number | null | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, String(value));
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const yuan = (n: number) => `${formatNumber(n)} ${t('certification.yuan')}`;
  return (
    <div data-testid="certification-incentives-page">
      <CertificationTabs />
      <PageHeader
        title={t('certification.incentives.title')}
        subtitle={t('certification.incentives.subtitle')}
        extra={
          <>
            <ExportButton
              path="/api/certification/incentives/export.xlsx"
              query={filter}
              filename="组合式激励台账.xlsx"
            />
            {ledger.data?.abilities.grant && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setGranting(true)}
                data-testid="grant"
              >
                {t('certification.grant')}
              </Button>
            )}
          </>
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <InputNumber
          min={2000}
          max={2100}
          placeholder={t('certification.year')}
          aria-label={t('certification.year')}
          value={filter.year ?? null}
          onChange={(v) => set('year', v)}
          style={{ width: 120 }}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('certification.kind')}
          aria-label={t('certification.kind')}
          value={filter.kind}
          onChange={(v: string | undefined) => set('kind', v)}
          options={INCENTIVE_KINDS.map((k) => ({ value: k, label: pick(INCENTIVE_KIND_LABELS[k], lang) }))}
        />
      </Space>
      <QueryState query={ledger}>
        {({ items, totals }) => (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Row gutter={[12, 12]} data-testid="totals-by-kind">
              <Col xs={12} md={4}>
                <Card size="small">
                  <Statistic
                    title={t('certification.totalAmount')}
                    value={totals.amount}
                    formatter={(v) => yuan(Number(v))}
                  />
                </Card>
              </Col>
              {totals.byKind.map((k) => (
                <Col xs={12} md={4} key={k.kind}>
                  <Card size="small">
                    <Statistic
                      title={pick(INCENTIVE_KIND_LABELS[k.kind], lang)}
                      value={k.count}
                      suffix={t('certification.times')}
                    />
                    <div style={{ color: '#666', fontSize: 12 }}>{k.amount > 0 ? yuan(k.amount) : ' '}</div>
                  </Card>
                </Col>
              ))}
            </Row>
            <Card size="small">
              <ResponsiveTable<Item>
                size="small"
                rowKey="id"
                dataSource={items}
                pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
                locale={{ emptyText: <Empty description={t('certification.incentives.empty')} /> }}
                columns={[
                  {
                    title: t('certification.enterprise'),
                    key: 'enterprise',
                    render: (_, i) => i.enterprise.name,
                  },
                  {
                    title: t('certification.kind'),
                    key: 'kind',
                    width: 80,
                    render: (_, i) => pick(INCENTIVE_KIND_LABELS[i.kind], lang),
                  },
                  {
                    title: t('certification.grantedBy'),
                    key: 'by',
                    width: 200,
                    render: (_, i) =>
                      i.grantor ? `${i.grantor}（${i.grantingUnit.name}）` : i.grantingUnit.name,
                  },
                  {
                    title: t('certification.amount'),
                    dataIndex: 'amount',
                    width: 130,
                    align: 'right',
                    sorter: byNumber((i) => i.amount ?? 0),
                    render: (a: number | null) => (a === null ? '—' : formatNumber(a)),
                  },
                  { title: t('certification.measure'), dataIndex: 'measure' },
                  {
                    title: t('certification.grantedOn'),
                    dataIndex: 'grantedOn',
                    width: 110,
                    sorter: byDate((i) => i.grantedOn),
                  },
                  {
                    title: t('certification.basisNumber'),
                    key: 'basis',
                    width: 180,
                    render: (_, i) => i.basisNumber || i.basisFile?.name || '—',
                  },
                ]}
              />
            </Card>
            <Row gutter={[12, 12]}>
              <Col xs={24} md={12}>
                <Card size="small" title={t('certification.byYear')}>
                  <Table
                    size="small"
                    rowKey="year"
                    pagination={false}
                    dataSource={totals.byYear}
                    columns={[
                      { title: t('certification.year'), dataIndex: 'year' },
                      { title: t('certification.count'), dataIndex: 'count' },
                      {
                        title: t('certification.amount'),
                        dataIndex: 'amount',
                        render: (a: number) => formatNumber(a),
                      },
                    ]}
                  />
                </Card>
              </Col>
              <Col xs={24} md={12}>
                <Card size="small" title={t('certification.byEnterprise')}>
                  <Table
                    size="small"
                    rowKey={(r) => r.enterprise.id}
                    pagination={false}
                    dataSource={totals.byEnterprise}
                    columns={[
                      { title: t('certification.enterprise'), key: 'e', render: (_, r) => r.enterprise.name },
                      { title: t('certification.count'), dataIndex: 'count' },
                      {
                        title: t('certification.amount'),
                        dataIndex: 'amount',
                        render: (a: number) => formatNumber(a),
                      },
                    ]}
                  />
                </Card>
              </Col>
            </Row>
          </Space>
        )}
      </QueryState>
      <GrantModal open={granting} onClose={() => setGranting(false)} />
    </div>
  );
}

type GrantValues = Omit<IncentiveBody, 'grantedOn'> & { grantedOn: Dayjs };

function GrantModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const { form, submit, submitting } = useFormSubmit<GrantValues, IncentiveBody, unknown>({
    mutation: useGrantIncentive(),
    toInput: (v) => ({
      enterpriseId: v.enterpriseId,
      kind: v.kind,
      grantor: (v.grantor ?? '').trim(),
      amount: v.amount ?? null,
      measure: (v.measure ?? '').trim(),
      grantedOn: v.grantedOn.format('YYYY-MM-DD'),
      basisNumber: (v.basisNumber ?? '').trim(),
    }),
    successMessage: t('certification.granted'),
    onSaved: onClose,
  });
  return (
    <Modal
      open={open}
      title={t('certification.grant')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={submitting}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="enterpriseId" label={t('certification.enterprise')} rules={[{ required: true }]}>
          <EnterpriseSelect />
        </Form.Item>
        <Form.Item name="kind" label={t('certification.kind')} rules={[{ required: true }]}>
          <Select
            options={INCENTIVE_KINDS.map((k) => ({ value: k, label: pick(INCENTIVE_KIND_LABELS[k], lang) }))}
          />
        </Form.Item>
        <Form.Item name="grantor" label={t('certification.grantor')} extra={t('certification.grantorHint')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="amount" label={t('certification.amountYuan')}>
          <InputNumber min={0.01} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="measure" label={t('certification.measure')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="grantedOn" label={t('certification.grantedOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="basisNumber" label={t('certification.basisNumber')}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
