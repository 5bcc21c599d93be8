import { SANCTION_GROUNDS, SANCTION_KINDS, type SanctionGround, type SanctionKind } from '@zhijiao/contracts';
import { DatePicker, Flex, Form, Input, InputNumber, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { useInspections } from '../api/get-inspections';
import { useRecordSanction } from '../api/record-sanction';
import { UnitSelect } from './unit-select';
import { chinaTodayDay } from '@/lib/format';

interface Values {
  orgUnitId: string;
  inspectionId?: string;
  kind: SanctionKind;
  points: number;
  title: string;
  ground: SanctionGround;
  groundsText: string;
  decidedOn: Dayjs;
}

/** Records a reward or penalty (奖惩) against a unit with its grounds; it counts in `year`'s assessment. */
export function SanctionFormModal({
  year,
  open,
  onClose,
}: {
  year: number;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const inspections = useInspections();
  return (
    <FormModal
      open={open}
      onClose={onClose}
      title={t('supervision.sanctions.add', { year })}
      width={640}
      okText={t('supervision.save')}
      testId="sanction-form-submit"
      initialValues={{
        kind: 'reward',
        ground: 'findings_closed_on_time',
        points: 2,
        decidedOn: chinaTodayDay(),
      }}
      mutation={useRecordSanction()}
      toInput={(v: Values) => ({
        orgUnitId: v.orgUnitId,
        inspectionId: v.inspectionId ?? null,
        kind: v.kind,
        year,
        points: v.points,
        title: v.title.trim(),
        ground: v.ground,
        groundsText: v.groundsText.trim(),
        refs: [],
        decidedOn: v.decidedOn.format('YYYY-MM-DD'),
      })}
      successMessage={t('supervision.done.sanctionRecorded')}
    >
      <Flex gap={16} wrap>
        <Form.Item name="kind" label={t('supervision.sanctions.kind')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={SANCTION_KINDS.map((k) => ({ value: k, label: t(`supervision.sanctionKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="points"
          label={t('supervision.sanctions.points')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber min={0} max={100} step={0.5} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item
          name="decidedOn"
          label={t('supervision.sanctions.decidedOn')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker style={{ width: 160 }} />
        </Form.Item>
      </Flex>
      <Form.Item
        name="orgUnitId"
        label={t('supervision.col.unit')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <UnitSelect enabled={open} />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('supervision.sanctions.subject')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 300 }]}
      >
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="ground" label={t('supervision.sanctions.ground')} rules={[{ required: true }]}>
        <Select options={SANCTION_GROUNDS.map((g) => ({ value: g, label: t(`supervision.ground.${g}`) }))} />
      </Form.Item>
      <Form.Item
        name="groundsText"
        label={t('supervision.sanctions.groundsText')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 5000 }]}
      >
        <Input.TextArea rows={3} maxLength={5000} showCount />
      </Form.Item>
      <Form.Item name="inspectionId" label={t('supervision.sanctions.inspection')}>
        <Select allowClear options={(inspections.data ?? []).map((i) => ({ value: i.id, label: i.title }))} />
      </Form.Item>
    </FormModal>
  );
}
