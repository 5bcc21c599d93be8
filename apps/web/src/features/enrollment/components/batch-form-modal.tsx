import { DatePicker, Form, InputNumber, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '@/components/form-modal';
import { chinaIso } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useAddBatch } from '../api/add-batch';
import { NameCodeFields } from './name-code-fields';
import type { SeasonDetail } from '../types';
import { chinaTodayDay } from '@/lib/format';

interface Values {
  code: string;
  name: string;
  position: number;
  opensAt: Dayjs;
  closesAt: Dayjs;
  maxChoices: number;
}

/** The usual batches of a 中考 season, offered as names (the coordinator may type another). */
const BATCH_PRESETS = [
  { code: 'EARLY', key: 'enrollment.batchPreset.early' },
  { code: 'GENERAL', key: 'enrollment.batchPreset.general' },
  { code: 'VOCATIONAL', key: 'enrollment.batchPreset.vocational' },
  { code: 'SUPPLEMENT', key: 'enrollment.batchPreset.supplement' },
] as const;

/** Adds a batch: code, name, matching order, the preference window (China time) and the most choices. */
export function BatchFormModal({
  season,
  open,
  onClose,
}: {
  season: SeasonDetail;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const add = useAddBatch();
  const nextPosition = Math.max(0, ...season.batches.map((b) => b.position)) + 1;
  return (
    <FormModal
      open={open}
      onClose={onClose}
      title={t('enrollment.batches.add')}
      width={640}
      okText={t('enrollment.create')}
      testId="batch-form-submit"
      mutation={add}
      toInput={(v: Values) => ({
        seasonId: season.id,
        body: {
          code: v.code.trim(),
          name: v.name.trim(),
          position: v.position,
          opensAt: chinaIso(v.opensAt),
          closesAt: chinaIso(v.closesAt),
          maxChoices: v.maxChoices,
        },
      })}
      successMessage={t('enrollment.batches.added')}
      initialValues={{ position: nextPosition, maxChoices: 6 }}
    >
      {(form) => (
        <>
          <NameCodeFields nameLabel={t('enrollment.field.batchName')} nameWidth={220} testId="batch" />
          <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
            {t('enrollment.batches.presets')}{' '}
            <Select
              size="small"
              style={{ width: 160 }}
              placeholder={t('enrollment.batches.presetPick')}
              aria-label={t('enrollment.batches.presetPick')}
              onChange={(code: string) => {
                const preset = BATCH_PRESETS.find((p) => p.code === code)!;
                form.setFieldsValue({ code: preset.code, name: t(preset.key) });
              }}
              options={BATCH_PRESETS.map((p) => ({ value: p.code, label: t(p.key) }))}
            />
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('enrollment.field.windowHint')}</Typography.Text>
          <Space align="start" wrap style={{ marginTop: 8 }}>
            {(['opensAt', 'closesAt'] as const).map((name) => (
              <Form.Item
                key={name}
                name={name}
                label={t(name === 'opensAt' ? 'enrollment.field.opensAt' : 'enrollment.field.closesAt')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <DatePicker
                  showTime
                  format="YYYY-MM-DD HH:mm:ss"
                  disabledDate={(d) => d.isBefore(chinaTodayDay(), 'day')}
                  style={{ width: 220 }}
                  data-testid={name === 'opensAt' ? 'batch-opens-at' : 'batch-closes-at'}
                />
              </Form.Item>
            ))}
          </Space>
          <Space align="start" wrap>
            <Form.Item
              name="position"
              label={t('enrollment.field.position')}
              extra={t('enrollment.field.positionHint')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <InputNumber min={1} max={20} precision={0} data-testid="batch-position" />
            </Form.Item>
            <Form.Item
              name="maxChoices"
              label={t('enrollment.field.maxChoices')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <InputNumber min={1} max={50} precision={0} data-testid="batch-max-choices" />
            </Form.Item>
          </Space>
        </>
      )}
    </FormModal>
  );
}
