import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { isApiError } from '@/lib/api-error';
import { describeError } from '@/lib/error-text';
import { useT } from '@/lib/i18n';
import { useLang } from '@/lib/lang';

/** Centred spinner for a page or a card that is loading. */
export function Loading() {
  const t = useT();
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin description={t('common.loading')} />
    </div>
  );
}

/** A failed request as a result card with a retry button (404 and 403 get their own status). */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const lang = useLang();
  const status =
    isApiError(error) && error.status === 404
      ? '404'
      : isApiError(error) && error.status === 403
        ? '403'
        : 'error';
  return (
    <Result
      status={status}
      title={describeError(error, lang)}
      extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}

/**
 * Renders a query: spinner while loading, an error card on failure, else `children(data)`.
 *
 * @example <QueryState query={useTask(id)}>{(data) => <TaskView data={data} />}</QueryState>
 */
export function QueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
