import { ONE_PLUS_X_FIGURE_KEYS, ONE_PLUS_X_FIGURE_LABELS, type OnePlusXFigures } from '@zhijiao/contracts';
import { Card, Empty, Grid, Select, Table, Typography } from 'antd';
import type { TableColumnType } from 'antd';
import type { HTMLAttributes } from 'react';
import { QueryState } from '@/components/query-state';
import { RecordListPage } from '@/components/record-list-page';
import { ResponsiveTable } from '@/components/responsive-table';
import { chinaToday, formatPercent } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useUrlFilters } from '@/lib/url-filters';
import { useOnePlusX, type OnePlusXStatistics } from '../api/one-plus-x';
import { LearnersTabs } from './learners-tabs';

/** One line of the table: a school (its majors within), a major, or the district's total. */
interface Line {
  key: string;
  name: string;
  kind: 'school' | 'major' | 'total';
  figures: OnePlusXFigures;
  children?: Line[];
}

const RATES = new Set<keyof OnePlusXFigures>(['participationRate', 'passRate']);

/**
 * `/learners/one-plus-x`: 1+X统计 — a year's (`?year=`) participation and pass rates of the schools
 * the user sees: one line per school, opened per major, and the district's total (the coordinator);
 * the figures as the server counts them. On a phone every school and major is a card.
 */
export function OnePlusXPage() {
  const t = useT();
  const thisYear = Number(chinaToday().slice(0, 4));
  const [filter, setFilter] = useUrlFilters({ year: 'number' });
  const year = filter.year ?? thisYear;
  const answer = useOnePlusX(year);
  return (
    <RecordListPage
      testId="one-plus-x-page"
      tabs={<LearnersTabs />}
      title={t('onex.title')}
      subtitle={t('onex.subtitle')}
      card={false}
      filters={
        <Select
          style={{ width: 140 }}
          aria-label={t('onex.year')}
          data-testid="one-plus-x-year"
          value={year}
          onChange={(v: number) => setFilter('year', v === thisYear ? null : v)}
          options={Array.from({ length: 8 }, (_, i) => thisYear - i).map((y) => ({
            value: y,
            label: t('onex.yearOption', { year: y }),
          }))}
        />
      }
    >
      <QueryState query={answer}>{(d) => <FiguresTable data={d} />}</QueryState>
    </RecordListPage>
  );
}

function linesOf(data: OnePlusXStatistics, totalName: string): Line[] {
  const schools: Line[] = data.schools.map((s) => ({
    key: s.school.id,
    name: s.school.name,
    kind: 'school',
    figures: s.figures,
    children:
      s.majors.length === 0
        ? undefined
        : s.majors.map((m) => ({
            key: `${s.school.id}|${m.majorCode}`,
            name: `${m.majorName}（${m.majorCode}）`,
            kind: 'major',
            figures: m.figures,
          })),
  }));
  return data.schools.length > 1
    ? [...schools, { key: 'total', name: totalName, kind: 'total', figures: data.total }]
    : schools;
}

function FiguresTable({ data }: { data: OnePlusXStatistics }) {
  const t = useT();
  const lang = useLang();
  const phone = Grid.useBreakpoint().md === false;
  const lines = linesOf(data, t('onex.total'));
  const columns: Array<TableColumnType<Line>> = [
    {
      title: t('onex.col.unit'),
      key: 'name',
      render: (_, r) => (r.kind === 'major' ? r.name : <strong>{r.name}</strong>),
    },
    ...ONE_PLUS_X_FIGURE_KEYS.map((k): TableColumnType<Line> => ({
      title: pick(ONE_PLUS_X_FIGURE_LABELS[k], lang),
      key: k,
      align: 'right',
      render: (_, r) => (
        <span data-testid={`one-plus-x-${k}`}>
          {RATES.has(k) ? formatPercent(r.figures[k]) : (r.figures[k] ?? 0)}
        </span>
      ),
    })),
  ];
  const onRow = (r: Line) => ({ 'data-testid': `one-plus-x-row-${r.kind}` }) as HTMLAttributes<HTMLElement>;
  return (
    <Card size="small">
      <Typography.Text type="secondary" data-testid="one-plus-x-as-of">
        {t('onex.asOf', { date: data.asOf })}
      </Typography.Text>
      <div style={{ marginTop: 12 }} data-testid="one-plus-x-table">
        {lines.length === 0 ? (
          <Empty description={t('onex.empty')} />
        ) : phone ? (
          <ResponsiveTable<Line>
            rowKey="key"
            pagination={false}
            dataSource={lines.flatMap(({ children, ...l }) => [
              l,
              ...(children ?? []).map((c) => ({ ...c, name: `${l.name} · ${c.name}` })),
            ])}
            columns={columns}
            onRow={onRow}
          />
        ) : (
          <Table<Line>
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={lines}
            columns={columns}
            onRow={onRow}
            expandable={{ childrenColumnName: 'children' }}
          />
        )}
      </div>
    </Card>
  );
}
