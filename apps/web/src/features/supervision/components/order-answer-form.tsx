import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { EvidenceUpload, toEvidenceFile, type EvidenceFile } from '@/components/evidence-upload';
import { useFormSubmit } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { useAnswerOrder } from '../api/answer-order';
import type { OrderDetail } from '../types';

const MAX = 10000;

/** The responsible unit answers: measures taken (整改措施及成效) and evidence files (佐证材料). */
export function OrderAnswerForm({ order }: { order: OrderDetail }) {
  const t = useT();
  const [files, setFiles] = useState<EvidenceFile[]>(() => order.files.map(toEvidenceFile));
  const uploading = files.some((f) => f.status === 'uploading');
  const { form, submit, submitting } = useFormSubmit({
    mutation: useAnswerOrder(),
    toInput: (v: { measures: string }) => ({
      id: order.id,
      body: {
        measures: v.measures.trim(),
        fileIds: files.filter((f) => f.status === 'done' && f.response).map((f) => f.response!.id),
      },
    }),
    successMessage: t('supervision.answer.sent'),
  });
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ measures: order.measures ?? '' }}
      data-testid="order-answer-form"
    >
      {order.state === 'returned' && order.reviewComment && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('supervision.answer.returnedNote', { comment: order.reviewComment })}
        />
      )}
      <Form.Item
        name="measures"
        label={t('supervision.answer.measures')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: MAX }]}
      >
        <Input.TextArea
          rows={8}
          maxLength={MAX}
          showCount
          data-testid="order-measures"
          placeholder={t('supervision.answer.measuresPlaceholder')}
        />
      </Form.Item>
      <Form.Item label={t('supervision.answer.files')}>
        <EvidenceUpload value={files} onChange={setFiles} testId="order-upload" />
      </Form.Item>
      <Button
        type="primary"
        data-testid="order-answer-submit"
        loading={submitting}
        disabled={uploading}
        onClick={() => void submit()}
      >
        {t('supervision.answer.submit')}
      </Button>
    </Form>
  );
}
