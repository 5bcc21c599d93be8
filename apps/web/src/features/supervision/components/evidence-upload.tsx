import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import type { UploadedFile } from '@/lib/api-types';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { uploadFile } from '../api/upload-file';
import { ACCEPT, checkFile } from '../lib/file-rules';

export type EvidenceFile = UploadFile<UploadedFile>;

/** Turns a stored file into an upload-list entry (an answer sent back keeps its files). */
export function toEvidenceFile(file: UploadedFile): EvidenceFile {
  return {
    uid: file.id,
    name: file.name,
    size: file.sizeBytes,
    status: 'done',
    response: file,
    url: `/api/files/${file.id}`,
  };
}

/**
 * Evidence files (佐证材料): checked for type and size in the browser, uploaded one by one to
 * `POST /api/files` (the same upload the progress report form uses). The parent keeps the list.
 */
export function EvidenceUpload({
  value,
  onChange,
}: {
  value: EvidenceFile[];
  onChange: (files: EvidenceFile[]) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  return (
    <div data-testid="order-upload">
      <Upload<UploadedFile>
        multiple
        accept={ACCEPT}
        fileList={value}
        onChange={({ fileList }) => onChange(fileList)}
        beforeUpload={(file) => {
          const problem = checkFile(file);
          if (problem) {
            message.error(
              t(problem === 'type' ? 'supervision.upload.type' : 'supervision.upload.size', {
                name: file.name,
              }),
            );
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
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
        <Button icon={<UploadOutlined />}>{t('supervision.upload.button')}</Button>
      </Upload>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('supervision.upload.hint')}
      </Typography.Text>
    </div>
  );
}
