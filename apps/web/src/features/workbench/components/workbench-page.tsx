import { Alert, Button, Card, Empty, Flex, Segmented, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { SimpleList } from '@/components/simple-list';
import { formatDate } from '@/lib/format';
import { useT, type MessageKey } from '@/lib/i18n';
import { can } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useTodos, type Todo } from '../api/get-todos';
import { TodoDeadlineTag } from './todo-deadline-tag';

/** Each module's todos are tagged with its name (the sources are an open set, each in the dictionaries). */
const sourceKey = (source: string) => `workbench.source.${source}` as MessageKey;

/**
 * `/workbench` (工作台): where every role lands. 我的待办 lists what waits for the account — its
 * role's, its unit's, its assignments' — overdue first, each tagged with its module and deadline
 * and linking to the page where it is done; a module filter narrows the list. The coordinator also
 * finds the plan dashboard from here.
 */
export function WorkbenchPage() {
  const t = useT();
  const me = useSession();
  const todos = useTodos();
  const navigate = useNavigate();
  const [source, setSource] = useState<string>('all');
  return (
    <div data-testid="workbench-page">
      <PageHeader
        title={t('workbench.title')}
        subtitle={me ? `${me.displayName} · ${me.orgUnit.name}` : undefined}
        extra={
          can(me, 'plan.manage') && (
            <Button onClick={() => navigate('/plans')} data-testid="workbench-dashboard">
              {t('workbench.dashboard')}
            </Button>
          )
        }
      />
      <QueryState query={todos}>
        {({ items, unavailable }) => (
          <>
            {unavailable.length > 0 && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                data-testid="workbench-unavailable"
                title={t('workbench.unavailable', {
                  modules: unavailable.map((s) => t(sourceKey(s))).join('、'),
                })}
              />
            )}
            <TodoList items={items} source={source} onSource={setSource} />
          </>
        )}
      </QueryState>
    </div>
  );
}

function TodoList({
  items,
  source,
  onSource,
}: {
  items: Todo[];
  source: string;
  onSource: (source: string) => void;
}) {
  const t = useT();
  const sources = useMemo(() => [...new Set(items.map((i) => i.source))], [items]);
  const shown = source === 'all' ? items : items.filter((i) => i.source === source);
  if (items.length === 0)
    return (
      <Card title={t('workbench.todos')}>
        <Empty
          data-testid="workbench-empty"
          description={
            <Space orientation="vertical" size={0}>
              <Typography.Text strong>{t('workbench.empty')}</Typography.Text>
              <Typography.Text type="secondary">{t('workbench.emptyHint')}</Typography.Text>
            </Space>
          }
        />
      </Card>
    );
  return (
    <Card title={t('workbench.todos')} extra={t('workbench.total', { n: items.length })}>
      {sources.length > 1 && (
        // On a phone the module filter scrolls inside the card instead of widening the page.
        <div style={{ overflowX: 'auto', marginBottom: 12 }}>
          <Segmented
            data-testid="workbench-source-filter"
            value={source}
            onChange={(v) => onSource(String(v))}
            options={[
              { value: 'all', label: t('common.all') },
              ...sources.map((s) => ({
                value: s,
                label: `${t(sourceKey(s))} ${items.filter((i) => i.source === s).length}`,
              })),
            ]}
          />
        </div>
      )}
      <SimpleList
        items={shown}
        rowKey={(todo) => todo.id}
        testId={(todo) => `todo-${todo.id}`}
        renderItem={(todo) => (
          <>
            <Flex vertical gap={4} style={{ minWidth: 0 }}>
              <Link to={todo.link}>
                <Typography.Text strong>{todo.title}</Typography.Text>
              </Link>
              <Space size={4} wrap>
                <Tag color="geekblue">{t(sourceKey(todo.source))}</Tag>
                <TodoDeadlineTag todo={todo} />
                {todo.dueDate && (
                  <Typography.Text type="secondary">
                    {t('workbench.dueOn', { date: formatDate(todo.dueDate) })}
                  </Typography.Text>
                )}
                {todo.count !== null && <Tag>{t('workbench.count', { n: todo.count })}</Tag>}
                <Typography.Text type="secondary">{todo.unit.name}</Typography.Text>
              </Space>
            </Flex>
            <Link to={todo.link} data-testid="todo-link" style={{ flexShrink: 0 }}>
              {t('workbench.go')}
            </Link>
          </>
        )}
      />
    </Card>
  );
}
