import { InputNumber, Select, Space } from 'antd';
import type { ReactNode } from 'react';
import { pick, useLang } from '@/lib/lang';
import { SearchInput } from './search-input';

/** The row of a list's filters above its table; wraps on a phone. */
export function FilterBar({ children }: { children: ReactNode }) {
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      {children}
    </Space>
  );
}

/**
 * A choice among a fixed set of values (a status, a kind), shown by their names in the page's
 * language; clearing it shows every record. The label is its placeholder and its accessible name.
 *
 * @example
 * <ChoiceFilter label={t('cooperation.status')} width={130} values={AGREEMENT_STATUSES}
 *   labels={AGREEMENT_STATUS_LABELS} value={filter.status} onChange={(v) => setFilter('status', v)} />
 */
export function ChoiceFilter<V extends string>({
  label,
  width,
  values,
  labels,
  value,
  onChange,
}: {
  label: string;
  width: number;
  values: readonly V[];
  labels: Record<V, { zh: string; en: string }>;
  value: V | undefined;
  onChange: (value: V | undefined) => void;
}) {
  const lang = useLang();
  return (
    <Select
      allowClear
      style={{ width }}
      placeholder={label}
      aria-label={label}
      value={value}
      onChange={onChange}
      options={values.map((v) => ({ value: v, label: pick(labels[v], lang) }))}
    />
  );
}

/** A year (2000–2100); clearing it shows every year. */
export function YearFilter({
  label,
  width,
  value,
  onChange,
}: {
  label: string;
  width: number;
  value: number | undefined;
  onChange: (value: number | null) => void;
}) {
  return (
    <InputNumber
      min={2000}
      max={2100}
      placeholder={label}
      aria-label={label}
      value={value ?? null}
      onChange={onChange}
      style={{ width }}
    />
  );
}

/** A text search, sent when the user presses Enter or the search button (trimmed). */
export function SearchFilter({
  label,
  width,
  value,
  onChange,
}: {
  label: string;
  width: number;
  value: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <SearchInput
      allowClear
      placeholder={label}
      aria-label={label}
      defaultValue={value}
      onSearch={(v) => onChange(v.trim())}
      style={{ width }}
    />
  );
}
