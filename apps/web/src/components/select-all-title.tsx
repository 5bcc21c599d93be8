import { isValidElement, cloneElement, useContext, type ReactNode } from 'react';
import TableMeasureRowContext from 'antd/es/table/TableMeasureRowContext';

/** The select-all box, left out of the hidden copy of the header that antd measures columns with. */
function OutsideMeasureRow({ children }: { children: ReactNode }) {
  return useContext(TableMeasureRowContext) ? null : children;
}

/**
 * `rowSelection.columnTitle` for a table that scrolls sideways: antd copies each column's title into
 * an aria-hidden measuring row, and a focusable select-all box there is one keyboard stop a screen
 * reader cannot see (axe `aria-hidden-focus`). This keeps the box in the real header only, named
 * in the page's language.
 *
 * @example rowSelection={{ columnTitle: selectAllTitle(t('common.selectAll')), … }}
 */
export const selectAllTitle = (label: string) => (checkbox: ReactNode) => (
  <OutsideMeasureRow>
    {isValidElement<{ 'aria-label'?: string }>(checkbox)
      ? cloneElement(checkbox, { 'aria-label': label })
      : checkbox}
  </OutsideMeasureRow>
);
