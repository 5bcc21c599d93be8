import { DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { storedFileList, uploadedIds, type EvidenceFile } from '@/components/evidence-upload';
import { useT } from '@/lib/i18n';

/**
 * What an agreement's and an apprenticeship's forms share: the period (a range picker for the
 * record's `startsOn` and `endsOn`) and one stored file (the signed copy, the training plan).
 */
export interface PeriodFileValues {
  period: [Dayjs, Dayjs];
  files: EvidenceFile[];
}

/** The form's period and file of a record being edited. */
export function periodFileValues(
  record: { startsOn: string; endsOn: string },
  file: { id: string; name: string } | null,
): PeriodFileValues {
  return {
    period: [dayjs(record.startsOn), dayjs(record.endsOn)],
    files: storedFileList(file ? [file] : []),
  };
}

/** The body's dates and, under `fileField`, the id of the uploaded file (null when there is none). */
export function periodFileInput<K extends string>({ period, files }: PeriodFileValues, fileField: K) {
  return {
    startsOn: period[0].format('YYYY-MM-DD'),
    endsOn: period[1].format('YYYY-MM-DD'),
    [fileField]: uploadedIds(files ?? [])[0] ?? null,
  } as { startsOn: string; endsOn: string } & Record<K, string | null>;
}

/** A server field path in the form's terms: either date names the period, `fileField` the upload. */
export function periodFilePath(fileField: string) {
  return (path: (string | number)[]): (string | number)[] =>
    path[0] === 'startsOn' || path[0] === 'endsOn' ? ['period'] : path[0] === fileField ? ['files'] : path;
}

/** The record's period, required. */
export function PeriodField() {
  const t = useT();
  return (
    <Form.Item
      name="period"
      label={t('cooperation.period')}
      rules={[{ required: true, message: t('common.required') }]}
    >
      <DatePicker.RangePicker style={{ width: '100%' }} aria-label={t('cooperation.period')} />
    </Form.Item>
  );
}
