import { PlusOutlined } from '@ant-design/icons';
import { COURSE_CATEGORY_LABELS, TEXTBOOK_TYPE_LABELS } from '@zhijiao/contracts';
import { Button, Card, Empty, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { canKeepSchoolRecords } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useShowError } from '@/lib/use-show-error';
import { useCourses } from '../api/get-courses';
import { useSchools } from '../api/get-schools';
import { useRemoveTextbook } from '../api/remove-textbook';
import type { Course } from '../types';
import { CourseModal, TextbookModal } from './course-modals';
import { ProgramsTabs } from './programs-tabs';

/**
 * `/programs/courses`: 课程与教材 — courses by school and major, each with its partner enterprises
 * (共同开发课程) and its textbooks tagged 国家规划教材, 活页式 / 工作手册式 and 配套信息化资源; a
 * school's clerk adds courses and textbooks.
 */
export function CoursesPage() {
  const t = useT();
  const lang = useLang();
  const me = useSession();
  const [schoolId, setSchoolId] = useState<string | undefined>();
  const courses = useCourses({ schoolId });
  const schools = useSchools();
  const remove = useRemoveTextbook();
  const showError = useShowError();
  const [adding, setAdding] = useState(false);
  const [bookFor, setBookFor] = useState<Course | null>(null);
  return (
    <div data-testid="courses-page">
      <ProgramsTabs />
      <PageHeader
        title={t('programs.courses.title')}
        subtitle={t('programs.courses.subtitle')}
        extra={
          canKeepSchoolRecords(me, 'program.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('programs.courses.add')}
            </Button>
          )
        }
      />
      <Card size="small">
        {(schools.data?.length ?? 0) > 1 && !schools.data!.some((s) => s.id === me?.orgUnit.id) && (
          <Select
            allowClear
            style={{ width: 240, marginBottom: 12 }}
            placeholder={t('programs.allSchools')}
            aria-label={t('programs.allSchools')}
            value={schoolId}
            onChange={setSchoolId}
            options={schools.data!.map((s) => ({ value: s.id, label: s.name }))}
          />
        )}
        <QueryState query={courses}>
          {(items) => (
            <Table<Course>
              size="small"
              rowKey="id"
              dataSource={items}
              pagination={{ pageSize: 30, hideOnSinglePage: true, showSizeChanger: false }}
              locale={{ emptyText: <Empty description={t('programs.courses.empty')} /> }}
              columns={[
                { title: t('programs.school'), key: 'school', width: 130, render: (_, c) => c.school.name },
                {
                  title: t('programs.major'),
                  key: 'major',
                  width: 200,
                  render: (_, c) => c.major?.name ?? '–',
                },
                { title: t('programs.courses.name'), dataIndex: 'name', width: 200 },
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
                      <Space direction="vertical" size={0} data-testid="course-partners">
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
                      <Space direction="vertical" size={2}>
                        {c.textbooks.map((b) => (
                          <Space key={b.id} size={4} wrap>
                            <Typography.Text>《{b.title}》</Typography.Text>
                            {b.nationalPlanned && <Tag color="red">{t('programs.textbook.planned')}</Tag>}
                            {b.textbookType !== 'traditional' && (
                              <Tag color="blue">{pick(TEXTBOOK_TYPE_LABELS[b.textbookType], lang)}</Tag>
                            )}
                            {b.hasDigitalResources && (
                              <Tag color="green">{t('programs.textbook.digital')}</Tag>
                            )}
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
      </Card>
      <CourseModal open={adding} onClose={() => setAdding(false)} />
      <TextbookModal course={bookFor} onClose={() => setBookFor(null)} />
    </div>
  );
}
