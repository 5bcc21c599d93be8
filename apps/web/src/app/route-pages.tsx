import type { Permission } from '@zhijiao/contracts';
import { Button, Flex, Result, Spin } from 'antd';
import type { ComponentType } from 'react';
import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { PageErrorBoundary } from '@/components/page-error-boundary';
import { useT } from '@/lib/i18n';
import { RequirePermission } from './guards';

/**
 * A lazily loaded page wrapped in its own error boundary (and a permission check when given),
 * for a route's `lazy`: each page's code, and ECharts with it, loads only when visited.
 */
export function lazyPage(load: () => Promise<ComponentType>, permissions?: Permission[]) {
  return async () => {
    const Page = await load();
    function RoutePage() {
      const page = (
        <PageErrorBoundary>
          <Page />
        </PageErrorBoundary>
      );
      return permissions ? <RequirePermission any={permissions}>{page}</RequirePermission> : page;
    }
    return { Component: RoutePage };
  };
}

/** Shown while the first page's code loads. */
export function BootSpinner() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

/** Any path nobody handles. */
export function NotFoundPage() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t('error.notFound')}
      subTitle={t('error.notFoundHint')}
      extra={
        <Link to="/">
          <Button type="primary">{t('error.backHome')}</Button>
        </Link>
      }
    />
  );
}

/** Route-level fallback (a page chunk that failed to load, a thrown response). */
export function RouteErrorPage() {
  const error = useRouteError();
  const t = useT();
  console.error('route error', error);
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <Result
      status="error"
      title={t('error.pageTitle')}
      subTitle={t('error.pageHint')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
