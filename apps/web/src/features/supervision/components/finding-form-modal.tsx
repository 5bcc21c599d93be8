import { FINDING_SEVERITIES, type FindingSeverity, type FindingSubjectType } from '@zhijiao/contracts';
import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { useCurrentPlan } from '@/lib/current-plan';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { useAddFinding } from '../api/add-finding';
import { useOrgUnits } from '../api/get-org-units';
import { usePlanIndicators } from '../api/get-plan-indicators';
import { usePlanTasks } from '../api/get-plan-tasks';
import type { InspectionDetail } from '../types';

interface Values {
  subjectType: Exclude<FindingSubjectType, 'action_item'>;
  subjectId?: string;
  subjectLabel?: string;
  orgUnitId?: string;
  title: string;
  description?: string;
  severity: FindingSeverity;
}

/**
 * Records a finding (督导发现问题) of a running inspection: the task or indicator it concerns (the
 * server attaches their evidence and defaults the unit to the lead unit) or another subject, the
 * unit, the problem and its severity.
 */
export function FindingFormModal({
  inspection,
  open,
  onClose,
}: {
  inspection: InspectionDetail;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const plan = useCurrentPlan();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const subjectType = Form.useWatch('subjectType', form);
  const add = useAddFinding();
  const units = useOrgUnits({ enabled: open });
  const tasks = usePlanTasks(open ? plan?.code : undefined);
  const indicators = usePlanIndicators(open && subjectType === 'indicator' ? plan?.code : undefined);
  const scopedTasks = new Set(inspection.scope.filter((s) => s.type === 'task').map((s) => s.id));
  const taskOptions = (tasks.data ?? [])
    .map((task) => ({ value: task.id, label: `${task.label}${task.title}` }))
    .sort((a, b) => Number(scopedTasks.has(b.value)) - Number(scopedTasks.has(a.value)));
  const indicatorOptions = (indicators.data ?? []).map((i) => ({
    value: i.id,
    label: `${i.code} ${i.name}`,
  }));

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const linked = v.subjectType === 'task' || v.subjectType === 'indicator';
    add.mutate(
      {
        inspectionId: inspection.id,
        body: {
          subjectType: v.subjectType,
          subjectId: linked ? v.subjectId : null,
          subjectLabel: linked ? undefined : (v.subjectLabel ?? '').trim(),
          orgUnitId: v.orgUnitId ?? null,
          title: v.title.trim(),
          description: (v.description ?? '').trim(),
          severity: v.severity,
        },
      },
      {
        onSuccess: () => {
          message.success(t('supervision.finding.recorded'));
          onClose();
        },
        onError: (error) => showError(error, form),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('supervision.finding.add')}
      width={640}
      onCancel={onClose}
      destroyOnHidden
      okText={t('supervision.save')}
      okButtonProps={{ 'data-testid': 'finding-form-submit' }}
      confirmLoading={add.isPending}
      onOk={() => void submit()}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ subjectType: 'task', severity: 'general' }}
        preserve={false}
      >
        <Form.Item name="subjectType" label={t('supervision.field.subjectType')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={(['task', 'indicator', 'other'] as const).map((s) => ({
              value: s,
              label: t(`supervision.subjectType.${s}`),
            }))}
            onChange={() => form.setFieldValue('subjectId', undefined)}
          />
        </Form.Item>
        {subjectType === 'task' || subjectType === 'indicator' ? (
          <Form.Item
            name="subjectId"
            label={t(subjectType === 'task' ? 'supervision.field.task' : 'supervision.field.indicator')}
            rules={[{ required: true, message: t('common.required') }]}
            extra={t('supervision.field.subjectHint')}
          >
            <Select
              showSearch
              optionFilterProp="label"
              data-testid="finding-subject"
              loading={subjectType === 'task' ? tasks.isLoading : indicators.isLoading}
              options={subjectType === 'task' ? taskOptions : indicatorOptions}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="subjectLabel"
            label={t('supervision.field.subjectLabel')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 300 }]}
          >
            <Input maxLength={300} />
          </Form.Item>
        )}
        <Form.Item
          name="orgUnitId"
          label={t('supervision.field.unit')}
          rules={[{ required: subjectType === 'other', message: t('common.required') }]}
          extra={subjectType === 'other' ? undefined : t('supervision.field.unitDefault')}
        >
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            data-testid="finding-unit"
            loading={units.isLoading}
            options={(units.data ?? [])
              .filter((u) => u.type !== 'district')
              .map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('supervision.field.findingTitle')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 300 }]}
        >
          <Input maxLength={300} data-testid="finding-title" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('supervision.field.findingDescription')}
          rules={[{ max: 5000 }]}
        >
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item name="severity" label={t('supervision.field.severity')} rules={[{ required: true }]}>
          <Radio.Group
            options={FINDING_SEVERITIES.map((s) => ({ value: s, label: t(`supervision.severity.${s}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
