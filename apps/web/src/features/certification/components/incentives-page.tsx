import { INCENTIVE_KIND_LABELS, INCENTIVE_KINDS } from '@zhijiao/contracts';
import { Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Statistic, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { EvidenceUpload, uploadedIds, type EvidenceFile } from '@/components/evidence-upload';
import { ExportButton } from '@/components/export-button';
import { FormModal } from '@/components/form-modal';
import { ChoiceFilter, YearFilter } from '@/components/list-filters';
import { QueryState } from '@/components/query-state';
import { RecordListPage, RecordTable } from '@/components/record-list-page';
import { chinaTodayDay, formatNumber } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { byDate, byNumber } from '@/lib/sorters';
import { useSession } from '@/lib/session';
import { useUrlFilters } from '@/lib/url-filters';
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
  const [filter, setFilter] = useUrlFilters({ year: 'number', kind: INCENTIVE_KINDS });
  const ledger = useIncentives(filter);
  const ownEnterprise = useSession()?.orgUnit.type === 'enterprise';
  const yuan = (n: number) => `${formatNumber(n)} ${t('certification.yuan')}`;
  return (
    <RecordListPage
      testId="certification-incentives-page"
      tabs={<CertificationTabs />}
      title={t('certification.incentives.title')}
      subtitle={t('certification.incentives.subtitle')}
      actions={
        <ExportButton
          path="/api/certification/incentives/export.xlsx"
          query={filter}
          filename="组合式激励台账.xlsx"
        />
      }
      create={
        ledger.data?.abilities.grant && {
          label: t('certification.grant'),
          testId: 'grant',
          form: (modal) => <GrantModal {...modal} />,
        }
      }
      filters={
        <>
          <YearFilter
            label={t('certification.year')}
            width={120}
            value={filter.year}
            onChange={(v) => setFilter('year', v)}
          />
          <ChoiceFilter
            label={t('certification.kind')}
            width={140}
            values={INCENTIVE_KINDS}
            labels={INCENTIVE_KIND_LABELS}
            value={filter.kind}
            onChange={(v) => setFilter('kind', v)}
          />
        </>
      }
      card={false}
    >
      <QueryState query={ledger}>
        {({ items, totals }) => (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Row gutter={[12, 12]} data-testid="totals-by-kind">
              <Col xs={12} md={4}>
                {/* Each card as tall as the row: the total has no amount line under it. */}
                <Card size="small" style={{ height: '100%' }}>
                  <Statistic
                    title={t('certification.totalAmount')}
                    value={totals.amount}
                    formatter={(v) => yuan(Number(v))}
                  />
                </Card>
              </Col>
              {totals.byKind.map((k) => (
                <Col xs={12} md={4} key={k.kind}>
                  <Card size="small" style={{ height: '100%' }}>
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
              <RecordTable<Item>
                dataSource={items}
                emptyText={t('certification.incentives.empty')}
                columns={[
                  {
                    title: t('certification.enterprise'),
                    key: 'enterprise',
                    // An enterprise's own ledger would repeat its name on every row.
                    hidden: ownEnterprise,
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
                    render: (_, i) => <Basis incentive={i} />,
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
    </RecordListPage>
  );
}

/** The basis of a grant: its document number, and the stored document as a link when on file. */
function Basis({ incentive: { basisNumber, basisFile } }: { incentive: Item }) {
  if (!basisFile) return <>{basisNumber || '—'}</>;
  return (
    <a href={`/api/files/${basisFile.id}`} target="_blank" rel="noreferrer" data-testid="basis-file">
      {basisNumber || basisFile.name}
    </a>
  );
}

type GrantValues = Omit<IncentiveBody, 'grantedOn' | 'basisFileId'> & {
  grantedOn: Dayjs;
  files?: EvidenceFile[];
};

function GrantModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  return (
    <FormModal<GrantValues, IncentiveBody, unknown>
      open={open}
      onClose={onClose}
      title={t('certification.grant')}
      testId="grant-save"
      mutation={useGrantIncentive()}
      toInput={(v) => ({
        enterpriseId: v.enterpriseId,
        kind: v.kind,
        grantor: (v.grantor ?? '').trim(),
        amount: v.amount ?? null,
        measure: (v.measure ?? '').trim(),
        grantedOn: v.grantedOn.format('YYYY-MM-DD'),
        basisNumber: (v.basisNumber ?? '').trim(),
        basisFileId: uploadedIds(v.files ?? [])[0] ?? null,
      })}
      mapPath={(path) => (path[0] === 'basisFileId' ? ['files'] : path)}
      successMessage={t('certification.granted')}
    >
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
        <InputNumber min={0.01} style={{ width: '100%' }} data-testid="grant-amount" />
      </Form.Item>
      <Form.Item name="measure" label={t('certification.measure')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Form.Item name="grantedOn" label={t('certification.grantedOn')} rules={[{ required: true }]}>
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(d) => d.isAfter(chinaTodayDay(), 'day')}
          data-testid="grant-date"
        />
      </Form.Item>
      <Form.Item
        name="basisNumber"
        label={t('certification.basisNumber')}
        extra={t('certification.basisHint')}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="files" label={t('certification.basisFile')}>
        <EvidenceUpload
          max={1}
          testId="upload-basis"
          buttonTestId="basis-file-button"
          buttonLabel={t('certification.uploadBasis')}
        />
      </Form.Item>
    </FormModal>
  );
}
