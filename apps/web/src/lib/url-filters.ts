import { useSearchParams } from 'react-router';

/**
 * What a list filter kept in the URL holds: `'text'` (a search, an id), `'number'` (a year) or the
 * values a choice may take (a status), whose type the filter then has.
 */
export type FilterKind = 'text' | 'number' | readonly string[];
export type FilterSpec = Record<string, FilterKind>;

/** The filters a spec reads from the URL, each `undefined` when the URL does not set it. */
export type FilterValues<S extends FilterSpec> = {
  [K in keyof S]:
    (S[K] extends 'number' ? number : S[K] extends readonly (infer V)[] ? V : string) | undefined;
};

/**
 * The list's filters from the URL's parameters. A value the filter cannot take (a status an old or
 * edited link names, a year that is not a number) is left out, as if the link did not set it.
 *
 * @example
 * readFilters(new URLSearchParams('status=expired&year=2024'), { status: AGREEMENT_STATUSES, year: 'number' })
 * // { status: 'expired', year: 2024 }
 */
export function readFilters<S extends FilterSpec>(params: URLSearchParams, spec: S): FilterValues<S> {
  const entries = Object.entries(spec).map(([key, kind]) => {
    const raw = params.get(key) || undefined;
    if (raw === undefined) return [key, undefined];
    if (kind === 'number') return [key, Number.isFinite(Number(raw)) ? Number(raw) : undefined];
    if (kind === 'text') return [key, raw];
    return [key, kind.includes(raw) ? raw : undefined];
  });
  return Object.fromEntries(entries) as FilterValues<S>;
}

/** The URL's parameters with one filter set, or removed when it is cleared (empty, null). */
export function withFilter(
  params: URLSearchParams,
  key: string,
  value: string | number | null | undefined,
): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value === undefined || value === null || value === '') next.delete(key);
  else next.set(key, String(value));
  return next;
}

/**
 * A list's filters kept in the URL (`?status=&year=`), so a link, a reload and the back button
 * keep them; setting one replaces the history entry rather than adding one per keystroke.
 *
 * @example
 * const [filter, setFilter] = useUrlFilters({ status: AGREEMENT_STATUSES, year: 'number', q: 'text' });
 * const agreements = useAgreements(filter);
 * <Select value={filter.status} onChange={(v) => setFilter('status', v)} … />
 */
export function useUrlFilters<S extends FilterSpec>(
  spec: S,
): [FilterValues<S>, <K extends keyof S & string>(key: K, value: FilterValues<S>[K] | null) => void] {
  const [params, setParams] = useSearchParams();
  const setFilter = <K extends keyof S & string>(key: K, value: FilterValues<S>[K] | null) =>
    setParams(withFilter(params, key, value as string | number | null | undefined), { replace: true });
  return [readFilters(params, spec), setFilter];
}
