import { Select, type SelectProps } from 'antd';
import { useOrgUnits } from '../api/get-org-units';

/**
 * Picks a unit (责任单位 or school, not the district) among those the user sees; inside a
 * `Form.Item` it takes the item's value. `enabled: false` holds the list back while a modal is shut.
 */
export function UnitSelect({
  enabled = true,
  ...props
}: Omit<SelectProps, 'options' | 'loading'> & { enabled?: boolean }) {
  const units = useOrgUnits({ enabled });
  return (
    <Select
      showSearch
      optionFilterProp="label"
      // Named by its placeholder unless the caller labels it (a filter has no form label).
      aria-label={typeof props.placeholder === 'string' ? props.placeholder : undefined}
      {...props}
      loading={units.isLoading}
      options={(units.data ?? [])
        .filter((u) => u.type !== 'district')
        .map((u) => ({ value: u.id, label: u.name }))}
    />
  );
}
