import { CheckOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Pagination } from 'antd';
import { useState } from 'react';
import { PageHeader } from '@/components/page-header';
import { Loading, QueryError } from '@/components/query-state';
import { SimpleList } from '@/components/simple-list';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { NOTIFICATION_PAGE_SIZE, useNotifications } from '../api/get-notifications';
import { useMarkAllRead, useMarkRead } from '../api/mark-read';
import { NotificationItem } from './notification-item';

/**
 * `/notifications` (消息中心): what happened to the unit's records — reports reviewed, orders
 * issued, applications decided — newest first, paged; unread ones stand out for this account.
 */
export function NotificationsPage() {
  const t = useT();
  const showError = useShowError();
  const [page, setPage] = useState(1);
  const list = useNotifications(page);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.data) return <Loading />;
  const { items, total, unread } = list.data;
  return (
    <div style={{ maxWidth: 960 }} data-testid="notifications-page">
      <PageHeader
        title={t('notifications.title')}
        subtitle={t('notifications.subtitle', { unread, total })}
        extra={
          <Button
            icon={<CheckOutlined />}
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate(undefined, { onError: (e) => showError(e) })}
            data-testid="notifications-read-all"
          >
            {t('notifications.readAll')}
          </Button>
        }
      />
      <Card size="small">
        {items.length === 0 ? (
          <Empty description={t('notifications.empty')} />
        ) : (
          <SimpleList
            items={items}
            rowKey={(item) => item.id}
            renderItem={(item) => (
              <NotificationItem
                item={item}
                onOpen={(id) => markRead.mutate(id, { onError: (e) => showError(e) })}
              />
            )}
          />
        )}
        {total > NOTIFICATION_PAGE_SIZE && (
          <Pagination
            style={{ marginTop: 12, textAlign: 'end' }}
            current={page}
            pageSize={NOTIFICATION_PAGE_SIZE}
            total={total}
            onChange={setPage}
            showSizeChanger={false}
          />
        )}
      </Card>
    </div>
  );
}
