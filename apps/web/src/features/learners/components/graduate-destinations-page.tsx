import { Card, Col, Empty, Row, Select, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { QueryState } from '@/components/query-state';
import { RecordListPage } from '@/components/record-list-page';
import { ResponsiveTable } from '@/components/responsive-table';
import { chinaToday, formatNumber, formatShare } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useUrlFilters } from '@/lib/url-filters';
import { useGraduateDestinations } from '../api/destinations';
import type { DestinationFigures, Graduate, GraduateDestinations } from '../destination-types';
import { useRegisterSchools } from '../lib/schools';
import { useDestinationText } from './destination-text';
import { LearnersTabs } from './learners-tabs';

/** The latest class that has graduated: this year's from 1 July (graduation day), else last year's. */
export function latestGraduationYear(today: string): number {
  const year = Number(today.slice(0, 4));
  return today >= `${year}-07-01` ? year : year - 1;
}

/**
 * `/learners/destinations`: 毕业生去向 — a year's graduates of the schools the user sees (`?year=`,
 * `?school=`), the figures the quality evaluation reads (去向落实率, 就业率, 升学率 with 中高职衔接,
 * 专业对口率, 本区就业, 起薪) for all of them and per school, and the list, each graduate's destination
 * in a line or 未登记; a name opens the learner, where the school records it.
 */
export function GraduateDestinationsPage() {
  const t = useT();
  const latest = latestGraduationYear(chinaToday());
  const [filter, setFilter] = useUrlFilters({ year: 'number', school: 'text' });
  const year = filter.year ?? latest;
  const answer = useGraduateDestinations({ graduationYear: year, schoolId: filter.school });
  const schools = useRegisterSchools();
  return (
    <RecordListPage
      testId="graduate-destinations-page"
      tabs={<LearnersTabs />}
      title={t('destinations.title')}
      subtitle={t('destinations.subtitle')}
      card={false}
      filters={
        <>
          <Select
            style={{ width: 140 }}
            aria-label={t('destinations.year')}
            data-testid="destinations-year"
            value={year}
            onChange={(v: number) => setFilter('year', v === latest ? null : v)}
            options={Array.from({ length: 8 }, (_, i) => latest - i).map((y) => ({
              value: y,
              label: t('destinations.yearOption', { year: y }),
            }))}
          />
          {schools.length > 1 && (
            <Select
              allowClear
              style={{ minWidth: 180 }}
              placeholder={t('destinations.col.school')}
              aria-label={t('destinations.col.school')}
              data-testid="destinations-school"
              value={filter.school}
              onChange={(v?: string) => setFilter('school', v ?? null)}
              options={schools.map((s) => ({ value: s.id, label: s.name }))}
            />
          )}
        </>
      }
    >
      <QueryState query={answer}>{(d) => <DestinationsView data={d} />}</QueryState>
    </RecordListPage>
  );
}

function DestinationsView({ data }: { data: GraduateDestinations }) {
  const t = useT();
  return (
    <>
      <FiguresCard year={data.graduationYear} figures={data.figures} />
      {data.schools.length > 1 && (
        <Card size="small" title={t('destinations.schools.title')} style={{ marginTop: 16 }}>
          <ResponsiveTable
            size="small"
            rowKey={(r) => r.school.id}
            dataSource={data.schools}
            pagination={false}
            data-testid="destinations-schools"
            columns={[
              { title: t('destinations.col.school'), key: 'school', render: (_, r) => r.school.name },
              {
                title: t('destinations.col.graduates'),
                key: 'graduates',
                render: (_, r) => r.figures.graduates,
              },
              {
                title: t('destinations.col.recorded'),
                key: 'recorded',
                render: (_, r) => r.figures.recorded,
              },
              {
                title: t('destinations.figures.settled'),
                key: 'settled',
                render: (_, r) => formatShare(r.figures.settledShare),
              },
              {
                title: t('destinations.figures.employment'),
                key: 'employment',
                render: (_, r) => formatShare(r.figures.employmentShare),
              },
              {
                title: t('destinations.figures.furtherStudy'),
                key: 'study',
                render: (_, r) => formatShare(r.figures.furtherStudyShare),
              },
              {
                title: t('destinations.figures.relevant'),
                key: 'relevant',
                render: (_, r) => formatShare(r.figures.relevantShare),
              },
              {
                title: t('destinations.figures.meanPay'),
                key: 'pay',
                render: (_, r) => (r.figures.meanPay === null ? '—' : formatNumber(r.figures.meanPay)),
              },
            ]}
          />
        </Card>
      )}
      <GraduatesCard graduates={data.graduates} />
    </>
  );
}

/** The year's figures as a row of numbers, with how each is counted. */
function FiguresCard({ year, figures: f }: { year: number; figures: DestinationFigures }) {
  const t = useT();
  const stat = (testId: string, title: string, value: string, note?: string) => (
    <Col xs={12} md={8} xl={4}>
      <Statistic title={title} value={value} data-testid={testId} />
      {note && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {note}
        </Typography.Text>
      )}
    </Col>
  );
  return (
    <Card size="small" title={t('destinations.figures.title', { year })} data-testid="destinations-figures">
      <Row gutter={[16, 16]}>
        {stat(
          'figure-graduates',
          t('destinations.figures.graduates'),
          String(f.graduates),
          t('destinations.figures.recorded', { recorded: f.recorded }),
        )}
        {stat('figure-settled', t('destinations.figures.settled'), formatShare(f.settledShare))}
        {stat('figure-employment', t('destinations.figures.employment'), formatShare(f.employmentShare))}
        {stat(
          'figure-study',
          t('destinations.figures.furtherStudy'),
          formatShare(f.furtherStudyShare),
          t('destinations.figures.articulation', { n: f.articulation }),
        )}
        {stat('figure-relevant', t('destinations.figures.relevant'), formatShare(f.relevantShare))}
        {stat(
          'figure-pay',
          t('destinations.figures.meanPay'),
          f.meanPay === null ? '—' : t('destinations.figures.pay', { pay: formatNumber(f.meanPay) }),
          f.medianPay === null
            ? undefined
            : t('destinations.figures.medianPay', { pay: formatNumber(f.medianPay) }),
        )}
      </Row>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '12px 0 0' }}>
        {t('destinations.figures.inDistrict')} {formatShare(f.inDistrictShare)} ·{' '}
        {t('destinations.figures.note')}
      </Typography.Paragraph>
    </Card>
  );
}

/** The graduates, each with the destination in a line (未登记 until recorded). */
function GraduatesCard({ graduates }: { graduates: Graduate[] }) {
  const t = useT();
  const text = useDestinationText();
  return (
    <Card size="small" title={t('destinations.graduates.title')} style={{ marginTop: 16 }}>
      <ResponsiveTable<Graduate>
        size="small"
        rowKey="id"
        dataSource={graduates}
        pagination={graduates.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
        scroll={{ x: 1000 }}
        data-testid="destinations-graduates"
        locale={{ emptyText: <Empty description={t('destinations.graduates.empty')} /> }}
        columns={[
          {
            title: t('destinations.col.name'),
            key: 'name',
            width: 100,
            fixed: 'left',
            render: (_, g) => <Link to={`/learners/${g.id}`}>{g.name}</Link>,
          },
          { title: t('destinations.col.idMasked'), dataIndex: 'idMasked', width: 180 },
          { title: t('destinations.col.school'), key: 'school', width: 130, render: (_, g) => g.school.name },
          { title: t('destinations.col.major'), dataIndex: 'majorName', width: 150 },
          {
            title: t('destinations.col.destination'),
            key: 'destination',
            render: (_, g) =>
              g.destination ? (
                <span data-testid="graduate-destination">{text(g.destination)}</span>
              ) : (
                <Tag data-testid="graduate-destination">{t('destinations.notRecorded')}</Tag>
              ),
          },
          {
            title: t('destinations.col.source'),
            key: 'source',
            width: 100,
            render: (_, g) => (g.destination ? t(`destinations.source.${g.destination.source}`) : '—'),
          },
        ]}
      />
    </Card>
  );
}
