import { Form, Input, Select, Table } from 'antd';
import { TASK_OUTCOMES } from '@zhijiao/contracts';
import { CodedName } from '@/components/coded-name';
import { ProgressStatusTag } from '@/components/status-tags';
import { formatDate, formatTarget, formatValue } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { localName, useLang } from '@/lib/lang';
import type { Evaluation } from '../types';
import { VerdictTag } from './verdict-tag';

/**
 * Every task with its latest approved progress and, in the form, its outcome (completed / partly /
 * not completed) and a remark; read-only once the plan is closed. Form fields `tasks.<i>.…`.
 */
export function EvaluationTaskTable({ evaluation, editable }: { evaluation: Evaluation; editable: boolean }) {
  const t = useT();
  const lang = useLang();
  const outcomes = TASK_OUTCOMES.map((o) => ({ value: o, label: t(`closing.outcome.${o}`) }));
  return (
    <Table
      size="small"
      rowKey="id"
      data-testid="evaluation-tasks"
      dataSource={evaluation.tasks}
      pagination={false}
      scroll={{ x: 900 }}
      columns={[
        { title: t('plan.col.label'), dataIndex: 'label', width: 80 },
        {
          title: t('plan.col.title'),
          key: 'title',
          render: (_, task) => localName(task.title, task.titleEn, lang),
        },
        { title: t('plan.col.lead'), dataIndex: 'lead', width: 120 },
        {
          title: t('closing.col.progress'),
          key: 'progress',
          width: 140,
          render: (_, task) => <ProgressStatusTag status={task.progress} emptyText={t('plan.notReported')} />,
        },
        {
          title: t('closing.col.outcome'),
          key: 'outcome',
          width: 130,
          render: (_, task, i) => (
            <Form.Item name={['tasks', i, 'outcome']} noStyle>
              <Select
                options={outcomes}
                disabled={!editable}
                style={{ width: 118 }}
                data-testid={`outcome-${task.label}`}
                aria-label={`${t('closing.col.outcome')} ${task.label}`}
              />
            </Form.Item>
          ),
        },
        {
          title: t('closing.col.remark'),
          key: 'remark',
          width: 260,
          render: (_, task, i) => (
            <Form.Item name={['tasks', i, 'remark']} noStyle>
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={2000}
                disabled={!editable}
                aria-label={`${t('closing.col.remark')} ${task.label}`}
              />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}

/** Each indicator's value at its deadline and its final verdict (a preview until the plan closes). */
export function EvaluationIndicatorTable({ evaluation }: { evaluation: Evaluation }) {
  const t = useT();
  const lang = useLang();
  return (
    <Table
      size="small"
      rowKey="id"
      data-testid="evaluation-indicators"
      dataSource={evaluation.indicators}
      pagination={false}
      scroll={{ x: 900 }}
      columns={[
        {
          title: t('task.col.name'),
          key: 'name',
          render: (_, i) => <CodedName name={localName(i.name, i.nameEn, lang)} code={i.code} />,
        },
        { title: t('indicator.task'), dataIndex: 'taskLabel', width: 80 },
        { title: t('task.col.target'), key: 'target', width: 120, render: (_, i) => formatTarget(i) },
        { title: t('task.col.deadline'), dataIndex: 'deadline', width: 110, render: formatDate },
        {
          title: t('closing.col.valueAtDeadline'),
          key: 'value',
          width: 120,
          render: (_, i) => formatValue(i.value, i.unit),
        },
        {
          title: t('closing.col.verdict'),
          key: 'verdict',
          width: 170,
          render: (_, i) => <VerdictTag verdict={i.verdict} deadline={i.deadline} />,
        },
      ]}
    />
  );
}
