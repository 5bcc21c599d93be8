import { Tag } from 'antd';
import { useT } from '@/lib/i18n';
import type { Todo } from '../api/get-todos';

/** 逾期 N 天 (red), 今日到期 / 剩余 N 天 (orange within a week, else blue), or 无截止日期. */
export function TodoDeadlineTag({ todo }: { todo: Pick<Todo, 'dueDate' | 'daysLate'> }) {
  const t = useT();
  const late = todo.daysLate;
  if (todo.dueDate === null || late === null)
    return <Tag data-testid="todo-deadline">{t('workbench.noDeadline')}</Tag>;
  if (late > 0)
    return (
      <Tag color="red" data-testid="todo-deadline">
        {t('workbench.overdue', { n: late })}
      </Tag>
    );
  if (late === 0)
    return (
      <Tag color="orange" data-testid="todo-deadline">
        {t('workbench.dueToday')}
      </Tag>
    );
  return (
    <Tag color={-late <= 7 ? 'orange' : 'blue'} data-testid="todo-deadline">
      {t('workbench.daysLeft', { n: -late })}
    </Tag>
  );
}
