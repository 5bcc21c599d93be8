import type { Permission } from '@zhijiao/contracts';
import { Flex, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { QueryError } from '@/components/query-state';
import { useMe } from '@/features/auth';
import { useT } from '@/lib/i18n';
import { AWAITING_ROLE_PAGE, canAny, landingPath } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { AppLayout } from './layout/app-layout';

const RESTRICTED_PAGES = { password_change: '/account/password', totp_enrolment: '/account/totp' } as const;

/** Pages an account without a role may open: its own account, and the page saying it waits. */
const OWN_ACCOUNT_PAGES = new Set(['/account/password', '/account/totp', AWAITING_ROLE_PAGE]);

/**
 * The signed-in part of the app: nobody → /login (with `next`), a restricted session → the
 * account page that lifts the restriction, an account without a role → the page saying it waits
 * for the security administrator, else the layout with the page.
 */
export function AuthenticatedApp() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (me.isError) return <QueryError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  const required = me.data.restriction ? RESTRICTED_PAGES[me.data.restriction] : null;
  if (required && location.pathname !== required) return <Navigate to={required} replace />;
  if (me.data.role === null && !OWN_ACCOUNT_PAGES.has(location.pathname))
    return <Navigate to={AWAITING_ROLE_PAGE} replace />;
  return <AppLayout me={me.data} />;
}

/** Shows the page only to users holding one of the permissions; others get a 403 card. */
export function RequirePermission({ any, children }: { any: Permission[]; children: ReactNode }) {
  const me = useSession();
  const t = useT();
  if (!canAny(me, any))
    return <Result status="403" title={t('error.forbidden')} subTitle={t('error.forbiddenHint')} />;
  return <>{children}</>;
}

/** `/start`: sends the user to the first page their role can use. */
export function Landing() {
  const me = useSession();
  return <Navigate to={me ? landingPath(me) : '/login'} replace />;
}
