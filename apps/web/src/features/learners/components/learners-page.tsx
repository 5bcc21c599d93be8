import {
  LEARNER_KINDS,
  LEARNER_KIND_LABELS,
  LEARNER_STATUSES,
  LEARNER_STATUS_LABELS,
} from '@zhijiao/contracts';
import { UploadOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Grid, Pagination, Select, Typography } from 'antd';
import { useState, type HTMLAttributes, type Key } from 'react';
import { Link, useNavigate } from 'react-router';
import { ExportButton } from '@/components/export-button';
import { ChoiceFilter, YearFilter } from '@/components/list-filters';
import { QueryState } from '@/components/query-state';
import { RecordListPage } from '@/components/record-list-page';
import { ResponsiveTable } from '@/components/responsive-table';
import { selectAllTitle } from '@/components/select-all-title';
import { useT } from '@/lib/i18n';
import { canKeepSchoolRecords } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useUrlFilters } from '@/lib/url-filters';
import { useClasses } from '../api/classes';
import { useLearners } from '../api/get-learners';
import { useManagedSchools, useRegisterSchools } from '../lib/schools';
import type { LearnerSummary } from '../types';
import { ClassAssignmentModal } from './class-assignment-modal';
import { CohortModal } from './cohort-modal';
import { ImportLearnersModal } from './import-modal';
import { LearnerKindTag, LearnerStatusTag } from './learner-tags';
import { LearnersTabs } from './learners-tabs';
import { SocialLearnerModal } from './social-learner-modal';

const PAGE = 50;
/** The class filter's value for the learners in no class yet (未分班); the server takes it as `className=`. */
const NO_CLASS = '-';

/**
 * `/learners`: the student register (学籍) of the schools the user sees — a school's clerk its own,
 * the coordinator the district's — filtered by school, cohort and status (`?school=&cohort=&status=`),
 * paged on the server; ID numbers come masked. A keeper of a school's register makes the new cohort
 * from the enrolment registrations (报到) here, and imports students enrolled before Zhijiao
 * (导入学籍, into the clerk's own school only, as the server allows); everyone who reads the list
 * exports it with the current filters (IDs masked); a row opens the learner.
 */
export function LearnersPage() {
  const t = useT();
  const me = useSession();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [filter, setUrlFilter] = useUrlFilters({
    school: 'text',
    cohort: 'number',
    status: LEARNER_STATUSES,
    class: 'text',
    kind: LEARNER_KINDS,
  });
  const setFilter: typeof setUrlFilter = (key, value) => {
    setPage(1);
    setUrlFilter(key, value);
  };
  const className = filter.class === NO_CLASS ? '' : filter.class;
  const learners = useLearners({
    schoolId: filter.school,
    cohortYear: filter.cohort,
    status: filter.status,
    kind: filter.kind,
    className,
    limit: PAGE,
    offset: (page - 1) * PAGE,
  });
  const schools = useRegisterSchools();
  const managed = useManagedSchools();
  const manage = canKeepSchoolRecords(me, 'learner.manage') && managed.length > 0;
  // The import goes into the user's own unit's register: a school's clerk, not a unit above schools.
  const mayImport = manage && managed.some((s) => s.id === me?.orgUnit.id);
  const [importing, setImporting] = useState(false);
  const [registering, setRegistering] = useState(false);
  const ownSchool = managed.find((s) => s.id === me?.orgUnit.id);
  const listFilter = { schoolId: filter.school, cohortYear: filter.cohort, status: filter.status };
  const classes = useClasses(filter.school);
  // 分班: learners ticked on this page (kept across pages by id), all of one school the user keeps.
  const [ticked, setTicked] = useState<LearnerSummary[]>([]);
  const [assigning, setAssigning] = useState(false);
  // 分班 is desk work: on a phone the register stays a list of cards, with nothing to tick.
  const screens = Grid.useBreakpoint();
  const selectable = manage && screens.md !== false;
  const tickedSchools = new Set(ticked.map((l) => l.school.id));

  return (
    <RecordListPage
      testId="learners-page"
      tabs={<LearnersTabs />}
      title={t('learners.title')}
      subtitle={t('learners.subtitle')}
      actions={
        <>
          <ExportButton path="/api/learners/export.xlsx" query={listFilter} filename="学籍名册.xlsx" />
          {mayImport && (
            <Button
              icon={<UploadOutlined />}
              onClick={() => setImporting(true)}
              data-testid="learners-import"
            >
              {t('learners.import.button')}
            </Button>
          )}
          {mayImport && <ImportLearnersModal open={importing} onClose={() => setImporting(false)} />}
          {mayImport && ownSchool && (
            <Button
              icon={<UserAddOutlined />}
              onClick={() => setRegistering(true)}
              data-testid="learners-register-social"
            >
              {t('learners.social.button')}
            </Button>
          )}
          {registering && ownSchool && (
            <SocialLearnerModal school={ownSchool} onClose={() => setRegistering(false)} />
          )}
          {selectable && (
            <Button
              disabled={ticked.length === 0 || tickedSchools.size > 1}
              title={tickedSchools.size > 1 ? t('learners.classes.oneSchool') : undefined}
              onClick={() => setAssigning(true)}
              data-testid="learners-assign-class"
            >
              {t('learners.classes.button', { count: ticked.length })}
            </Button>
          )}
          {assigning && (
            <ClassAssignmentModal
              learners={ticked}
              onClose={() => {
                setAssigning(false);
                setTicked([]);
              }}
            />
          )}
        </>
      }
      create={
        manage && {
          label: t('learners.cohort.button'),
          testId: 'learners-cohort',
          form: (modal) => <CohortModal {...modal} schools={managed} />,
        }
      }
      filters={
        <>
          {schools.length > 1 && (
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ minWidth: 180 }}
              placeholder={t('learners.col.school')}
              aria-label={t('learners.col.school')}
              data-testid="learners-filter-school"
              value={filter.school}
              onChange={(v?: string) => setFilter('school', v ?? null)}
              options={schools.map((s) => ({ value: s.id, label: s.name }))}
            />
          )}
          <YearFilter
            label={t('learners.filter.cohort')}
            width={170}
            value={filter.cohort}
            onChange={(v) => setFilter('cohort', v)}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 150 }}
            placeholder={t('learners.filter.class')}
            aria-label={t('learners.filter.class')}
            data-testid="learners-filter-class"
            value={filter.class}
            onChange={(v?: string) => setFilter('class', v ?? null)}
            options={[
              { value: NO_CLASS, label: t('learners.noClass') },
              ...[...new Set((classes.data?.items ?? []).map((c) => c.className))].map((c) => ({
                value: c,
                label: c,
              })),
            ]}
          />
          <ChoiceFilter
            label={t('learners.filter.kind')}
            width={130}
            values={LEARNER_KINDS}
            labels={LEARNER_KIND_LABELS}
            value={filter.kind}
            onChange={(v) => setFilter('kind', v ?? null)}
          />
          <ChoiceFilter
            label={t('learners.col.status')}
            width={120}
            values={LEARNER_STATUSES}
            labels={LEARNER_STATUS_LABELS}
            value={filter.status}
            onChange={(v) => setFilter('status', v ?? null)}
          />
        </>
      }
    >
      <QueryState query={learners}>
        {({ items, total }) => (
          <>
            {/* A line of its own under the filters (inline, it ran on after the last filter). */}
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} data-testid="learners-total">
              {t('learners.total', { total })}
            </Typography.Paragraph>
            <ResponsiveTable<LearnerSummary>
              size="small"
              rowKey="id"
              dataSource={items}
              style={{ marginTop: 8 }}
              scroll={{ x: 1100 }}
              pagination={false}
              data-testid="learners-table"
              rowSelection={
                selectable
                  ? {
                      selectedRowKeys: ticked.map((l) => l.id),
                      columnTitle: selectAllTitle(t('common.selectAll')),
                      preserveSelectedRowKeys: true,
                      onChange: (_keys: Key[], rows: LearnerSummary[]) =>
                        setTicked((before) => {
                          const onPage = new Set(items.map((r) => r.id));
                          const kept = before.filter((l) => !onPage.has(l.id));
                          return [...kept, ...rows.filter((r) => r && onPage.has(r.id))];
                        }),
                      getCheckboxProps: (r: LearnerSummary) => ({
                        disabled: !r.abilities.changeStatus || !['enrolled', 'suspended'].includes(r.status),
                        'aria-label': t('learners.classes.select', { name: r.name }),
                      }),
                    }
                  : undefined
              }
              locale={{ emptyText: <Empty description={t('learners.empty')} /> }}
              onRow={(r, index) =>
                ({
                  'data-testid': `learner-row-${index ?? 0}`,
                  'data-id': r.id,
                  style: { cursor: 'pointer' },
                  // A tick in the selection column chooses the row for 分班; anywhere else opens it.
                  onClick: (e: React.MouseEvent<HTMLElement>) => {
                    if ((e.target as HTMLElement).closest('.ant-table-selection-column')) return;
                    void navigate(`/learners/${r.id}`);
                  },
                }) as HTMLAttributes<HTMLElement>
              }
              columns={[
                {
                  title: t('learners.col.name'),
                  key: 'name',
                  width: 100,
                  fixed: 'left',
                  render: (_, r) => (
                    <>
                      <Link to={`/learners/${r.id}`}>{r.name}</Link>
                      <LearnerKindTag kind={r.kind} />
                    </>
                  ),
                },
                { title: t('learners.col.idMasked'), dataIndex: 'idMasked', width: 180 },
                {
                  title: t('learners.col.school'),
                  key: 'school',
                  width: 140,
                  render: (_, r) => r.school.name,
                },
                {
                  title: t('learners.col.major'),
                  key: 'major',
                  width: 160,
                  render: (_, r) => r.majorName || '—',
                },
                {
                  title: t('learners.col.className'),
                  key: 'className',
                  width: 100,
                  render: (_, r) => r.className || t('learners.noClass'),
                },
                {
                  title: t('learners.col.cohort'),
                  key: 'cohort',
                  width: 90,
                  render: (_, r) => t('learners.cohortYear', { year: r.cohortYear }),
                },
                {
                  title: t('learners.col.status'),
                  key: 'status',
                  width: 90,
                  render: (_, r) => <LearnerStatusTag status={r.status} />,
                },
                { title: t('learners.col.statusSince'), dataIndex: 'statusSince', width: 120 },
                {
                  title: t('learners.col.source'),
                  key: 'source',
                  width: 100,
                  render: (_, r) => t(`learners.source.${r.source}`),
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
    </RecordListPage>
  );
}
