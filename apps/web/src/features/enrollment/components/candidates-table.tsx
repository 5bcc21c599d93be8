import { Empty, Select, Space, Table } from 'antd';
import { SearchInput } from '@/components/search-input';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type HTMLAttributes, type ReactNode } from 'react';
import { formatNumber } from '@/lib/format';
import { useT } from '@/lib/i18n';
import type { Candidate, Subject } from '../types';

/** The table's filters, as the preferences export takes them. */
export interface CandidateFilter {
  q?: string;
  schoolId?: string;
  sex?: 'M' | 'F';
}

/**
 * Candidates with their masked ID numbers (never in clear), filtered by exam number or name, school
 * and sex, 20 a page, best 投档分 first. `action` adds a last column (e.g. 填报志愿); `tools` adds
 * controls after the filters that act on them (e.g. 导出 Excel).
 */
export function CandidatesTable({
  candidates,
  subjects,
  emptyText,
  action,
  tools,
}: {
  candidates: Candidate[];
  subjects: Subject[];
  emptyText: string;
  action?: { title: string; render: (c: Candidate, index: number) => ReactNode };
  tools?: (filter: CandidateFilter) => ReactNode;
}) {
  const t = useT();
  const [text, setText] = useState('');
  const [school, setSchool] = useState<string | undefined>();
  const [sex, setSex] = useState<'M' | 'F' | undefined>();
  const schools = useMemo(
    () => [...new Map(candidates.map((c) => [c.school.id, c.school.name])).entries()],
    [candidates],
  );
  const rows = candidates.filter(
    (c) =>
      (!text || c.examNumber.includes(text.trim()) || c.name.includes(text.trim())) &&
      (!school || c.school.id === school) &&
      (!sex || c.sex === sex),
  );
  const columns: ColumnsType<Candidate> = [
    { title: t('enrollment.col.examNumber'), dataIndex: 'examNumber', width: 110, fixed: 'left' },
    { title: t('enrollment.col.name'), dataIndex: 'name', width: 90 },
    { title: t('enrollment.col.idMasked'), dataIndex: 'idMasked', width: 190 },
    { title: t('enrollment.col.sex'), key: 'sex', width: 60, render: (_, c) => t(`enrollment.sex.${c.sex}`) },
    { title: t('enrollment.col.juniorHigh'), key: 'school', width: 160, render: (_, c) => c.school.name },
    {
      title: t('enrollment.col.score'),
      key: 'score',
      width: 90,
      align: 'right',
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.total + a.bonus - (b.total + b.bonus),
      render: (_, c) => <strong>{formatNumber(c.total + c.bonus)}</strong>,
    },
    ...subjects.map((s) => ({
      title: s.name,
      key: s.key,
      width: 70,
      align: 'right' as const,
      render: (_: unknown, c: Candidate) => formatNumber(c.scores[s.key]),
    })),
    { title: t('enrollment.col.bonus'), dataIndex: 'bonus', width: 90, align: 'right' },
  ];
  if (action)
    columns.push({
      title: action.title,
      key: 'action',
      width: 120,
      fixed: 'right',
      render: (_, c, i) => action.render(c, i),
    });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <SearchInput
          allowClear
          style={{ width: 220 }}
          placeholder={t('enrollment.candidates.search')}
          aria-label={t('enrollment.candidates.search')}
          onSearch={setText}
          onChange={(e) => !e.target.value && setText('')}
          data-testid="candidate-search"
        />
        <Select
          allowClear
          style={{ minWidth: 180 }}
          placeholder={t('enrollment.col.juniorHigh')}
          aria-label={t('enrollment.col.juniorHigh')}
          value={school}
          onChange={setSchool}
          options={schools.map(([id, name]) => ({ value: id, label: name }))}
        />
        <Select
          allowClear
          style={{ width: 100 }}
          placeholder={t('enrollment.col.sex')}
          aria-label={t('enrollment.col.sex')}
          value={sex}
          onChange={setSex}
          options={[
            { value: 'M', label: t('enrollment.sex.M') },
            { value: 'F', label: t('enrollment.sex.F') },
          ]}
        />
        {tools?.({ q: text.trim() || undefined, schoolId: school, sex })}
      </Space>
      <Table
        size="small"
        rowKey="id"
        dataSource={rows}
        columns={columns}
        // Every column's own width summed: with 'max-content' the fixed action column was laid over
        // the last subject (化学) at 1440 px.
        scroll={{ x: columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 0), 0) }}
        pagination={{
          pageSize: 20,
          showSizeChanger: false,
          showTotal: (n) => t('enrollment.candidates.total', { count: n }),
        }}
        onRow={(c, index) =>
          ({
            'data-testid': `candidate-row-${index ?? 0}`,
            'data-exam': c.examNumber,
          }) as HTMLAttributes<HTMLElement>
        }
        locale={{ emptyText: <Empty description={emptyText} /> }}
      />
    </>
  );
}
