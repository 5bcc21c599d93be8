import type { CSSProperties, ReactNode } from 'react';

const itemStyle: CSSProperties = {
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'space-between',
  gap: 12,
  padding: '8px 0',
  borderBottom: '1px solid #f0f0f0',
};

/**
 * A plain bordered list (antd's `List` is deprecated in 6.6 and its successor `Listy` is a
 * virtual list, more than these short lists need).
 */
export function SimpleList<T>({
  items,
  rowKey,
  renderItem,
  testId,
}: {
  items: T[];
  rowKey: (item: T, index: number) => string | number;
  renderItem: (item: T) => ReactNode;
  testId?: (item: T) => string;
}) {
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((item, index) => (
        <li key={rowKey(item, index)} style={itemStyle} data-testid={testId?.(item)}>
          {renderItem(item)}
        </li>
      ))}
    </ul>
  );
}
