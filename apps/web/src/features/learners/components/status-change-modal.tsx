import { LEARNER_STATUSES, type LearnerStatus } from '@zhijiao/contracts';
import { DatePicker, Form, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '@/components/form-modal';
import { chinaTodayDay } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useChangeStatus } from '../api/change-status';
import type { LearnerDetail } from '../types';
import { LearnerStatusTag } from './learner-tags';

type Values = { status: LearnerStatus; date: Dayjs; reason: string };

/**
 * 变更学籍状态: 休学, 复学, 转学, 退学 or 毕业, the day it takes effect and why. Which changes the
 * learner's status allows, and on which days, is the server's to judge: its refusals come back on
 * the field they name (变更类型, 变更日期), in the page's language.
 */
export function StatusChangeModal({
  open,
  onClose,
  learner,
}: {
  open: boolean;
  onClose: () => void;
  learner: LearnerDetail;
}) {
  const t = useT();
  return (
    <FormModal<Values, Parameters<ReturnType<typeof useChangeStatus>['mutate']>[0], LearnerDetail>
      open={open}
      onClose={onClose}
      title={t('learners.change.title', { name: learner.name })}
      okText={t('learners.change.ok')}
      testId="status-change-save"
      mutation={useChangeStatus()}
      toInput={(v) => ({
        id: learner.id,
        body: { status: v.status, date: v.date.format('YYYY-MM-DD'), reason: v.reason.trim() },
      })}
      successMessage={t('learners.change.done')}
      initialValues={{ date: chinaTodayDay() }}
    >
      <Form.Item label={t('learners.change.current')}>
        <LearnerStatusTag status={learner.status} />
        <span>{learner.statusSince}</span>
      </Form.Item>
      <Form.Item name="status" label={t('learners.change.status')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          data-testid="status-change-status"
          options={LEARNER_STATUSES.filter((s) => s !== learner.status).map((s) => ({
            value: s,
            label: <span data-testid={`status-change-to-${s}`}>{t(`learners.action.${s}`)}</span>,
          }))}
        />
      </Form.Item>
      <Form.Item name="date" label={t('learners.change.date')} rules={[{ required: true }]}>
        <DatePicker aria-label={t('learners.change.date')} data-testid="status-change-date" />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('learners.change.reason')}
        rules={[{ required: true, whitespace: true }, { max: 500 }]}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          aria-label={t('learners.change.reason')}
          data-testid="status-change-reason"
        />
      </Form.Item>
    </FormModal>
  );
}
