import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload, type UploadFile } from 'antd';
import type { UploadedFile } from '@/lib/api-types';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { uploadFile } from '../api/resources';

export type ProgramFile = UploadFile<UploadedFile>;

/** Files uploaded one by one through the file guard (`POST /api/files`); the parent keeps the list. */
export function FileUpload({
  value,
  onChange,
  max = 10,
  testId,
}: {
  value: ProgramFile[];
  onChange: (files: ProgramFile[]) => void;
  max?: number;
  testId?: string;
}) {
  const t = useT();
  const showError = useShowError();
  return (
    <Upload<UploadedFile>
      multiple={max > 1}
      maxCount={max}
      accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx"
      fileList={value}
      onChange={({ fileList }) => onChange(fileList)}
      customRequest={({ file, onSuccess, onError }) => {
        const controller = new AbortController();
        uploadFile(file as File, controller.signal)
          .then((stored) => onSuccess?.(stored))
          .catch((error: Error) => {
            showError(error);
            onError?.(error);
          });
        return { abort: () => controller.abort() };
      }}
    >
      <Button icon={<UploadOutlined />} data-testid={testId}>
        {t('programs.upload')}
      </Button>
    </Upload>
  );
}

/** Ids of the files that finished uploading. */
export const uploadedIds = (files: ProgramFile[]) =>
  files.filter((f) => f.status === 'done' && f.response).map((f) => f.response!.id);
