import { COURSE_CATEGORY_LABELS, TEXTBOOK_TYPE_LABELS } from '@zhijiao/contracts';
import { Button, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { QueryState } from '@/components/query-state';
import { RecordListPage, RecordTable } from '@/components/record-list-page';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { canKeepSchoolRecords } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useUrlFilters } from '@/lib/url-filters';
import { useShowError } from '@/lib/use-show-error';
import { useCourses } from '../api/get-courses';
import { useSchools } from '../api/get-schools';
import { useRemoveTextbook } from '../api/remove-textbook';
import type { Course } from '../types';
import { CourseModal, TextbookModal } from './course-modals';
import { ProgramsTabs } from './programs-tabs';

/**
 * `/programs/courses`: 课程与教材 — courses by school (`?schoolId=`) and major, each with its partner
 * enterprises (共同开发课程) and its textbooks tagged 国家规划教材, 活页式 / 工作手册式 and
 * 配套信息化资源; a school's clerk adds courses and textbooks. Cards on a phone.
 */
export function CoursesPage() {
  const t = useT();
  const lang = useLang();
  const me = useSession();
  const [filter, setFilter] = useUrlFilters({ schoolId: 'text' });
  const courses = useCourses(filter);
  const schools = useSchools();
  const remove = useRemoveTextbook();
  const showError = useShowError();
  const [bookFor, setBookFor] = useState<Course | null>(null);
  // The school filter is for readers of several schools (a bureau), not for a school's own clerk.
  const schoolChoice = (schools.data?.length ?? 0) > 1 && !schools.data!.some((s) => s.id === me?.orgUnit.id);
  return (
    <RecordListPage
      testId="courses-page"
      tabs={<ProgramsTabs />}
      title={t('programs.courses.title')}
      subtitle={t('programs.courses.subtitle')}
      create={
        canKeepSchoolRecords(me, 'program.manage') && {
          label: t('programs.courses.add'),
          testId: 'new-course',
          form: (modal) => <CourseModal {...modal} />,
        }
      }
      filters={
        schoolChoice && (
          <Select
            allowClear
            style={{ width: 240 }}
            placeholder={t('programs.allSchools')}
            aria-label={t('programs.allSchools')}
            value={filter.schoolId}
            onChange={(v?: string) => setFilter('schoolId', v ?? null)}
            options={schools.data!.map((s) => ({ value: s.id, label: s.name }))}
          />
        )
      }
    >
      <QueryState query={courses}>
        {(items) => (
          <RecordTable<Course>
            dataSource={items}
            emptyText={t('programs.courses.empty')}
            cardTitle={(c) => c.name}
            columns={[
              { title: t('programs.school'), key: 'school', width: 130, render: (_, c) => c.school.name },
              {
                title: t('programs.major'),
                key: 'major',
                width: 200,
                render: (_, c) => c.major?.name ?? '–',
              },
              {
                title: t('programs.courses.name'),
                dataIndex: 'name',
                width: 200,
                // The card's title already names the course.
                responsive: ['md'],
              },
              {
                title: t('programs.courses.category'),
                key: 'category',
                width: 90,
                render: (_, c) => pick(COURSE_CATEGORY_LABELS[c.category], lang),
              },
              {
                title: t('programs.courses.hours'),
                dataIndex: 'hours',
                width: 60,
                render: (h: number | null) => h ?? '–',
              },
              {
                title: t('programs.courses.partners'),
                key: 'partners',
                width: 160,
                render: (_, c) =>
                  c.partnerEnterprises.length === 0 ? (
                    '–'
                  ) : (
                    <Space orientation="vertical" size={0} data-testid="course-partners">
                      {c.partnerEnterprises.map((p) => (
                        <span key={p.id}>
                          {p.name}
                          <Typography.Text type="secondary">
                            {t('programs.courses.since', { year: p.sinceYear })}
                          </Typography.Text>
                        </span>
                      ))}
                    </Space>
                  ),
              },
              {
                title: t('programs.courses.textbooks'),
                key: 'books',
                render: (_, c) =>
                  c.textbooks.length === 0 ? (
                    <Typography.Text type="secondary">{t('programs.courses.noTextbook')}</Typography.Text>
                  ) : (
                    <Space orientation="vertical" size={2}>
                      {c.textbooks.map((b) => (
                        <Space key={b.id} size={4} wrap>
                          <Typography.Text>《{b.title}》</Typography.Text>
                          {b.nationalPlanned && <Tag color="red">{t('programs.textbook.planned')}</Tag>}
                          {b.textbookType !== 'traditional' && (
                            <Tag color="blue">{pick(TEXTBOOK_TYPE_LABELS[b.textbookType], lang)}</Tag>
                          )}
                          {b.hasDigitalResources && <Tag color="green">{t('programs.textbook.digital')}</Tag>}
                          {c.abilities.edit && (
                            <Popconfirm
                              title={t('programs.courses.removeTextbook')}
                              onConfirm={() => remove.mutate(b.id, { onError: (e) => showError(e) })}
                            >
                              <Button type="link" size="small" danger>
                                {t('programs.courses.removeTextbook')}
                              </Button>
                            </Popconfirm>
                          )}
                        </Space>
                      ))}
                    </Space>
                  ),
              },
              {
                key: 'actions',
                width: 100,
                render: (_, c) =>
                  c.abilities.edit && (
                    <Button type="link" size="small" onClick={() => setBookFor(c)}>
                      {t('programs.courses.addTextbook')}
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </QueryState>
      <TextbookModal course={bookFor} onClose={() => setBookFor(null)} />
    </RecordListPage>
  );
}
