import { Button, Card, Table } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useT } from '@/lib/i18n';
import { can } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useMeetings } from '../api/get-meetings';
import { MeetingFormModal } from './meeting-form-modal';
import { MeetingStateTag } from './meeting-tags';

/** `/meetings`: the joint meetings (联席会议) the user may see; the coordinator convenes new ones. */
export function MeetingsListPage() {
  const t = useT();
  const me = useSession();
  const meetings = useMeetings();
  const [creating, setCreating] = useState(false);
  return (
    <div data-testid="meetings-page">
      <PageHeader
        title={t('meetings.list')}
        extra={
          can(me, 'meeting.manage') && (
            <Button type="primary" data-testid="meeting-new" onClick={() => setCreating(true)}>
              {t('meetings.new')}
            </Button>
          )
        }
      />
      <Card size="small">
        <QueryState query={meetings}>
          {(items) => (
            <Table
              size="small"
              rowKey="id"
              dataSource={items}
              locale={{ emptyText: t('meetings.empty') }}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 800 }}
              onRow={(_, i) => ({ 'data-testid': `meeting-row-${i}` }) as HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('meetings.date'), dataIndex: 'meetingDate', width: 110 },
                {
                  title: t('meetings.title'),
                  key: 'title',
                  render: (_, m) => (
                    <Link to={`/meetings/${m.id}`}>
                      {t('meetings.number', { n: m.number })} · {m.title}
                    </Link>
                  ),
                },
                {
                  title: t('meetings.convening'),
                  key: 'convening',
                  render: (_, m) => m.conveningUnit.name,
                  width: 120,
                },
                { title: t('meetings.members'), dataIndex: 'memberCount', width: 90 },
                {
                  title: t('meetings.state'),
                  key: 'state',
                  width: 110,
                  render: (_, m) => <MeetingStateTag state={m.state} />,
                },
                { title: t('meetings.remarksMissing'), dataIndex: 'remarksMissing', width: 110 },
                { title: t('meetings.itemsOpen'), dataIndex: 'actionItemsOpen', width: 100 },
              ]}
            />
          )}
        </QueryState>
      </Card>
      <MeetingFormModal open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
