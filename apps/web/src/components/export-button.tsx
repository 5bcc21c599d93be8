import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { download, type ApiPath } from '@/lib/api-client';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';

/** Removes paging and empty values: an export holds every row of the filter, not one page. */
function exportQuery(query: Record<string, unknown> | undefined) {
  return Object.fromEntries(
    Object.entries(query ?? {}).filter(
      ([key, value]) =>
        key !== 'limit' && key !== 'offset' && value !== undefined && value !== null && value !== '',
    ),
  );
}

/**
 * 导出 Excel: downloads a list's `…/export.xlsx` twin with the page's current filters (paging
 * dropped), saved under the Chinese name the server gives. The server applies the actor's scope
 * and audits the export.
 *
 * @example <ExportButton path="/api/supervision/orders/export.xlsx" query={filter} filename="整改通知.xlsx" />
 */
export function ExportButton<P extends ApiPath<'get'>>({
  path,
  params,
  query,
  filename,
}: {
  /** The list's export route (its `…/export.xlsx` twin). */
  path: P;
  /** Path parameters, e.g. `{ code }` of a plan. */
  params?: Record<string, string>;
  /** The list's current filters, as the page sends them to the list route. */
  query?: object;
  /** The name to save under when the server sends none. */
  filename: string;
}) {
  const t = useT();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  const run = () => {
    setBusy(true);
    const options = { path: params, query: exportQuery(query as Record<string, unknown>) };
    void download('get', path, options as unknown as Parameters<typeof download<'get', P>>[2], filename)
      .catch(showError)
      .finally(() => setBusy(false));
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={run} data-testid="export-button">
      {t('common.exportExcel')}
    </Button>
  );
}
