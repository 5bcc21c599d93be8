import { Card, Empty, Grid, Pagination, Spin, Table, Typography } from 'antd';
import type { TableColumnType, TableProps } from 'antd';
import { useState, type CSSProperties, type HTMLAttributes, type Key, type ReactNode } from 'react';

export interface ResponsiveTableProps<T> extends TableProps<T> {
  /** The heading of a record's card on a phone; by default the first column's cell. */
  cardTitle?: (record: T, index: number) => ReactNode;
}

const fieldStyle: CSSProperties = {
  display: 'flex',
  justifyContent: 'space-between',
  alignItems: 'baseline',
  gap: 12,
  paddingBlock: 4,
};

/** `record[dataIndex]`, where `dataIndex` is a key or a path of keys (as antd's Table reads it). */
function valueAt<T>(record: T, dataIndex: TableColumnType<T>['dataIndex']): unknown {
  if (dataIndex === undefined || dataIndex === null) return undefined;
  const path: readonly unknown[] = Array.isArray(dataIndex) ? dataIndex : [dataIndex];
  return path.reduce<unknown>(
    (value, key) => (value as Record<string, unknown> | null)?.[String(key)],
    record,
  );
}

/** A column's cell for a record, as the table would render it. */
function cellOf<T>(column: TableColumnType<T>, record: T, index: number): ReactNode {
  const value = valueAt(record, column.dataIndex);
  if (column.render) return column.render(value, record, index) as ReactNode;
  return value as ReactNode;
}

const keyOf = <T,>(rowKey: TableProps<T>['rowKey'], record: T, index: number): Key => {
  if (typeof rowKey === 'function') return rowKey(record, index);
  if (typeof rowKey === 'string') return valueAt(record, rowKey) as Key;
  return index;
};

/**
 * antd's `Table` on a tablet or a desktop; under the `md` breakpoint (a phone) each record becomes
 * a small card of "column title — value" lines, so nothing is squeezed to a character per line and
 * the page never scrolls sideways. Takes the Table's own props: `columns` (their `render`s draw
 * the card's values too), `rowKey`, `onRow` (its attributes, e.g. `data-testid`, go on the card),
 * `pagination`, `loading`, `locale.emptyText`; a column with `responsive` lacking `xs` and `sm`
 * stays off the cards (e.g. the columns `cardTitle` already shows).
 *
 * @example
 * <ResponsiveTable rowKey="code" dataSource={rows} columns={columns} cardTitle={(r) => r.name} />
 */
export function ResponsiveTable<T extends object>({ cardTitle, ...table }: ResponsiveTableProps<T>) {
  const screens = Grid.useBreakpoint();
  const [page, setPage] = useState(1);
  // Until the first measurement (`md` undefined) the table renders, as it did before.
  if (screens.md !== false || table.rowSelection || table.expandable) return <Table<T> {...table} />;

  // A column kept for wider screens (`responsive: ['md']`, say) is left off the cards too.
  const columns = (table.columns ?? []).filter(
    (c): c is TableColumnType<T> =>
      !('children' in c) &&
      !c.hidden &&
      (!c.responsive || c.responsive.some((b) => b === 'xs' || b === 'sm')),
  );
  const [first, ...rest] = columns;
  const rows = [...(table.dataSource ?? [])];
  const pagination = table.pagination === false ? null : (table.pagination ?? {});
  const pageSize = pagination?.pageSize ?? 10;
  // Fewer rows than before (another season, say) keep the page within range.
  const current = Math.min(page, Math.max(1, Math.ceil(rows.length / pageSize)));
  const shown = pagination ? rows.slice((current - 1) * pageSize, current * pageSize) : rows;
  const loading = typeof table.loading === 'object' ? table.loading.spinning : table.loading;
  const emptyText = table.locale?.emptyText;

  return (
    <Spin spinning={!!loading}>
      <div data-testid={(table as { 'data-testid'?: string })['data-testid']} data-cards="">
        {rows.length === 0 &&
          (typeof emptyText === 'function'
            ? (emptyText as () => ReactNode)()
            : (emptyText ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />))}
        {shown.map((record, i) => {
          const index = pagination ? (current - 1) * pageSize + i : i;
          const title = cardTitle ? cardTitle(record, index) : first ? cellOf(first, record, index) : null;
          const fields = cardTitle ? columns : rest;
          const attributes = (table.onRow?.(record, index) ?? {}) as HTMLAttributes<HTMLDivElement>;
          return (
            <div key={keyOf(table.rowKey, record, index)} {...attributes} style={{ marginBottom: 8 }}>
              <Card size="small" styles={{ body: { paddingBlock: 8 } }}>
                <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
                  {title}
                </Typography.Text>
                {fields.map((column, c) => {
                  const cell = cellOf(column, record, index);
                  // A cell with nothing in it (an action the user may not take) leaves no bare title.
                  if (cell === null || cell === undefined || cell === false || cell === '') return null;
                  return (
                    <div key={String(column.key ?? column.dataIndex ?? c)} style={fieldStyle}>
                      {column.title ? (
                        <Typography.Text type="secondary" style={{ flex: 'none', fontSize: 13 }}>
                          {column.title as ReactNode}
                        </Typography.Text>
                      ) : null}
                      <div style={{ minWidth: 0, flex: 1, textAlign: 'end', overflowWrap: 'anywhere' }}>
                        {cell}
                      </div>
                    </div>
                  );
                })}
              </Card>
            </div>
          );
        })}
        {pagination && rows.length > pageSize && (
          <Pagination
            simple
            align="center"
            current={current}
            pageSize={pageSize}
            total={rows.length}
            onChange={setPage}
          />
        )}
      </div>
    </Spin>
  );
}
