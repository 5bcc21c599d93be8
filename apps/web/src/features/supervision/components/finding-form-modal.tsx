import { FINDING_SEVERITIES, type FindingSeverity, type FindingSubjectType } from '@zhijiao/contracts';
import { Form, Input, Radio, Select, type FormInstance } from 'antd';
import { FormModal } from '@/components/form-modal';
import { useCurrentPlan } from '@/lib/current-plan';
import { useT } from '@/lib/i18n';
import { useAddFinding, type FindingBody } from '../api/add-finding';
import { usePlanIndicators } from '../api/get-plan-indicators';
import { usePlanTasks } from '../api/get-plan-tasks';
import type { InspectionDetail } from '../types';
import { UnitSelect } from './unit-select';

interface Values {
  subjectType: Exclude<FindingSubjectType, 'action_item'>;
  subjectId?: string;
  subjectLabel?: string;
  orgUnitId?: string;
  title: string;
  description?: string;
  severity: FindingSeverity;
}

/** The subject (task, indicator or other), the unit, the problem and its severity. */
function FindingFields({
  inspection,
  open,
  form,
}: {
  inspection: InspectionDetail;
  open: boolean;
  form: FormInstance<Values>;
}) {
  const t = useT();
  const plan = useCurrentPlan();
  const subjectType = Form.useWatch('subjectType', form);
  const tasks = usePlanTasks(open ? plan?.code : undefined);
  const indicators = usePlanIndicators(open && subjectType === 'indicator' ? plan?.code : undefined);
  const scopedTasks = new Set(inspection.scope.filter((s) => s.type === 'task').map((s) => s.id));
  const taskOptions = (tasks.data ?? [])
    .map((task) => ({ value: task.id, label: `${task.label}${task.title}` }))
    .sort((a, b) => Number(scopedTasks.has(b.value)) - Number(scopedTasks.has(a.value)));
  const indicatorOptions = (indicators.data ?? []).map((i) => ({
    value: i.id,
    label: `${i.taskLabel}${i.name}`,
  }));
  return (
    <>
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
        <UnitSelect enabled={open} allowClear data-testid="finding-unit" />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('supervision.field.findingTitle')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 300 }]}
      >
        <Input maxLength={300} data-testid="finding-title" />
      </Form.Item>
      <Form.Item name="description" label={t('supervision.field.findingDescription')} rules={[{ max: 5000 }]}>
        <Input.TextArea rows={4} maxLength={5000} showCount />
      </Form.Item>
      <Form.Item name="severity" label={t('supervision.field.severity')} rules={[{ required: true }]}>
        <Radio.Group
          options={FINDING_SEVERITIES.map((s) => ({ value: s, label: t(`supervision.severity.${s}`) }))}
        />
      </Form.Item>
    </>
  );
}

/** The finding as the API takes it: a task or indicator by id, anything else by its label. */
function bodyOf(v: Values): FindingBody {
  const linked = v.subjectType === 'task' || v.subjectType === 'indicator';
  return {
    subjectType: v.subjectType,
    subjectId: linked ? v.subjectId : null,
    subjectLabel: linked ? undefined : (v.subjectLabel ?? '').trim(),
    orgUnitId: v.orgUnitId ?? null,
    title: v.title.trim(),
    description: (v.description ?? '').trim(),
    severity: v.severity,
  };
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
  return (
    <FormModal
      open={open}
      onClose={onClose}
      title={t('supervision.finding.add')}
      width={640}
      okText={t('supervision.save')}
      testId="finding-form-submit"
      initialValues={{ subjectType: 'task', severity: 'general' }}
      mutation={useAddFinding()}
      toInput={(v: Values) => ({ inspectionId: inspection.id, body: bodyOf(v) })}
      successMessage={t('supervision.finding.recorded')}
    >
      {(form) => <FindingFields inspection={inspection} open={open} form={form} />}
    </FormModal>
  );
}
