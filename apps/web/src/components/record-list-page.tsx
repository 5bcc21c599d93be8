import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty } from 'antd';
import { useState, type ReactNode } from 'react';
import { ResponsiveTable, type ResponsiveTableProps } from './responsive-table';
import { FilterBar } from './list-filters';
import { PageHeader } from './page-header';

/** The form a list page opens to record a new entry, and the button that opens it. */
export interface CreateAction {
  /** The button's text (登记合作协议). */
  label: ReactNode;
  /** `data-testid` of the button. */
  testId: string;
  /** The form modal, given whether it is open and how to close it. */
  form: (modal: { open: boolean; onClose: () => void }) => ReactNode;
}

/**
 * The page of a list of records: the feature's tabs, the title line with its actions (the export,
 * then the button that opens the form to record one), the filters, and the list — in one card, or,
 * with `card={false}`, as the page's own cards (totals above a table, say).
 *
 * @example
 * <RecordListPage testId="cooperation-agreements-page" tabs={<CooperationTabs />} title={…}
 *   create={mayAdd && { label: t('cooperation.agreements.add'), testId: 'new-agreement',
 *     form: (modal) => <AgreementFormModal {...modal} onSaved={(id) => navigate(…)} /> }}
 *   filters={<ChoiceFilter … />}>
 *   <QueryState query={agreements}>{(items) => <RecordTable dataSource={items} … />}</QueryState>
 * </RecordListPage>
 */
export function RecordListPage({
  testId,
  tabs,
  title,
  subtitle,
  actions,
  create,
  filters,
  card = true,
  children,
}: {
  testId: string;
  tabs?: ReactNode;
  title: ReactNode;
  subtitle?: ReactNode;
  /** Buttons before the create button (the Excel export). */
  actions?: ReactNode;
  /** The create button and its form, when the user may record one. */
  create?: CreateAction | false | null;
  filters?: ReactNode;
  card?: boolean;
  children: ReactNode;
}) {
  const [creating, setCreating] = useState(false);
  const list = (
    <>
      {filters && <FilterBar>{filters}</FilterBar>}
      {children}
    </>
  );
  return (
    <div data-testid={testId}>
      {tabs}
      <PageHeader
        title={title}
        subtitle={subtitle}
        extra={
          (actions || create) && (
            <>
              {actions}
              {create && (
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setCreating(true)}
                  data-testid={create.testId}
                >
                  {create.label}
                </Button>
              )}
            </>
          )
        }
      />
      {card ? <Card size="small">{list}</Card> : list}
      {create && create.form({ open: creating, onClose: () => setCreating(false) })}
    </div>
  );
}

const LIST_PAGINATION = { pageSize: 20, hideOnSinglePage: true, showSizeChanger: false } as const;

/**
 * A list page's records: a table on a desktop, cards on a phone (`ResponsiveTable`), 20 to a page,
 * and `emptyText` when there is none. Takes the table's own props (`columns`, `dataSource` …).
 */
export function RecordTable<T extends object>({
  emptyText,
  ...table
}: ResponsiveTableProps<T> & { emptyText: string }) {
  return (
    <ResponsiveTable<T>
      size="small"
      rowKey="id"
      pagination={LIST_PAGINATION}
      locale={{ emptyText: <Empty description={emptyText} /> }}
      {...table}
    />
  );
}
