import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload, type UploadFile } from 'antd';
import type { UploadedFile } from '@/lib/api-types';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { uploadEvidence } from '../api/files';

export type EvidenceFile = UploadFile<UploadedFile>;

/** Evidence (佐证材料) for an application: uploaded one by one to `POST /api/files`; the parent keeps the list. */
export function EvidenceUpload({
  value,
  onChange,
}: {
  value: EvidenceFile[];
  onChange: (files: EvidenceFile[]) => void;
}) {
  const t = useT();
  const showError = useShowError();
  return (
    <Upload<UploadedFile>
      multiple
      accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx"
      fileList={value}
      onChange={({ fileList }) => onChange(fileList)}
      customRequest={({ file, onSuccess, onError }) => {
        const controller = new AbortController();
        uploadEvidence(file as File, controller.signal)
          .then((stored) => onSuccess?.(stored))
          .catch((error: Error) => {
            showError(error);
            onError?.(error);
          });
        return { abort: () => controller.abort() };
      }}
    >
      <Button icon={<UploadOutlined />}>{t('teachers.upload')}</Button>
    </Upload>
  );
}

/** Ids of the files that finished uploading. */
export const uploadedIds = (files: EvidenceFile[]) =>
  files.filter((f) => f.status === 'done' && f.response).map((f) => f.response!.id);
