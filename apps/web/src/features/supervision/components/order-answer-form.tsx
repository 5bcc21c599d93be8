import { Alert, App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { useAnswerOrder } from '../api/answer-order';
import type { OrderDetail } from '../types';
import { EvidenceUpload, toEvidenceFile, type EvidenceFile } from '@/components/evidence-upload';

const MAX = 10000;

/** The responsible unit answers: measures taken (整改措施及成效) and evidence files (佐证材料). */
export function OrderAnswerForm({ order }: { order: OrderDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const answer = useAnswerOrder();
  const [form] = Form.useForm<{ measures: string }>();
  const [files, setFiles] = useState<EvidenceFile[]>(() => order.files.map(toEvidenceFile));
  const uploading = files.some((f) => f.status === 'uploading');
  const submit = async () => {
    let v: { measures: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const fileIds = files.filter((f) => f.status === 'done' && f.response).map((f) => f.response!.id);
    answer.mutate(
      { id: order.id, body: { measures: v.measures.trim(), fileIds } },
      {
        onSuccess: () => message.success(t('supervision.answer.sent')),
        onError: (e) => showError(e, form),
      },
    );
  };
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
        loading={answer.isPending}
        disabled={uploading}
        onClick={() => void submit()}
      >
        {t('supervision.answer.submit')}
      </Button>
    </Form>
  );
}
