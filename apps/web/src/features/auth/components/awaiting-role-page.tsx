import { Button, Result, Space, Typography } from 'antd';
import { Link, Navigate, useNavigate } from 'react-router';
import { useT } from '@/lib/i18n';
import { landingPath } from '@/lib/permissions';
import { useMe, useRefreshMe } from '../api/get-me';

/**
 * `/account/awaiting-role`: an account the system administrator created has no role until the
 * security administrator grants one (三权分立), so it sees nothing of the business. This says so,
 * and lets the user change their password or check again (a grant ends the session: checking
 * again then leads to the sign-in page).
 */
export function AwaitingRolePage() {
  const t = useT();
  const navigate = useNavigate();
  const me = useMe();
  const refreshMe = useRefreshMe();
  if (me.data && me.data.role !== null) return <Navigate to={landingPath(me.data)} replace />;
  const checkAgain = async () => {
    const user = await refreshMe().catch(() => null);
    if (user?.role) void navigate(landingPath(user), { replace: true });
  };
  return (
    <div data-testid="awaiting-role-page">
      <Result
        status="info"
        title={
          <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
            {t('auth.awaitingRole')}
          </Typography.Title>
        }
        subTitle={t('auth.awaitingRoleHint')}
        extra={
          <Space wrap>
            <Button type="primary" onClick={() => void checkAgain()} data-testid="awaiting-role-check">
              {t('auth.awaitingRoleCheck')}
            </Button>
            <Link to="/account/password">
              <Button>{t('auth.changePassword')}</Button>
            </Link>
          </Space>
        }
      />
    </div>
  );
}
