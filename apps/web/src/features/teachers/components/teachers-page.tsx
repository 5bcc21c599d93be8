import { PlusOutlined } from '@ant-design/icons';
import { EDUCATION_LABELS, TEACHER_SERIES, TEACHER_SERIES_LABELS, TITLE_LABELS } from '@zhijiao/contracts';
import { Button, Card, DatePicker, Select, Space, Table, Typography } from 'antd';
import { SearchInput } from '@/components/search-input';
import dayjs from 'dayjs';
import { useState, type HTMLAttributes } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ExportButton } from '@/components/export-button';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { canKeepSchoolRecords } from '@/lib/permissions';
import { columnSortOrder, sortFromParams, withSort } from '@/lib/server-sort';
import { useSession } from '@/lib/session';
import { useRatio } from '../api/get-ratio';
import { useTeachers, type TeacherFilter } from '../api/get-teachers';
import { majorTexts } from '../lib/major-text';
import { ImportButton } from './import-button';
import { DqTag, SeriesTag } from './teacher-tags';
import { TeacherFormDrawer } from './teacher-form-drawer';
import { TeachersTabs } from './teachers-tabs';

const PAGE = 50;
/** The id of the age column's explanation, the description of its header. */
const AGE_HINT_ID = 'teachers-age-hint';
/** The columns the server sorts the register by (`sort`), across all pages. */
const SORTABLE = ['name', 'school', 'age', 'hireDate', 'dq'] as const satisfies ReadonlyArray<
  NonNullable<TeacherFilter['sort']>
>;

/**
 * `/teachers`: the register (教师名册) of the schools the user sees, filtered by school, series,
 * employment, 专业课 and 双师型 status on a date, and name (`?school=&series=&status=&spec=&dq=&q=&asOf=`),
 * sorted by a column on the server (`&sort=&order=`: name and school in pinyin order, age, hire
 * date, 双师型 level), the export in the same order. ID numbers and phones come masked; register
 * keepers import, export and add teachers here.
 */
export function TeachersPage() {
  const t = useT();
  const lang = useLang();
  const me = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const [ageHintOpen, setAgeHintOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const sort = sortFromParams(params, SORTABLE);
  const filter: TeacherFilter = {
    schoolId: params.get('school') ?? undefined,
    series: (params.get('series') as TeacherFilter['series']) ?? undefined,
    status: (params.get('status') as TeacherFilter['status']) ?? undefined,
    specialised: params.has('spec') ? params.get('spec') === '1' : undefined,
    dq: (params.get('dq') as TeacherFilter['dq']) ?? undefined,
    q: params.get('q') ?? undefined,
    asOf: params.get('asOf') ?? undefined,
    ...sort,
  };
  const teachers = useTeachers({ ...filter, limit: PAGE, offset: (page - 1) * PAGE });
  const schools = useRatio(undefined);
  const manage = canKeepSchoolRecords(me, 'teacher.manage');
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setPage(1);
    setParams(next, { replace: true });
  };
  const { limit: _l, offset: _o, ...exportQuery } = filter;

  return (
    <div data-testid="teachers-page">
      <TeachersTabs />
      <PageHeader
        title={t('teachers.register.title')}
        subtitle={t('teachers.register.subtitle')}
        extra={
          <>
            <ExportButton path="/api/teachers/export.xlsx" query={exportQuery} filename="教师名册.xlsx" />
            {manage && <ImportButton />}
            {manage && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="teachers-add"
              >
                {t('teachers.add')}
              </Button>
            )}
          </>
        }
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          {(schools.data?.schools.length ?? 0) > 1 && (
            <Select
              allowClear
              style={{ minWidth: 160 }}
              placeholder={t('teachers.col.school')}
              aria-label={t('teachers.col.school')}
              value={filter.schoolId}
              onChange={(v) => set('school', v)}
              options={schools.data!.schools.map((s) => ({ value: s.school.id, label: s.school.name }))}
            />
          )}
          <Select
            allowClear
            style={{ minWidth: 140 }}
            placeholder={t('teachers.col.series')}
            aria-label={t('teachers.col.series')}
            value={filter.series}
            onChange={(v) => set('series', v)}
            options={TEACHER_SERIES.map((s) => ({ value: s, label: pick(TEACHER_SERIES_LABELS[s], lang) }))}
          />
          <Select
            style={{ minWidth: 110 }}
            value={filter.status ?? 'employed'}
            aria-label={t('teachers.filter.status')}
            onChange={(v) => set('status', v === 'employed' ? undefined : v)}
            options={(['employed', 'left', 'all'] as const).map((s) => ({
              value: s,
              label: t(`teachers.status.${s}`),
            }))}
          />
          <Select
            allowClear
            style={{ minWidth: 130 }}
            placeholder={t('teachers.col.specialised')}
            aria-label={t('teachers.col.specialised')}
            value={params.get('spec') ?? undefined}
            onChange={(v) => set('spec', v)}
            options={[
              { value: '1', label: t('teachers.specialised.yes') },
              { value: '0', label: t('teachers.specialised.no') },
            ]}
          />
          <Select
            allowClear
            style={{ minWidth: 120 }}
            placeholder={t('teachers.col.dq')}
            aria-label={t('teachers.col.dq')}
            value={filter.dq}
            onChange={(v) => set('dq', v)}
            options={[
              { value: 'recognised', label: t('teachers.dq.recognised') },
              { value: 'not_recognised', label: t('teachers.dq.notRecognised') },
            ]}
          />
          <SearchInput
            allowClear
            style={{ width: 180 }}
            placeholder={t('teachers.filter.name')}
            aria-label={t('teachers.filter.name')}
            defaultValue={filter.q}
            onSearch={(v) => set('q', v.trim() || undefined)}
          />
          <DatePicker
            placeholder={t('teachers.filter.asOf')}
            aria-label={t('teachers.filter.asOf')}
            value={filter.asOf ? dayjs(filter.asOf) : null}
            onChange={(d) => set('asOf', d ? d.format('YYYY-MM-DD') : undefined)}
          />
        </Space>
        <QueryState query={teachers}>
          {({ items, total }) => (
            <>
              <Typography.Text type="secondary">{t('teachers.total', { total })}</Typography.Text>
              <span id={AGE_HINT_ID} hidden>
                {t('teachers.col.ageHint')}
              </span>
              <Table
                size="small"
                rowKey="id"
                dataSource={items}
                style={{ marginTop: 8 }}
                scroll={{ x: 1100 }}
                pagination={{
                  current: page,
                  pageSize: PAGE,
                  total,
                  onChange: setPage,
                  showSizeChanger: false,
                  hideOnSinglePage: true,
                }}
                onChange={(_pagination, _filters, sorter, { action }) => {
                  if (action !== 'sort') return;
                  setPage(1);
                  setParams(withSort(params, sorter), { replace: true });
                }}
                onRow={(r, index) =>
                  ({
                    'data-testid': `teacher-row-${index ?? 0}`,
                    'data-id': r.id,
                    style: { cursor: 'pointer' },
                    onClick: () => navigate(`/teachers/${r.id}`),
                  }) as HTMLAttributes<HTMLElement>
                }
                columns={[
                  {
                    title: t('teachers.col.name'),
                    key: 'name',
                    width: 100,
                    fixed: 'left',
                    sorter: true,
                    sortOrder: columnSortOrder(sort, 'name'),
                    render: (_, r) => <Link to={`/teachers/${r.id}`}>{r.name}</Link>,
                  },
                  {
                    title: t('teachers.col.school'),
                    key: 'school',
                    width: 120,
                    sorter: true,
                    sortOrder: columnSortOrder(sort, 'school'),
                    render: (_, r) => r.school.name,
                  },
                  { title: t('teachers.col.idMasked'), dataIndex: 'idMasked', width: 170 },
                  {
                    title: t('teachers.col.sex'),
                    key: 'sex',
                    width: 60,
                    render: (_, r) => t(`teachers.sex.${r.sex}`),
                  },
                  {
                    // The title stays text: it names the sortable header (antd's aria-label of the cell).
                    title: t('teachers.col.age'),
                    key: 'age',
                    dataIndex: 'age',
                    width: 70,
                    sorter: true,
                    sortOrder: columnSortOrder(sort, 'age'),
                    // What the age means is the header's tooltip, shown while the pointer is on it
                    // or the keyboard's focus (the header is focusable to sort), and its description.
                    showSorterTooltip: { title: t('teachers.col.ageHint'), open: ageHintOpen },
                    onHeaderCell: () =>
                      ({
                        'aria-describedby': AGE_HINT_ID,
                        'data-testid': 'age-header',
                        onFocus: () => setAgeHintOpen(true),
                        onBlur: () => setAgeHintOpen(false),
                        onMouseEnter: () => setAgeHintOpen(true),
                        onMouseLeave: () => setAgeHintOpen(false),
                      }) as HTMLAttributes<HTMLElement>,
                  },
                  {
                    title: t('teachers.col.education'),
                    key: 'edu',
                    width: 110,
                    render: (_, r) => pick(EDUCATION_LABELS[r.education], lang),
                  },
                  {
                    title: t('teachers.col.title'),
                    key: 'title',
                    width: 120,
                    render: (_, r) => pick(TITLE_LABELS[r.professionalTitle], lang),
                  },
                  {
                    title: t('teachers.col.series'),
                    key: 'series',
                    width: 110,
                    render: (_, r) => <SeriesTag series={r.series} />,
                  },
                  {
                    title: t('teachers.col.majors'),
                    key: 'majors',
                    width: 180,
                    render: (_, r) => majorTexts(r.majors),
                  },
                  {
                    title: t('teachers.col.hireDate'),
                    key: 'hireDate',
                    dataIndex: 'hireDate',
                    width: 120,
                    sorter: true,
                    sortOrder: columnSortOrder(sort, 'hireDate'),
                  },
                  {
                    title: t('teachers.col.specialised'),
                    key: 'spec',
                    width: 80,
                    render: (_, r) => (r.specialised ? t('common.yes') : t('common.no')),
                  },
                  {
                    title: t('teachers.col.dq'),
                    key: 'dq',
                    width: 100,
                    sorter: true,
                    sortOrder: columnSortOrder(sort, 'dq'),
                    render: (_, r) => <DqTag dq={r.dq} />,
                  },
                ]}
              />
            </>
          )}
        </QueryState>
      </Card>
      {creating && (
        <TeacherFormDrawer
          open
          onClose={() => setCreating(false)}
          schools={schools.data?.schools.map((s) => s.school) ?? []}
        />
      )}
    </div>
  );
}
