import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { INSPECTION_KIND_LABELS, INSPECTION_KINDS, type InspectionKind } from '@zhijiao/contracts';
import { Button, DatePicker, Flex, Form, Input, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef } from 'react';
import { FormModal } from '@/components/form-modal';
import { useCurrentPlan } from '@/lib/current-plan';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useCreateInspection, type InspectionBody } from '../api/create-inspection';
import { useOrgUnits } from '../api/get-org-units';
import { usePlanTasks } from '../api/get-plan-tasks';
import { useUpdateInspection } from '../api/update-inspection';
import type { InspectionDetail } from '../types';

interface Values {
  kind: InspectionKind;
  title: string;
  documentNumber?: string;
  dates: [Dayjs, Dayjs];
  purpose?: string;
  units: string[];
  schools: string[];
  tasks: string[];
  schedule: { date?: Dayjs; activity?: string }[];
}

const ISO = 'YYYY-MM-DD';

/** Server paths (`startsOn`, `scope.3.id`, `schedule.0.date`) onto this form's fields. */
function mapPath(path: (string | number)[]): (string | number)[] {
  if (path[0] === 'startsOn' || path[0] === 'endsOn') return ['dates'];
  if (path[0] === 'scope') return ['units'];
  return path;
}

/** The form values of an inspection. */
function valuesOf(inspection: InspectionDetail | undefined): Partial<Values> {
  if (!inspection) return { kind: 'regular', units: [], schools: [], tasks: [], schedule: [] };
  const scopeOf = (type: string) => inspection.scope.filter((s) => s.type === type).map((s) => s.id);
  return {
    kind: inspection.kind,
    title: inspection.title,
    documentNumber: inspection.documentNumber ?? undefined,
    dates: [dayjs(inspection.startsOn), dayjs(inspection.endsOn)],
    purpose: inspection.purpose,
    units: scopeOf('unit'),
    schools: scopeOf('school'),
    tasks: scopeOf('task'),
    schedule: inspection.schedule.map((s) => ({ date: dayjs(s.date), activity: s.activity })),
  };
}

/** The body the API takes; inspectors stay as the inspection had them. */
function bodyOf(v: Values, inspection: InspectionDetail | undefined): InspectionBody {
  return {
    kind: v.kind,
    title: v.title.trim(),
    purpose: (v.purpose ?? '').trim(),
    documentNumber: v.documentNumber?.trim() || null,
    startsOn: v.dates[0].format(ISO),
    endsOn: v.dates[1].format(ISO),
    schedule: (v.schedule ?? [])
      .filter((s) => s.date && s.activity?.trim())
      .map((s) => ({ date: s.date!.format(ISO), activity: s.activity!.trim() })),
    inspectorIds: inspection?.inspectors.map((i) => i.userId) ?? [],
    leadInspectorId: inspection?.inspectors.find((i) => i.isLead)?.userId ?? null,
    scope: [
      ...(v.units ?? []).map((id) => ({ type: 'unit' as const, id })),
      ...(v.schools ?? []).map((id) => ({ type: 'school' as const, id })),
      ...(v.tasks ?? []).map((id) => ({ type: 'task' as const, id })),
    ],
  };
}

/** Kind, title, dates, purpose, scope and schedule of an inspection. */
function InspectionFields({ open }: { open: boolean }) {
  const t = useT();
  const lang = useLang();
  const plan = useCurrentPlan();
  const units = useOrgUnits({ enabled: open });
  const tasks = usePlanTasks(open ? plan?.code : undefined);
  const unitOptions = (units.data ?? [])
    .filter((u) => u.type !== 'school' && u.type !== 'district')
    .map((u) => ({ value: u.id, label: u.name }));
  const schoolOptions = (units.data ?? [])
    .filter((u) => u.type === 'school')
    .map((u) => ({ value: u.id, label: u.name }));
  return (
    <>
      <Form.Item name="kind" label={t('supervision.field.kind')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={INSPECTION_KINDS.map((k) => ({
            value: k,
            label: pick(INSPECTION_KIND_LABELS[k], lang),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('supervision.field.inspectionTitle')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 200 }]}
      >
        <Input
          data-testid="inspection-title"
          placeholder={t('supervision.field.inspectionTitlePlaceholder')}
          maxLength={200}
        />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item
          name="dates"
          label={t('supervision.field.dates')}
          rules={[{ required: true, message: t('common.required') }]}
          style={{ flex: '1 1 280px' }}
        >
          <DatePicker.RangePicker style={{ width: '100%' }} data-testid="inspection-dates" />
        </Form.Item>
        <Form.Item
          name="documentNumber"
          label={t('supervision.field.documentNumber')}
          style={{ flex: '1 1 220px' }}
        >
          <Input maxLength={64} placeholder={t('supervision.field.documentNumberPlaceholder')} />
        </Form.Item>
      </Flex>
      <Form.Item name="purpose" label={t('supervision.field.purpose')} rules={[{ max: 5000 }]}>
        <Input.TextArea rows={3} maxLength={5000} showCount />
      </Form.Item>
      <Form.Item name="units" label={t('supervision.field.scopeUnits')}>
        <Select
          mode="multiple"
          allowClear
          optionFilterProp="label"
          options={unitOptions}
          loading={units.isLoading}
        />
      </Form.Item>
      <Form.Item name="schools" label={t('supervision.field.scopeSchools')}>
        <Select
          mode="multiple"
          allowClear
          optionFilterProp="label"
          options={schoolOptions}
          loading={units.isLoading}
        />
      </Form.Item>
      <Form.Item name="tasks" label={t('supervision.field.scopeTasks')}>
        <Select
          mode="multiple"
          allowClear
          optionFilterProp="label"
          loading={tasks.isLoading}
          options={(tasks.data ?? []).map((task) => ({
            value: task.id,
            label: `${task.label}${task.title}`,
          }))}
        />
      </Form.Item>
      <Typography.Text strong>{t('supervision.field.schedule')}</Typography.Text>
      <Form.List name="schedule">
        {(fields, { add, remove }) => (
          <div style={{ marginTop: 8 }}>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="baseline">
                <Form.Item
                  name={[field.name, 'date']}
                  rules={[{ required: true, message: t('common.required') }]}
                  style={{ width: 160 }}
                >
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'activity']}
                  rules={[{ required: true, whitespace: true, message: t('common.required') }]}
                  style={{ flex: 1 }}
                >
                  <Input maxLength={500} placeholder={t('supervision.field.activityPlaceholder')} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(field.name)} aria-label="remove" />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} block>
              {t('supervision.field.addSchedule')}
            </Button>
          </div>
        )}
      </Form.List>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
        {t('supervision.field.inspectorsHint')}
      </Typography.Paragraph>
    </>
  );
}

/**
 * Plans an inspection (定期 / 专项) or changes one: title, dates, purpose, scope (responsible units,
 * schools, plan tasks) and schedule. Inspectors keep what the inspection had (see the report).
 */
export function InspectionFormModal({
  open,
  onClose,
  inspection,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  inspection?: InspectionDetail;
  onSaved?: (saved: InspectionDetail) => void;
}) {
  const t = useT();
  const create = useCreateInspection();
  const update = useUpdateInspection();
  // Closed first, then handed over: the list page closes the form by its URL, then opens the new record.
  const saved = useRef<InspectionDetail | null>(null);
  const common = {
    open,
    onClose: () => {
      onClose();
      if (saved.current) onSaved?.(saved.current);
      saved.current = null;
    },
    title: inspection ? t('supervision.inspection.editTitle') : t('supervision.inspections.create'),
    width: 720,
    okText: t('supervision.save'),
    testId: 'inspection-form-submit',
    initialValues: valuesOf(inspection),
    successMessage: t('supervision.done.inspectionSaved'),
    onSaved: (result: InspectionDetail) => {
      saved.current = result;
    },
    mapPath,
    children: <InspectionFields open={open} />,
  };
  return inspection ? (
    <FormModal
      {...common}
      mutation={update}
      toInput={(v: Values) => ({ id: inspection.id, body: bodyOf(v, inspection) })}
    />
  ) : (
    <FormModal {...common} mutation={create} toInput={(v: Values) => bodyOf(v, undefined)} />
  );
}
