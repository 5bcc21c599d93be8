import { DQ_LEVELS, DQ_LEVEL_LABELS, type DqLevel } from '@zhijiao/contracts';
import { App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useSession } from '@/lib/session';
import { useShowError } from '@/lib/use-show-error';
import { useRecordRecognition } from '../api/teachers';

/** The district records a recognition a teacher obtained before the system (level, body, dates). */
export function RecordRecognitionModal({
  open,
  onClose,
  teacherId,
}: {
  open: boolean;
  onClose: () => void;
  teacherId: string;
}) {
  const t = useT();
  const lang = useLang();
  const me = useSession();
  const { message } = App.useApp();
  const showError = useShowError();
  const record = useRecordRecognition();
  const [form] = Form.useForm<{
    level: DqLevel;
    certifyingBody: string;
    recognisedOn: Dayjs;
    validUntil?: Dayjs | null;
  }>();
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    record.mutate(
      {
        id: teacherId,
        body: {
          level: v.level,
          certifyingBody: v.certifyingBody.trim(),
          recognisedOn: v.recognisedOn.format('YYYY-MM-DD'),
          ...(v.validUntil ? { validUntil: v.validUntil.format('YYYY-MM-DD') } : {}),
        },
      },
      {
        onSuccess: () => (message.success(t('teachers.saved')), onClose()),
        onError: (e) => showError(e, form),
      },
    );
  };
  return (
    <Modal
      open={open}
      title={t('teachers.recordRecognition')}
      onCancel={onClose}
      destroyOnHidden
      confirmLoading={record.isPending}
      onOk={() => void submit()}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ level: 'junior', certifyingBody: me?.orgUnit.name ?? '', recognisedOn: dayjs() }}
      >
        <Form.Item name="level" label={t('teachers.col.level')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={DQ_LEVELS.map((l) => ({ value: l, label: pick(DQ_LEVEL_LABELS[l], lang) }))}
          />
        </Form.Item>
        <Form.Item
          name="certifyingBody"
          label={t('teachers.col.certifyingBody')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="recognisedOn"
          label={t('teachers.col.recognisedOn')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item name="validUntil" label={t('teachers.dq.validUntilField')}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
