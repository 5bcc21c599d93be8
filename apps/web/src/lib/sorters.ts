/**
 * Comparators for antd `Table` column `sorter`s on lists loaded whole: text in the UI language's
 * collation (pinyin order for Chinese), numbers and dates with empty values last.
 *
 * @example { title: '名称', sorter: byText((i) => i.name) }
 */
const collator = new Intl.Collator(['zh-Hans-CN', 'en'], { numeric: true });

export function byText<T>(get: (row: T) => string | null | undefined) {
  return (a: T, b: T) => collator.compare(get(a) ?? '', get(b) ?? '');
}

export function byNumber<T>(get: (row: T) => number | null | undefined) {
  return (a: T, b: T) => {
    const x = get(a);
    const y = get(b);
    if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1;
    return x - y;
  };
}

/** `YYYY-MM-DD` dates or timestamps compare as text; empty ones last. */
export function byDate<T>(get: (row: T) => string | null | undefined) {
  return (a: T, b: T) => {
    const x = get(a);
    const y = get(b);
    if (!x || !y) return !x ? (!y ? 0 : 1) : -1;
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

/** The order rows first came in (e.g. tasks in plan order), for sorting by a column whose text does not sort. */
export function byFirstSeen<T>(rows: readonly T[], key: (row: T) => string) {
  const order = new Map<string, number>();
  rows.forEach((row, i) => {
    if (!order.has(key(row))) order.set(key(row), i);
  });
  return (a: T, b: T) => (order.get(key(a)) ?? 0) - (order.get(key(b)) ?? 0);
}
