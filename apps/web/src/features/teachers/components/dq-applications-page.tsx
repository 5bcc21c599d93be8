import { DQ_LEVEL_LABELS, type DqApplicationState } from '@zhijiao/contracts';
import { Card, Empty, Segmented, Table, Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { can, canKeepSchoolRecords } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useApplications } from '../api/get-applications';
import { ApplicationDrawer } from './application-drawer';
import { DqStateTag } from './teacher-tags';
import { TeachersTabs } from './teachers-tabs';

type Queue = 'school' | 'district' | 'returned' | 'all';
const STATE_OF: Record<Queue, DqApplicationState | undefined> = {
  school: 'submitted',
  district: 'school_passed',
  returned: 'returned',
  all: undefined,
};

/**
 * `/teachers/dq`: 双师型认定 — the review queues (待学校审核 for a school's clerk, 待区级认定 for the
 * district) and every application (`?queue=&open=<id>`); a row opens the application with its
 * criteria met / not met and the actions the user may take.
 */
export function DqApplicationsPage() {
  const t = useT();
  const lang = useLang();
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const fallback: Queue = can(me, 'teacher.review')
    ? 'district'
    : canKeepSchoolRecords(me, 'teacher.manage')
      ? 'school'
      : 'all';
  const queue = (params.get('queue') as Queue | null) ?? fallback;
  const open = params.get('open');
  const applications = useApplications({ state: STATE_OF[queue] });
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <div data-testid="dq-applications-page">
      <TeachersTabs />
      <PageHeader title={t('teachers.dq.title')} subtitle={t('teachers.dq.subtitle')} />
      <Card size="small">
        <Segmented
          style={{ marginBottom: 12 }}
          value={queue}
          onChange={(v) => set('queue', String(v))}
          options={(['school', 'district', 'returned', 'all'] as const).map((q) => ({
            value: q,
            label: <span data-testid={`dq-queue-${q}`}>{t(`teachers.dq.queue.${q}`)}</span>,
          }))}
        />
        <QueryState query={applications}>
          {(items) => (
            <Table
              size="small"
              rowKey="id"
              dataSource={items}
              pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
              locale={{ emptyText: <Empty description={t('teachers.dq.empty')} /> }}
              onRow={(a, index) =>
                ({
                  'data-testid': `dq-application-row-${index ?? 0}`,
                  'data-id': a.id,
                  style: { cursor: 'pointer' },
                  onClick: () => set('open', a.id),
                }) as HTMLAttributes<HTMLElement>
              }
              columns={[
                { title: t('teachers.col.name'), key: 'teacher', render: (_, a) => a.teacher.name },
                { title: t('teachers.col.school'), key: 'school', render: (_, a) => a.school.name },
                {
                  title: t('teachers.col.level'),
                  key: 'level',
                  width: 80,
                  render: (_, a) => pick(DQ_LEVEL_LABELS[a.level], lang),
                },
                {
                  title: t('teachers.col.state'),
                  key: 'state',
                  width: 120,
                  render: (_, a) => <DqStateTag state={a.state} />,
                },
                {
                  title: t('teachers.dq.eligibleCol'),
                  key: 'eligible',
                  width: 140,
                  render: (_, a) => (
                    <Tag color={a.eligibleAtSubmission ? 'green' : 'gold'}>
                      {t(a.eligibleAtSubmission ? 'teachers.dq.met' : 'teachers.dq.partlyMet')}
                    </Tag>
                  ),
                },
                {
                  title: t('teachers.col.submittedAt'),
                  key: 'at',
                  width: 150,
                  render: (_, a) => formatDateTime(a.submittedAt),
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
      <ApplicationDrawer id={open} onClose={() => set('open', null)} />
    </div>
  );
}
