import { PlusOutlined } from '@ant-design/icons';
import { MAJOR_STATUS_LABELS, NATIONAL_STANDARD_LABELS, NATIONAL_STANDARDS } from '@zhijiao/contracts';
import { Button, Card, Empty, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { can, canKeepSchoolRecords } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useMajors } from '../api/get-majors';
import { useSchools } from '../api/get-schools';
import type { Major } from '../types';
import { EnrolmentModal, OpenMajorModal, StandardsModal } from './major-modals';
import { ProgramsTabs } from './programs-tabs';

/**
 * `/programs`: 专业建设 — each school's majors from the national catalogue, the national standards
 * each applies (专业教学标准, 课程标准, 岗位实习标准, 实训条件建设标准) and its enrolment by year;
 * a school's clerk opens majors and records enrolment and standards.
 */
export function MajorsPage() {
  const t = useT();
  const lang = useLang();
  const me = useSession();
  const [schoolId, setSchoolId] = useState<string | undefined>();
  const majors = useMajors({ schoolId });
  const schools = useSchools();
  const [adding, setAdding] = useState(false);
  const [enrolmentOf, setEnrolmentOf] = useState<Major | null>(null);
  const [standardsOf, setStandardsOf] = useState<Major | null>(null);
  return (
    <div data-testid="majors-page">
      <ProgramsTabs />
      <PageHeader
        title={t('programs.majors.title')}
        subtitle={t('programs.majors.subtitle')}
        extra={
          canKeepSchoolRecords(me, 'program.manage') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setAdding(true)}
              data-testid="open-major"
            >
              {t('programs.majors.add')}
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
        <QueryState query={majors}>
          {(items) => (
            <Table<Major>
              size="small"
              rowKey="id"
              dataSource={items}
              pagination={false}
              locale={{ emptyText: <Empty description={t('programs.majors.empty')} /> }}
              expandable={{
                rowExpandable: (m) => m.enrolment.length > 0,
                expandedRowRender: (m) => (
                  <Space orientation="vertical" size={2}>
                    {m.enrolment.map((e) => (
                      <Typography.Text key={e.year}>
                        {t('programs.majors.enrolmentOf', { ...e })}
                      </Typography.Text>
                    ))}
                  </Space>
                ),
              }}
              columns={[
                { title: t('programs.school'), key: 'school', width: 130, render: (_, m) => m.school.name },
                {
                  title: t('programs.major'),
                  key: 'name',
                  render: (_, m) => (
                    <Space size={4} wrap>
                      <Typography.Text strong>{m.name}</Typography.Text>
                      <Typography.Text type="secondary">{m.catalogue.code}</Typography.Text>
                      {/* An unverified catalogue code is the coordinator's to check, not the schools'. */}
                      {!m.catalogue.verified && can(me, 'plan.manage') && (
                        <Tag>{t('programs.majors.unverified')}</Tag>
                      )}
                    </Space>
                  ),
                },
                {
                  title: t('programs.majors.category'),
                  key: 'cat',
                  width: 130,
                  render: (_, m) => m.catalogue.categoryName,
                },
                {
                  title: t('programs.majors.status'),
                  key: 'status',
                  width: 80,
                  render: (_, m) => (
                    <Tag color={m.status === 'active' ? 'green' : 'default'}>
                      {pick(MAJOR_STATUS_LABELS[m.status], lang)}
                    </Tag>
                  ),
                },
                {
                  title: t('programs.majors.standards'),
                  key: 'standards',
                  render: (_, m) => (
                    <Space size={2} wrap>
                      {NATIONAL_STANDARDS.map((s) => {
                        const have = m.standards.find((x) => x.standard === s);
                        return (
                          <Tooltip key={s} title={have ? `${have.adoptedOn} ${have.note}` : undefined}>
                            <Tag
                              color={have ? 'green' : undefined}
                              style={have ? undefined : { opacity: 0.5 }}
                            >
                              {pick(NATIONAL_STANDARD_LABELS[s], lang)}
                            </Tag>
                          </Tooltip>
                        );
                      })}
                    </Space>
                  ),
                },
                {
                  title: t('programs.majors.enrolment'),
                  key: 'enrolment',
                  width: 120,
                  render: (_, m) => {
                    const e = m.enrolment.at(-1);
                    return e ? `${e.intake} / ${e.enrolled}（${e.year}）` : '–';
                  },
                },
                {
                  key: 'actions',
                  width: 170,
                  render: (_, m) =>
                    m.abilities.edit && (
                      <Space size={0}>
                        <Button type="link" size="small" onClick={() => setEnrolmentOf(m)}>
                          {t('programs.majors.recordEnrolment')}
                        </Button>
                        <Button type="link" size="small" onClick={() => setStandardsOf(m)}>
                          {t('programs.majors.setStandards')}
                        </Button>
                      </Space>
                    ),
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
      <OpenMajorModal open={adding} onClose={() => setAdding(false)} />
      <EnrolmentModal major={enrolmentOf} onClose={() => setEnrolmentOf(null)} />
      <StandardsModal major={standardsOf} onClose={() => setStandardsOf(null)} />
    </div>
  );
}
