import type { SorterResult, SortOrder as AntSortOrder } from 'antd/es/table/interface';

/**
 * The column sort of a list the server pages (sorting one page in the browser would be wrong), kept
 * in the URL as `?sort=<column key>&order=asc|desc` like the list's filters, and sent as the API's
 * `sort` and `order`. Lists loaded whole sort in the browser with `lib/sorters.ts` instead.
 *
 * @example
 * const sort = sortFromParams(params, ['name', 'hireDate'] as const);
 * columns: [{ key: 'name', sorter: true, sortOrder: columnSortOrder(sort, 'name') }]
 * onChange: (_p, _f, sorter, { action }) => action === 'sort' && setParams(withSort(params, sorter))
 */
export interface ServerSort<K extends string> {
  sort?: K;
  order?: 'asc' | 'desc';
}

/** The sort the URL asks for, if its column is one of `keys` (a stale or edited link sorts nothing). */
export function sortFromParams<K extends string>(params: URLSearchParams, keys: readonly K[]): ServerSort<K> {
  const sort = params.get('sort');
  if (!sort || !(keys as readonly string[]).includes(sort)) return {};
  return { sort: sort as K, order: params.get('order') === 'desc' ? 'desc' : 'asc' };
}

/** antd's `sortOrder` for a column: what the URL sorts by, or nothing. */
export function columnSortOrder<K extends string>(current: ServerSort<K>, key: K): AntSortOrder {
  if (current.sort !== key) return null;
  return current.order === 'desc' ? 'descend' : 'ascend';
}

/** The URL's parameters after antd's Table reported a sorter change (a third click clears it). */
export function withSort<T>(
  params: URLSearchParams,
  sorter: SorterResult<T> | SorterResult<T>[],
): URLSearchParams {
  const s = Array.isArray(sorter) ? sorter[0] : sorter;
  const next = new URLSearchParams(params);
  if (s?.order && s.columnKey !== undefined) {
    next.set('sort', String(s.columnKey));
    next.set('order', s.order === 'descend' ? 'desc' : 'asc');
  } else {
    next.delete('sort');
    next.delete('order');
  }
  return next;
}
