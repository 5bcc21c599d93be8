import { MessageOutlined } from '@ant-design/icons';
import { Badge } from 'antd';
import { Link } from 'react-router';
import { useT } from '@/lib/i18n';
import { useSession } from '@/lib/session';
import { useUnreadCount } from '../api/get-unread-count';

/** The header's 消息中心 icon with the account's unread count; opens `/notifications`. */
export function NotificationsBell() {
  const t = useT();
  const me = useSession();
  const count = useUnreadCount(!!me && !me.restriction).data ?? 0;
  const label = t('notifications.bell', { count });
  return (
    // Room for the badge, which overhangs the icon by half its width ("99+" covered the next icon).
    <Link to="/notifications" aria-label={label} title={label} style={{ paddingInlineEnd: 6 }}>
      <Badge
        count={count}
        overflowCount={99}
        size="small"
        data-testid="notifications-badge"
        data-count={count}
      >
        <MessageOutlined style={{ fontSize: 18, color: '#595959' }} />
      </Badge>
    </Link>
  );
}
