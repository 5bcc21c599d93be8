import {
  OUTCOME_LEVEL_LABELS,
  OUTCOME_LEVELS,
  OUTCOME_TYPE_LABELS,
  OUTCOME_TYPES,
  type OutcomeLevel,
  type OutcomeType,
} from '@zhijiao/contracts';
import { Form, Input, InputNumber, Select } from 'antd';
import { FormModal } from '@/components/form-modal';
import { FormRows } from '@/components/form-rows';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useCreateCatalogue } from '../api/credit-bank';
import type { Catalogue, CatalogueBody } from '../types';

interface Line {
  type: OutcomeType;
  certificateCode?: string;
  certificateName?: string;
  level?: OutcomeLevel;
  credits: number;
}
interface Values {
  year: number;
  note?: string;
  entries: Line[];
}

/**
 * 发布名录新版本: a year, what changed, and the lines (type, certificate or any, level, suggested
 * credits) — preset from the newest version, since a version replaces its year's in force whole.
 */
export function CatalogueModal({ latest, onClose }: { latest?: Catalogue; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const required = [{ required: true, message: t('common.required') }];
  const initial: Partial<Values> = {
    year: latest?.year ?? new Date().getFullYear(),
    entries: latest?.entries.map((e) => ({
      type: e.type,
      certificateCode: e.certificateCode ?? undefined,
      certificateName: e.certificateName || undefined,
      level: e.level ?? undefined,
      credits: e.suggestedCredits / 10,
    })) ?? [{ type: 'one_plus_x_certificate', credits: 4 }],
  };
  const toInput = (v: Values): CatalogueBody => ({
    year: v.year,
    ...(v.note?.trim() ? { note: v.note.trim() } : {}),
    entries: v.entries.map((e) => ({
      type: e.type,
      certificateCode: e.certificateCode?.trim() || null,
      certificateName: e.certificateName?.trim() ?? '',
      level: e.level ?? null,
      suggestedCredits: Math.round(e.credits * 10),
    })),
  });
  return (
    <FormModal<Values, CatalogueBody, unknown>
      open
      onClose={onClose}
      width={820}
      title={t('creditbank.catalogue.create')}
      testId="catalogue-save"
      mutation={useCreateCatalogue()}
      toInput={toInput}
      initialValues={initial}
      successMessage={t('creditbank.catalogue.saved')}
    >
      <Form.Item name="year" label={t('creditbank.catalogue.year')} rules={required}>
        <InputNumber min={2000} max={2100} precision={0} data-testid="catalogue-year" />
      </Form.Item>
      <Form.Item name="note" label={t('creditbank.catalogue.note')}>
        <Input.TextArea rows={2} maxLength={500} data-testid="catalogue-note" />
      </Form.Item>
      <FormRows
        name="entries"
        label={t('creditbank.catalogue.entries')}
        addLabel={t('creditbank.catalogue.addLine')}
        removeLabel={t('creditbank.catalogue.removeLine')}
        newRow={() => ({ type: 'one_plus_x_certificate', credits: 4 })}
      >
        {(f) => (
          <>
            <Form.Item name={[f.name, 'type']} rules={required} noStyle>
              <Select
                style={{ width: 190 }}
                aria-label={t('learners.outcomes.type')}
                options={OUTCOME_TYPES.map((v) => ({ value: v, label: pick(OUTCOME_TYPE_LABELS[v], lang) }))}
              />
            </Form.Item>
            <Form.Item name={[f.name, 'certificateCode']} noStyle>
              <Input
                style={{ width: 110 }}
                maxLength={50}
                placeholder={t('creditbank.record.certificateCode')}
              />
            </Form.Item>
            <Form.Item name={[f.name, 'certificateName']} noStyle>
              <Input
                style={{ width: 150 }}
                maxLength={100}
                placeholder={t('creditbank.catalogue.certificate')}
              />
            </Form.Item>
            <Form.Item name={[f.name, 'level']} noStyle>
              <Select
                allowClear
                style={{ width: 90 }}
                placeholder={t('learners.outcomes.level')}
                aria-label={t('learners.outcomes.level')}
                options={OUTCOME_LEVELS.map((v) => ({
                  value: v,
                  label: pick(OUTCOME_LEVEL_LABELS[v], lang),
                }))}
              />
            </Form.Item>
            <Form.Item name={[f.name, 'credits']} rules={required} noStyle>
              <InputNumber
                min={0.1}
                max={100}
                step={0.5}
                precision={1}
                style={{ width: 90 }}
                aria-label={t('creditbank.catalogue.credits')}
              />
            </Form.Item>
          </>
        )}
      </FormRows>
    </FormModal>
  );
}
