import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Flex, Form, Input, Select, Typography, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { useFindings } from '../api/get-findings';
import { useRecordInterview } from '../api/record-interview';
import { UnitSelect } from './unit-select';
import { chinaTodayDay } from '@/lib/format';

interface Values {
  orgUnitId: string;
  heldOn: Dayjs;
  interviewers: string;
  interviewees: string;
  reason: string;
  findingIds: string[];
  commitments: { text?: string; dueDate?: Dayjs | null }[];
}

/** Who, whom, when, why (linked findings) and the commitments made. */
function InterviewFields({
  inspectionId,
  open,
  form,
}: {
  inspectionId: string;
  open: boolean;
  form: FormInstance<Values>;
}) {
  const t = useT();
  const findings = useFindings({ inspectionId }, { enabled: open });
  const unitId = Form.useWatch('orgUnitId', form);
  return (
    <>
      <Flex gap={16} wrap>
        <Form.Item
          name="orgUnitId"
          label={t('supervision.interviews.unit')}
          rules={[{ required: true, message: t('common.required') }]}
          style={{ flex: '1 1 260px' }}
        >
          <UnitSelect enabled={open} />
        </Form.Item>
        <Form.Item
          name="heldOn"
          label={t('supervision.interviews.heldOn')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker style={{ width: 180 }} />
        </Form.Item>
      </Flex>
      <Form.Item
        name="interviewers"
        label={t('supervision.interviews.interviewers')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 500 }]}
      >
        <Input maxLength={500} placeholder={t('supervision.interviews.interviewersPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="interviewees"
        label={t('supervision.interviews.interviewees')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 500 }]}
      >
        <Input maxLength={500} placeholder={t('supervision.interviews.intervieweesPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('supervision.interviews.reason')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 5000 }]}
      >
        <Input.TextArea rows={3} maxLength={5000} showCount />
      </Form.Item>
      <Form.Item name="findingIds" label={t('supervision.interviews.findings')}>
        <Select
          mode="multiple"
          allowClear
          optionFilterProp="label"
          loading={findings.isLoading}
          options={(findings.data ?? [])
            .filter((f) => !unitId || f.unit.id === unitId)
            .map((f) => ({ value: f.id, label: `${f.unit.name} · ${f.title}` }))}
        />
      </Form.Item>
      <Typography.Text strong>{t('supervision.interviews.commitments')}</Typography.Text>
      <Form.List name="commitments">
        {(fields, { add, remove }) => (
          <div style={{ marginTop: 8 }}>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="baseline">
                <Form.Item name={[field.name, 'text']} rules={[{ max: 2000 }]} style={{ flex: 1 }}>
                  <Input maxLength={2000} placeholder={t('supervision.interviews.commitmentText')} />
                </Form.Item>
                <Form.Item name={[field.name, 'dueDate']} style={{ width: 160 }}>
                  <DatePicker
                    style={{ width: '100%' }}
                    placeholder={t('supervision.interviews.commitmentDue')}
                  />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(field.name)} aria-label="remove" />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block>
              {t('supervision.interviews.addCommitment')}
            </Button>
          </div>
        )}
      </Form.List>
    </>
  );
}

/** The interview as the API takes it; commitments without text are left out. */
function bodyOf(v: Values) {
  return {
    orgUnitId: v.orgUnitId,
    heldOn: v.heldOn.format('YYYY-MM-DD'),
    interviewers: v.interviewers.trim(),
    interviewees: v.interviewees.trim(),
    reason: v.reason.trim(),
    findingIds: v.findingIds ?? [],
    commitments: (v.commitments ?? [])
      .filter((c) => c.text?.trim())
      .map((c) => ({ text: c.text!.trim(), dueDate: c.dueDate ? c.dueDate.format('YYYY-MM-DD') : null })),
  };
}

/** Records an interview (约谈): who, whom, when, why (linked findings) and the commitments made. */
export function InterviewFormModal({
  inspectionId,
  open,
  onClose,
}: {
  inspectionId: string;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <FormModal
      open={open}
      onClose={onClose}
      title={t('supervision.interviews.record')}
      width={680}
      okText={t('supervision.save')}
      testId="interview-form-submit"
      initialValues={{ heldOn: chinaTodayDay(), findingIds: [], commitments: [{}] }}
      mutation={useRecordInterview()}
      toInput={(v: Values) => ({ inspectionId, body: bodyOf(v) })}
      successMessage={t('supervision.done.interviewRecorded')}
    >
      {(form) => (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('supervision.interviews.privacy')}
          />
          <InterviewFields inspectionId={inspectionId} open={open} form={form} />
        </>
      )}
    </FormModal>
  );
}
