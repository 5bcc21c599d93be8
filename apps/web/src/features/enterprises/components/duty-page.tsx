import { DUTY_STATUS_LABELS, DUTY_STATUSES, type DutyStatusCode } from '@zhijiao/contracts';
import { Alert, Button, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ExportButton } from '@/components/export-button';
import { ChoiceFilter, SearchFilter } from '@/components/list-filters';
import { RecordListPage, RecordTable } from '@/components/record-list-page';
import { QueryState } from '@/components/query-state';
import { chinaYear, formatPercent } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useUrlFilters } from '@/lib/url-filters';
import { useDutyTable, type DutyTable } from '../api/get-duty-table';
import { registerYears } from '../lib/register-years';
import { EnterprisesTabs } from './enterprises-tabs';

type Status = DutyStatusCode;
/** A count not on file as a dash. */
const dash = (n: number | null) => (n === null ? '—' : n);
/** A count of what is missing (enterprises short, posts short), red when above zero. */
const missing = (n: number | null) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : dash(n));
const STATUS_COLORS: Record<Status, string> = {
  short: 'red',
  not_judged: 'gold',
  met: 'green',
  not_applicable: 'default',
};
const PAGE = 20;

function StatusTag({ status, note }: { status: Status; note?: string }) {
  const lang = useLang();
  return (
    <Tag color={STATUS_COLORS[status]} title={note}>
      {pick(DUTY_STATUS_LABELS[status], lang)}
    </Tag>
  );
}

/** The totals line: 规上 enterprises met / short / not judged, the district's share and the insurance coverage. */
function TotalsLine({ totals }: { totals: DutyTable['totals'] }) {
  const t = useT();
  return (
    <Alert
      type={totals.short > 0 ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="duty-totals"
      title={t('duty.totals', {
        aboveScale: totals.aboveScale,
        met: totals.met,
        short: totals.short,
        notJudged: totals.notJudged,
        share: totals.sharePercent === null ? '—' : `${totals.sharePercent}%`,
        required: totals.required,
        offered: totals.offered,
        placements: totals.placements,
        coverage: formatPercent(totals.coveragePercent),
      })}
    />
  );
}

/**
 * `/enterprises/internship-duty`: 实习岗位 2% 落实 (task （十三）) for a year (`?year=`). A district's
 * reader sees its enterprises, short first, filtered by status and name (`?status=&q=`), paged on
 * the server, each linking to its register page; an enterprise's account its own row. A user above
 * districts sees one row per district and opens one (`?districtId=`).
 */
export function DutyPage() {
  const t = useT();
  const [filter, setUrlFilter] = useUrlFilters({
    year: 'number',
    districtId: 'text',
    status: DUTY_STATUSES,
    q: 'text',
  });
  const [page, setPage] = useState(1);
  const setFilter: typeof setUrlFilter = (key, value) => {
    setPage(1);
    setUrlFilter(key, value);
  };
  const year = filter.year ?? chinaYear();
  const years = registerYears(chinaYear(), year);
  const table = useDutyTable({
    year,
    ...(filter.districtId ? { districtId: filter.districtId } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.q ? { q: filter.q } : {}),
    limit: PAGE,
    offset: (page - 1) * PAGE,
  });
  const region = table.data?.level === 'region';
  return (
    <RecordListPage
      testId="duty-page"
      tabs={<EnterprisesTabs />}
      title={t('duty.title')}
      subtitle={t('duty.subtitle')}
      actions={
        <ExportButton
          path="/api/internships/duty/export.xlsx"
          query={{
            year,
            ...(filter.districtId ? { districtId: filter.districtId } : {}),
            ...(filter.status ? { status: filter.status } : {}),
            ...(filter.q ? { q: filter.q } : {}),
          }}
          filename="实习岗位2%落实.xlsx"
        />
      }
      filters={
        <>
          <Select
            style={{ width: 110 }}
            aria-label={t('duty.year')}
            value={year}
            onChange={(v) => setFilter('year', v)}
            options={years.map((y) => ({ value: y, label: t('duty.yearOption', { year: y }) }))}
            data-testid="duty-year"
          />
          {!region && (
            <>
              <ChoiceFilter
                label={t('duty.status')}
                width={130}
                values={DUTY_STATUSES}
                labels={DUTY_STATUS_LABELS}
                value={filter.status}
                onChange={(v) => setFilter('status', v ?? null)}
              />
              <SearchFilter
                label={t('duty.q')}
                width={240}
                value={filter.q}
                onChange={(v) => setFilter('q', v)}
              />
            </>
          )}
        </>
      }
    >
      <QueryState query={table}>
        {(data) =>
          data.level === 'region' ? (
            <DistrictsTable data={data} onOpen={(id) => setFilter('districtId', id)} />
          ) : (
            <>
              {filter.districtId && (
                <Button type="link" style={{ paddingLeft: 0 }} onClick={() => setFilter('districtId', null)}>
                  {t('duty.back')}
                </Button>
              )}
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                {data.unit.name}
              </Typography.Title>
              <TotalsLine totals={data.totals} />
              <EnterprisesTable data={data} page={page} onPage={setPage} />
            </>
          )
        }
      </QueryState>
    </RecordListPage>
  );
}

/** One row per district under the user's unit, with the sum; a district's name opens it. */
function DistrictsTable({ data, onOpen }: { data: DutyTable; onOpen: (districtId: string) => void }) {
  const t = useT();
  type Row = DutyTable['districts'][number];
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('duty.province', { unit: data.unit.name })}
      </Typography.Title>
      <TotalsLine totals={data.totals} />
      <RecordTable<Row>
        rowKey={(r) => r.district.id}
        dataSource={data.districts}
        emptyText={t('duty.empty')}
        data-testid="duty-districts"
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('duty.col.district'),
            key: 'district',
            width: 140,
            render: (_, r) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(r.district.id)}>
                {r.district.name}
              </Button>
            ),
          },
          { title: t('duty.col.aboveScale'), dataIndex: 'aboveScale', width: 90, align: 'right' },
          { title: t('duty.col.met'), dataIndex: 'met', width: 80, align: 'right' },
          {
            title: t('duty.col.short'),
            key: 'short',
            width: 80,
            align: 'right',
            render: (_, r) => missing(r.short),
          },
          { title: t('duty.col.notJudged'), dataIndex: 'notJudged', width: 80, align: 'right' },
          { title: t('duty.col.staff'), dataIndex: 'staff', width: 100, align: 'right' },
          { title: t('duty.col.required'), dataIndex: 'required', width: 90, align: 'right' },
          { title: t('duty.col.offered'), dataIndex: 'offered', width: 100, align: 'right' },
          // On a phone the card keeps the duty (staff, required, offered, shortfall); the rest is the desktop's.
          { title: t('duty.col.filled'), dataIndex: 'filled', width: 90, align: 'right', responsive: ['md'] },
          {
            title: t('duty.col.share'),
            key: 'share',
            width: 110,
            align: 'right',
            render: (_, r) => (r.sharePercent === null ? '—' : `${r.sharePercent}%`),
          },
          { title: t('duty.col.placements'), dataIndex: 'placements', width: 90, align: 'right' },
          {
            title: t('duty.col.coverage'),
            key: 'coverage',
            width: 100,
            align: 'right',
            render: (_, r) => formatPercent(r.coveragePercent),
          },
        ]}
      />
    </>
  );
}

/** A district's enterprises, a page at a time from the server, short first. */
function EnterprisesTable({
  data,
  page,
  onPage,
}: {
  data: DutyTable;
  page: number;
  onPage: (p: number) => void;
}) {
  const t = useT();
  type Row = DutyTable['enterprises']['items'][number];
  return (
    <>
      <Typography.Text type="secondary">{t('duty.total', { total: data.enterprises.total })}</Typography.Text>
      <RecordTable<Row>
        rowKey={(r) => r.enterprise.id}
        dataSource={data.enterprises.items}
        emptyText={t('duty.empty')}
        data-testid="duty-enterprises"
        style={{ marginTop: 8 }}
        scroll={{ x: 960 }}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: data.enterprises.total,
          onChange: onPage,
          hideOnSinglePage: true,
          showSizeChanger: false,
        }}
        onRow={(r, index) =>
          ({ 'data-testid': `duty-row-${index ?? 0}`, 'data-id': r.enterprise.id }) as object
        }
        columns={[
          {
            title: t('duty.col.enterprise'),
            key: 'enterprise',
            width: 220,
            render: (_, r) =>
              r.registered ? (
                <Link to={`/enterprises/${r.enterprise.id}`}>{r.enterprise.name}</Link>
              ) : (
                <span title={t('duty.notRegistered')}>{r.enterprise.name}</span>
              ),
          },
          {
            title: t('duty.col.status'),
            key: 'status',
            width: 100,
            render: (_, r) => <StatusTag status={r.status} note={r.note} />,
          },
          {
            title: t('duty.col.staff'),
            key: 'staff',
            width: 90,
            align: 'right',
            render: (_, r) => dash(r.staff),
          },
          {
            title: t('duty.col.required'),
            key: 'required',
            width: 80,
            align: 'right',
            render: (_, r) => dash(r.required),
          },
          { title: t('duty.col.offered'), dataIndex: 'offered', width: 100, align: 'right' },
          // On a phone the card keeps the duty (staff, required, offered, shortfall); the rest is the desktop's.
          { title: t('duty.col.filled'), dataIndex: 'filled', width: 90, align: 'right', responsive: ['md'] },
          {
            title: t('duty.col.shortfall'),
            key: 'shortfall',
            width: 80,
            align: 'right',
            render: (_, r) => missing(r.shortfall),
          },
          {
            title: t('duty.col.placements'),
            dataIndex: 'placements',
            width: 90,
            align: 'right',
            responsive: ['md'],
          },
          {
            title: t('duty.col.insured'),
            dataIndex: 'insured',
            width: 80,
            align: 'right',
            responsive: ['md'],
          },
        ]}
      />
    </>
  );
}
