import {
  OUTCOME_LEVEL_LABELS,
  OUTCOME_LEVELS,
  OUTCOME_TYPE_LABELS,
  OUTCOME_TYPES,
  type OutcomeLevel,
  type OutcomeType,
} from '@zhijiao/contracts';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useCreateConversionRule } from '../api/conversions';
import type { ConversionRuleBody } from '../types';

interface Values {
  majorCode?: string;
  outcomeType: OutcomeType;
  certificateCode?: string;
  minLevel?: OutcomeLevel;
  exempts: string[];
  credits: number;
  validFrom: Dayjs;
  validTo?: Dayjs;
  note?: string;
}

/** 发布转换规则: the school's clerk publishes a rule of its own school; the server's refusals on their fields. */
export function ConversionRuleModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const required = [{ required: true, message: t('common.required') }];
  const toInput = (v: Values): ConversionRuleBody => ({
    majorCode: v.majorCode?.trim() || null,
    outcomeType: v.outcomeType,
    certificateCode: v.certificateCode?.trim() || null,
    minLevel: v.minLevel ?? null,
    exempts: v.exempts.map((c) => c.trim()).filter(Boolean),
    credits: Math.round(v.credits * 10),
    validFrom: v.validFrom.format('YYYY-MM-DD'),
    validTo: v.validTo?.format('YYYY-MM-DD') ?? null,
    ...(v.note?.trim() ? { note: v.note.trim() } : {}),
  });
  return (
    <FormModal<Values, ConversionRuleBody, unknown>
      open
      onClose={onClose}
      width={600}
      title={t('creditbank.rules.create')}
      testId="conversion-rule-save"
      mutation={useCreateConversionRule()}
      toInput={toInput}
      initialValues={{ outcomeType: 'one_plus_x_certificate', minLevel: 'elementary', credits: 4 }}
      successMessage={t('creditbank.rules.saved')}
    >
      <Form.Item name="outcomeType" label={t('learners.outcomes.type')} rules={required}>
        <Select
          options={OUTCOME_TYPES.map((v) => ({ value: v, label: pick(OUTCOME_TYPE_LABELS[v], lang) }))}
        />
      </Form.Item>
      <Form.Item name="certificateCode" label={t('creditbank.record.certificateCode')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="minLevel" label={t('creditbank.rules.minLevel')}>
        <Select
          allowClear
          options={OUTCOME_LEVELS.map((v) => ({ value: v, label: pick(OUTCOME_LEVEL_LABELS[v], lang) }))}
        />
      </Form.Item>
      <Form.Item name="majorCode" label={t('creditbank.rules.major')} extra={t('creditbank.rules.majorHint')}>
        <Input maxLength={32} />
      </Form.Item>
      <Form.Item name="exempts" label={t('creditbank.rules.exempts')} rules={required}>
        <Select
          mode="tags"
          tokenSeparators={[',', '，', '、', ' ']}
          aria-label={t('creditbank.rules.exempts')}
        />
      </Form.Item>
      <Form.Item name="credits" label={t('creditbank.entries.credits')} rules={required}>
        <InputNumber min={0.1} max={100} step={0.5} precision={1} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="validFrom" label={t('creditbank.rules.validFrom')} rules={required}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="validTo" label={t('creditbank.rules.validTo')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('creditbank.recognise.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
