import { SANCTION_GROUNDS, SANCTION_KINDS, type SanctionGround, type SanctionKind } from '@zhijiao/contracts';
import { App, DatePicker, Flex, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { useInspections } from '../api/get-inspections';
import { useOrgUnits } from '../api/get-org-units';
import { useRecordSanction } from '../api/record-sanction';

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
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const record = useRecordSanction();
  const units = useOrgUnits({ enabled: open });
  const inspections = useInspections();
  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    record.mutate(
      {
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
      },
      {
        onSuccess: () => {
          message.success(t('supervision.saved'));
          onClose();
        },
        onError: (e) => showError(e, form),
      },
    );
  };
  return (
    <Modal
      open={open}
      title={t('supervision.sanctions.add', { year })}
      width={640}
      onCancel={onClose}
      destroyOnHidden
      okText={t('supervision.save')}
      okButtonProps={{ 'data-testid': 'sanction-form-submit' }}
      confirmLoading={record.isPending}
      onOk={() => void submit()}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: 'reward', ground: 'findings_closed_on_time', points: 2, decidedOn: dayjs() }}
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
          <Select
            showSearch
            optionFilterProp="label"
            loading={units.isLoading}
            options={(units.data ?? [])
              .filter((u) => u.type !== 'district')
              .map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('supervision.sanctions.subject')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 300 }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="ground" label={t('supervision.sanctions.ground')} rules={[{ required: true }]}>
          <Select
            options={SANCTION_GROUNDS.map((g) => ({ value: g, label: t(`supervision.ground.${g}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="groundsText"
          label={t('supervision.sanctions.groundsText')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 5000 }]}
        >
          <Input.TextArea rows={3} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item name="inspectionId" label={t('supervision.sanctions.inspection')}>
          <Select
            allowClear
            options={(inspections.data ?? []).map((i) => ({ value: i.id, label: i.title }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
