import { Button, Card, Space, Switch, Table } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ExportButton } from '@/components/export-button';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { AlertTierTag } from '@/components/status-tags';
import { useT } from '@/lib/i18n';
import { useActionItems } from '../api/get-action-items';
import type { ActionItem } from '../types';
import { ActionItemDrawer } from './action-item-drawer';
import { ActionItemStateTag } from './meeting-tags';

/** `/meetings/action-items[/:id]`: 议定事项督办, by deadline with alert tiers; a row opens the item. */
export function ActionItemsPage() {
  const t = useT();
  const [overdue, setOverdue] = useState(false);
  const items = useActionItems(overdue ? { overdue: true } : {});
  // `/meetings/action-items/:id` (the link of an alert) opens that item.
  const { id } = useParams();
  const navigate = useNavigate();
  const [open, setOpen] = useState<string | null>(id ?? null);
  const timing = (i: ActionItem) =>
    i.completedOn
      ? t('meetings.completedOn', { date: i.completedOn })
      : i.daysLate === null
        ? ''
        : i.daysLate > 0
          ? t('meetings.daysLate', { n: i.daysLate })
          : t('meetings.daysLeft', { n: -i.daysLate });
  return (
    <div data-testid="action-items-page">
      <PageHeader
        title={t('meetings.items')}
        extra={
          <Space>
            {t('meetings.itemsOverdue')}
            <Switch
              checked={overdue}
              onChange={setOverdue}
              aria-label={t('meetings.itemsOverdue')}
              data-testid="action-items-overdue"
            />
            <ExportButton
              path="/api/action-items/export.xlsx"
              query={overdue ? { overdue: true } : {}}
              filename="议定事项.xlsx"
            />
          </Space>
        }
      />
      <Card size="small">
        <QueryState query={items}>
          {(rows) => (
            <Table
              size="small"
              rowKey="id"
              dataSource={rows}
              locale={{ emptyText: t('meetings.itemsEmpty') }}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 900 }}
              onRow={(_, i) => ({ 'data-testid': `action-item-row-${i}` }) as HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('meetings.decision'), dataIndex: 'decision' },
                {
                  title: t('meetings.responsibleUnit'),
                  key: 'unit',
                  width: 120,
                  render: (_, i) => i.responsibleUnit.name,
                },
                { title: t('meetings.deadline'), dataIndex: 'deadline', width: 110 },
                {
                  title: t('meetings.tier'),
                  key: 'tier',
                  width: 170,
                  render: (_, i) => (
                    <Space size={2}>
                      <AlertTierTag tier={i.tier} />
                      {timing(i)}
                    </Space>
                  ),
                },
                {
                  title: t('meetings.state'),
                  key: 'state',
                  width: 100,
                  render: (_, i) => <ActionItemStateTag state={i.state} />,
                },
                {
                  title: t('meetings.meeting'),
                  key: 'meeting',
                  width: 200,
                  render: (_, i) => <Link to={`/meetings/${i.meeting.id}`}>{i.meeting.title}</Link>,
                },
                {
                  title: t('common.actions'),
                  key: 'open',
                  width: 80,
                  render: (_, i) => (
                    <Button
                      size="small"
                      type={i.abilities.update || i.abilities.review ? 'primary' : 'default'}
                      data-testid="action-item-open"
                      onClick={() => setOpen(i.id)}
                    >
                      {t('meetings.open')}
                    </Button>
                  ),
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
      <ActionItemDrawer
        id={open}
        onClose={() => {
          setOpen(null);
          if (id) void navigate('/meetings/action-items');
        }}
      />
    </div>
  );
}
