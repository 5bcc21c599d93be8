import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload } from 'antd';
import type { EvidenceFile } from '@/components/evidence-upload';
import { uploadFile, type UploadedFile } from '@/lib/api-client';
import { ACCEPT } from '@/lib/file-rules';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';

export { uploadedIds } from '@/components/evidence-upload';
export type ProgramFile = EvidenceFile;

/** Files uploaded one by one through the file guard (`POST /api/files`), as a form field (the form keeps the list). */
export function FileUpload({
  value,
  onChange,
  max = 10,
  testId,
}: {
  /** Set by the form item holding it. */
  value?: ProgramFile[];
  onChange?: (files: ProgramFile[]) => void;
  max?: number;
  testId?: string;
}) {
  const t = useT();
  const showError = useShowError();
  return (
    <Upload<UploadedFile>
      multiple={max > 1}
      maxCount={max}
      accept={ACCEPT}
      fileList={value}
      onChange={({ fileList }) => onChange?.(fileList)}
      customRequest={({ file, onSuccess, onError }) => {
        const controller = new AbortController();
        uploadFile(file as File, { signal: controller.signal })
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
