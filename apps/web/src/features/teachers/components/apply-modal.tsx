import { DQ_LEVELS, DQ_LEVEL_LABELS, type DqLevel } from '@zhijiao/contracts';
import { Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { EvidenceUpload, uploadedIds, type EvidenceFile } from '@/components/evidence-upload';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useApplyForRecognition } from '../api/apply-for-recognition';
import { useResubmitApplication } from '../api/resubmit-application';

type Values = { level: DqLevel; statement?: string };

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
  const apply = useApplyForRecognition();
  const again = useResubmitApplication();
  const [files, setFiles] = useState<EvidenceFile[]>([]);
  const body = (v: Values) => ({
    level: v.level,
    statement: (v.statement ?? '').trim(),
    evidenceFileIds: uploadedIds(files),
  });
  const modal = {
    open,
    onClose,
    title: t('teachers.apply.title'),
    okText: t('teachers.apply.submit'),
    testId: 'dq-apply-submit',
    successMessage: t('teachers.apply.done'),
    initialValues: resubmit ?? { level: 'junior' as const },
  };
  const fields = (
    <>
      <Form.Item name="level" label={t('teachers.col.level')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={DQ_LEVELS.map((l) => ({ value: l, label: pick(DQ_LEVEL_LABELS[l], lang) }))}
        />
      </Form.Item>
      <Form.Item name="statement" label={t('teachers.dq.statement')} rules={[{ max: 5000 }]}>
        <Input.TextArea rows={4} maxLength={5000} showCount placeholder={t('teachers.apply.statementHint')} />
      </Form.Item>
      <Form.Item label={t('teachers.dq.evidence')}>
        <EvidenceUpload
          value={files}
          onChange={setFiles}
          testId="dq-evidence-upload"
          buttonLabel={t('teachers.upload')}
        />
      </Form.Item>
    </>
  );
  return resubmit ? (
    <FormModal {...modal} mutation={again} toInput={(v: Values) => ({ id: resubmit.id, body: body(v) })}>
      {fields}
    </FormModal>
  ) : (
    <FormModal {...modal} mutation={apply} toInput={(v: Values) => ({ teacherId, body: body(v) })}>
      {fields}
    </FormModal>
  );
}
