import { Badge, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useLang } from '@/lib/lang';
import type { Notification } from '../api/get-notifications';

/**
 * One notification: unread ones stand out (a dot and bold title); the title links to the record
 * it tells of, and following the link marks it read.
 */
export function NotificationItem({ item, onOpen }: { item: Notification; onOpen: (id: string) => void }) {
  const t = useT();
  const lang = useLang();
  const unread = item.readAt === null;
  return (
    <Flex
      vertical
      gap={2}
      data-testid={`notification-${item.id}`}
      data-unread={unread}
      style={{ minWidth: 0, width: '100%', paddingInline: 12, background: unread ? '#f0f7ff' : undefined }}
    >
      <Flex gap={8} align="center">
        <Badge status={unread ? 'processing' : 'default'} />
        <Link
          to={item.link}
          onClick={() => unread && onOpen(item.id)}
          style={{ fontWeight: unread ? 600 : 400, minWidth: 0 }}
          data-testid="notification-link"
        >
          {item.title[lang]}
        </Link>
      </Flex>
      {item.body && (
        <Typography.Text type="secondary" style={{ paddingInlineStart: 14 }}>
          {item.body[lang]}
        </Typography.Text>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12, paddingInlineStart: 14 }}>
        {formatDateTime(String(item.createdAt))}
        {unread ? ` · ${t('notifications.unread')}` : ''}
      </Typography.Text>
    </Flex>
  );
}
