import { DQ_LEVELS, DQ_LEVEL_LABELS, type DqLevel } from '@zhijiao/contracts';
import { App, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useShowError } from '@/lib/use-show-error';
import { useApplicationStep, useApply } from '../api/applications';
import { EvidenceUpload, uploadedIds, type EvidenceFile } from '@/components/evidence-upload';

/**
 * Applies for a 双师型 level for a teacher (or resubmits a returned application): level, statement
 * and evidence. The school's review and the district's decision follow on the 双师型认定 page.
 */
export function ApplyModal({
  open,
  onClose,
  teacherId,
  resubmit,
}: {
  open: boolean;
  onClose: () => void;
  teacherId: string;
  resubmit?: { id: string; level: DqLevel; statement: string };
}) {
  const t = useT();
  const lang = useLang();
  const { message } = App.useApp();
  const showError = useShowError();
  const apply = useApply();
  const step = useApplicationStep();
  const [files, setFiles] = useState<EvidenceFile[]>([]);
  const [form] = Form.useForm<{ level: DqLevel; statement?: string }>();
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body = {
      level: v.level,
      statement: (v.statement ?? '').trim(),
      evidenceFileIds: uploadedIds(files),
    };
    const done = {
      onSuccess: () => (message.success(t('teachers.apply.done')), onClose()),
      onError: (e: Error) => showError(e, form),
    };
    if (resubmit) step.mutate({ id: resubmit.id, step: 'resubmission', body }, done);
    else apply.mutate({ teacherId, body }, done);
  };
  return (
    <Modal
      open={open}
      title={t('teachers.apply.title')}
      onCancel={onClose}
      destroyOnHidden
      okText={t('teachers.apply.submit')}
      okButtonProps={{ 'data-testid': 'dq-apply-submit' }}
      confirmLoading={apply.isPending || step.isPending}
      onOk={() => void submit()}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={resubmit ?? { level: 'junior' }}>
        <Form.Item name="level" label={t('teachers.col.level')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={DQ_LEVELS.map((l) => ({ value: l, label: pick(DQ_LEVEL_LABELS[l], lang) }))}
          />
        </Form.Item>
        <Form.Item name="statement" label={t('teachers.dq.statement')} rules={[{ max: 5000 }]}>
          <Input.TextArea
            rows={4}
            maxLength={5000}
            showCount
            placeholder={t('teachers.apply.statementHint')}
          />
        </Form.Item>
        <Form.Item label={t('teachers.dq.evidence')}>
          <EvidenceUpload
            value={files}
            onChange={setFiles}
            testId="dq-evidence-upload"
            buttonLabel={t('teachers.upload')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
