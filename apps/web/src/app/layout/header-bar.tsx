import {
  BellOutlined,
  DownOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  SafetyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { isAdminRole } from '@zhijiao/contracts';
import { Badge, Button, Dropdown, Flex, Grid, Space, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { Link, useNavigate } from 'react-router';
import { LangSwitch } from '@/components/lang-switch';
import { useAlerts } from '@/features/action-plans';
import { useLogout } from '@/features/auth';
import { NotificationsBell } from '@/features/notifications';
import { HeaderSearch } from '@/features/search';
import type { Me } from '@/lib/session';
import { useCurrentPlan } from '@/lib/current-plan';
import { useT } from '@/lib/i18n';
import { localName, useLang } from '@/lib/lang';
import { can, worksOnRecords } from '@/lib/permissions';

/** Room for a count badge, which overhangs its icon by half its width ("99+" covered the next icon). */
const BADGE_ROOM = { paddingInlineEnd: 6 } as const;

/**
 * Top bar: the plan's name, the search, the alerts badge, language switch, the user with their unit, logout.
 * On a phone (under `md`) a menu button opens the navigation (`onMenu`), the plan's name
 * ellipsises, and the user's name, unit and the logout fold into the user's dropdown.
 */
export function HeaderBar({ me, onMenu }: { me: Me; onMenu?: () => void }) {
  const t = useT();
  const phone = Grid.useBreakpoint().md === false;
  const lang = useLang();
  const navigate = useNavigate();
  const plan = useCurrentPlan();
  const logout = useLogout();
  const showAlerts = can(me, 'alert.read');
  const alerts = useAlerts(plan?.code, { enabled: showAlerts && !!plan });
  // Alerts nobody has taken notice of yet (未知悉): the unit's own, or for the coordinator every
  // unit's; an acknowledged alert stays on the alerts page but stops calling for attention here.
  const count = alerts.data?.filter((a) => !a.acknowledgement).length ?? 0;

  const onLogout = () => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });

  const accountItems: MenuProps['items'] = [
    ...(phone
      ? [
          {
            key: 'who',
            disabled: true,
            label: (
              <span data-testid="header-user-who">
                {me.displayName}
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {me.orgUnit.name}
                </Typography.Text>
              </span>
            ),
          },
          { type: 'divider' as const },
        ]
      : []),
    {
      key: 'password',
      icon: <KeyOutlined />,
      label: <Link to="/account/password">{t('nav.password')}</Link>,
    },
    ...(isAdminRole(me.role)
      ? [
          {
            key: 'totp',
            icon: <SafetyOutlined />,
            label: <Link to="/account/totp">{t('nav.totp')}</Link>,
          },
        ]
      : []),
    ...(phone
      ? [
          {
            key: 'logout',
            icon: <LogoutOutlined />,
            label: <span data-testid="logout">{t('nav.logout')}</span>,
            onClick: onLogout,
          },
        ]
      : []),
  ];

  return (
    <Flex justify="space-between" align="center" style={{ height: '100%' }} gap={phone ? 8 : 16}>
      {onMenu && (
        <Button
          type="text"
          icon={<MenuOutlined />}
          onClick={onMenu}
          aria-label={t('portal.menu')}
          data-testid="nav-open"
          style={{ flex: 'none' }}
        />
      )}
      <Typography.Text
        strong
        ellipsis
        style={{ fontSize: phone ? 14 : 16, minWidth: 0, flex: 1 }}
        data-testid="header-plan"
      >
        {plan ? localName(plan.title, plan.titleEn, lang) : t('app.fullName')}
      </Typography.Text>
      <Space size={phone ? 8 : 16} style={{ flexShrink: 0 }}>
        {me.role !== null && <HeaderSearch />}
        {showAlerts && (
          <Link
            to="/alerts"
            aria-label={t('nav.alertsBadge')}
            title={t('nav.alertsBadge')}
            style={BADGE_ROOM}
          >
            <Badge
              count={count}
              overflowCount={99}
              size="small"
              data-testid="alerts-badge"
              data-count={count}
            >
              <BellOutlined style={{ fontSize: 18, color: '#595959' }} />
            </Badge>
          </Link>
        )}
        {worksOnRecords(me) && <NotificationsBell />}
        <LangSwitch compact={phone} />
        <Dropdown menu={{ items: accountItems }} trigger={phone ? ['click'] : ['hover']}>
          <Space
            size={6}
            style={{ cursor: 'pointer' }}
            data-testid="header-user"
            aria-label={phone ? t('portal.account') : undefined}
          >
            <UserOutlined />
            {!phone && (
              <>
                <span>{me.displayName}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {me.orgUnit.name}
                </Typography.Text>
              </>
            )}
            <DownOutlined style={{ fontSize: 10 }} />
          </Space>
        </Dropdown>
        {!phone && (
          <Button
            size="small"
            icon={<LogoutOutlined />}
            onClick={onLogout}
            loading={logout.isPending}
            data-testid="logout"
          >
            {t('nav.logout')}
          </Button>
        )}
      </Space>
    </Flex>
  );
}
