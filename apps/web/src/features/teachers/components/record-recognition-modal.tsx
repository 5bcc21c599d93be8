import { DQ_LEVELS, DQ_LEVEL_LABELS, type DqLevel } from '@zhijiao/contracts';
import { DatePicker, Form, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useSession } from '@/lib/session';
import { useRecordRecognition } from '../api/record-recognition';
import { chinaTodayDay } from '@/lib/format';

type Values = { level: DqLevel; certifyingBody: string; recognisedOn: Dayjs; validUntil?: Dayjs | null };

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
  const record = useRecordRecognition();
  return (
    <FormModal
      open={open}
      onClose={onClose}
      title={t('teachers.recordRecognition')}
      mutation={record}
      toInput={(v: Values) => ({
        id: teacherId,
        body: {
          level: v.level,
          certifyingBody: v.certifyingBody.trim(),
          recognisedOn: v.recognisedOn.format('YYYY-MM-DD'),
          ...(v.validUntil ? { validUntil: v.validUntil.format('YYYY-MM-DD') } : {}),
        },
      })}
      successMessage={t('teachers.done.recognitionRecorded')}
      initialValues={{
        level: 'junior',
        certifyingBody: me?.orgUnit.name ?? '',
        recognisedOn: chinaTodayDay(),
      }}
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
    </FormModal>
  );
}
