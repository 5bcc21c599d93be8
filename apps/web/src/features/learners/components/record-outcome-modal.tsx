import {
  OUTCOME_LEVEL_LABELS,
  OUTCOME_LEVELS,
  OUTCOME_TYPE_LABELS,
  OUTCOME_TYPES,
  type OutcomeLevel,
  type OutcomeType,
} from '@zhijiao/contracts';
import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { EvidenceUpload, uploadedIds, type EvidenceFile } from '@/components/evidence-upload';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useRecordOutcome } from '../api/credit-bank';
import type { LearnerDetail, OutcomeBody } from '../types';

interface Values {
  type: OutcomeType;
  title: string;
  certificateCode?: string;
  level?: OutcomeLevel;
  issuer: string;
  number?: string;
  achievedOn: Dayjs;
  files?: EvidenceFile[];
}

/**
 * 登记学习成果: the school's clerk records one of its learner's outcomes (type, name, level,
 * issuer, number, date, the evidence file); it waits 待认定 for the district. The server's
 * refusals (a 1+X certificate without level or number, a number already recorded) show on their fields.
 */
export function RecordOutcomeModal({ learner, onClose }: { learner: LearnerDetail; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const required = [{ required: true, message: t('common.required') }];
  const text = (v?: string) => (v?.trim() ? v.trim() : undefined);
  const toInput = (v: Values): { id: string; body: OutcomeBody } => {
    const [evidenceFileId] = uploadedIds(v.files ?? []);
    return {
      id: learner.id,
      body: {
        type: v.type,
        title: v.title.trim(),
        issuer: v.issuer.trim(),
        achievedOn: v.achievedOn.format('YYYY-MM-DD'),
        ...(text(v.certificateCode) ? { certificateCode: text(v.certificateCode) } : {}),
        ...(v.level ? { level: v.level } : {}),
        ...(text(v.number) ? { number: text(v.number) } : {}),
        ...(evidenceFileId ? { evidenceFileId } : {}),
      },
    };
  };
  return (
    <FormModal<Values, { id: string; body: OutcomeBody }, unknown>
      open
      onClose={onClose}
      width={600}
      title={t('creditbank.record.title', { name: learner.name })}
      testId="outcome-save"
      mutation={useRecordOutcome()}
      toInput={toInput}
      mapPath={(path) => (path[path.length - 1] === 'evidenceFileId' ? ['files'] : path.slice(-1))}
      initialValues={{ type: 'one_plus_x_certificate' }}
      successMessage={t('creditbank.record.saved')}
    >
      <Form.Item name="type" label={t('learners.outcomes.type')} rules={required}>
        <Select
          data-testid="outcome-type"
          options={OUTCOME_TYPES.map((v) => ({ value: v, label: pick(OUTCOME_TYPE_LABELS[v], lang) }))}
        />
      </Form.Item>
      <Form.Item name="title" label={t('learners.outcomes.name')} rules={required}>
        <Input maxLength={100} data-testid="outcome-title" />
      </Form.Item>
      <Form.Item name="certificateCode" label={t('creditbank.record.certificateCode')}>
        <Input maxLength={50} data-testid="outcome-code" />
      </Form.Item>
      <Form.Item name="level" label={t('learners.outcomes.level')}>
        <Select
          allowClear
          data-testid="outcome-level"
          options={OUTCOME_LEVELS.map((v) => ({ value: v, label: pick(OUTCOME_LEVEL_LABELS[v], lang) }))}
        />
      </Form.Item>
      <Form.Item name="issuer" label={t('learners.outcomes.issuer')} rules={required}>
        <Input maxLength={100} data-testid="outcome-issuer" />
      </Form.Item>
      <Form.Item name="number" label={t('learners.outcomes.number')}>
        <Input maxLength={64} data-testid="outcome-number" />
      </Form.Item>
      <Form.Item name="achievedOn" label={t('learners.outcomes.achievedOn')} rules={required}>
        <DatePicker style={{ width: '100%' }} data-testid="outcome-date" />
      </Form.Item>
      <Form.Item name="files" label={t('creditbank.record.evidence')}>
        <EvidenceUpload max={1} testId="outcome-evidence" buttonLabel={t('creditbank.record.upload')} />
      </Form.Item>
    </FormModal>
  );
}
