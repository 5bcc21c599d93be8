import {
  BellOutlined,
  DownOutlined,
  KeyOutlined,
  LogoutOutlined,
  SafetyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { isAdminRole } from '@zhijiao/contracts';
import { Badge, Button, Dropdown, Flex, Space, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { LangSwitch } from '@/components/lang-switch';
import { useAlerts } from '@/features/action-plans';
import { useLogout } from '@/features/auth';
import { NotificationsBell } from '@/features/notifications';
import type { Me } from '@/lib/session';
import { useCurrentPlan } from '@/lib/current-plan';
import { useT } from '@/lib/i18n';
import { localName, useLang } from '@/lib/lang';
import { can } from '@/lib/permissions';

/** Top bar: the plan's name, the alerts badge, language switch, the user with their unit, logout. */
export function HeaderBar({ me }: { me: Me }) {
  const t = useT();
  const lang = useLang();
  const navigate = useNavigate();
  const plan = useCurrentPlan();
  const logout = useLogout();
  const showAlerts = can(me, 'alert.read');
  const alerts = useAlerts(plan?.code, { enabled: showAlerts && !!plan });
  const count = alerts.data?.length ?? 0;

  const onLogout = () => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });

  return (
    <Flex justify="space-between" align="center" style={{ height: '100%' }} gap={16}>
      <Typography.Text strong ellipsis style={{ fontSize: 16, minWidth: 0 }} data-testid="header-plan">
        {plan ? localName(plan.title, plan.titleEn, lang) : t('app.fullName')}
      </Typography.Text>
      <Space size={16} style={{ flexShrink: 0 }}>
        {showAlerts && (
          <Link to="/alerts" aria-label={t('nav.alertsBadge')} title={t('nav.alertsBadge')}>
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
        <NotificationsBell />
        <LangSwitch />
        <Dropdown
          menu={{
            items: [
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
            ],
          }}
        >
          <Space size={6} style={{ cursor: 'pointer' }} data-testid="header-user">
            <UserOutlined />
            <span>{me.displayName}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {me.orgUnit.name}
            </Typography.Text>
            <DownOutlined style={{ fontSize: 10 }} />
          </Space>
        </Dropdown>
        <Button
          size="small"
          icon={<LogoutOutlined />}
          onClick={onLogout}
          loading={logout.isPending}
          data-testid="logout"
        >
          {t('nav.logout')}
        </Button>
      </Space>
    </Flex>
  );
}
