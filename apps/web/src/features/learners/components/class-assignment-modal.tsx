import { AutoComplete, Form, Typography } from 'antd';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { useAssignClass, useClasses, type ClassAssignmentBody } from '../api/classes';
import type { LearnerSummary } from '../types';

interface Values {
  className: string;
}

/**
 * 分班: the chosen learners of one school into a class — an existing class of the school (offered as
 * the name is typed) or a new one; a blank name takes them out of their class.
 */
export function ClassAssignmentModal({
  learners,
  onClose,
}: {
  learners: LearnerSummary[];
  onClose: () => void;
}) {
  const t = useT();
  const school = learners[0]?.school;
  const classes = useClasses(school?.id);
  const options = (classes.data?.items ?? []).map((c) => ({
    value: c.className,
    label: t('learners.classes.option', { name: c.className, count: c.learners }),
  }));
  return (
    <FormModal<Values, ClassAssignmentBody, { updated: number; unchanged: number }>
      open
      onClose={onClose}
      title={t('learners.classes.title')}
      okText={t('learners.classes.ok')}
      testId="class-assignment-save"
      mutation={useAssignClass()}
      toInput={(v) => ({ learnerIds: learners.map((l) => l.id), className: (v.className ?? '').trim() })}
      successMessage={(r) => t('learners.classes.saved', { ...r })}
      onSaved={onClose}
      mapPath={(path) => path.slice(-1)}
    >
      <Typography.Paragraph data-testid="class-assignment-chosen">
        {t('learners.classes.chosen', { count: learners.length, school: school?.name ?? '' })}
      </Typography.Paragraph>
      <Form.Item
        name="className"
        label={t('learners.col.className')}
        extra={t('learners.classes.hint')}
        rules={[{ max: 50, message: t('learners.classes.tooLong') }]}
      >
        <AutoComplete
          options={options}
          maxLength={50}
          allowClear
          filterOption={(input, option) => String(option?.value ?? '').includes(input.trim())}
          placeholder={t('learners.classes.placeholder')}
          data-testid="class-assignment-name"
        />
      </Form.Item>
    </FormModal>
  );
}
