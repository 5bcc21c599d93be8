import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import type { UploadedFile } from '@/lib/api-types';
import { formatBytes } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { uploadFile } from '../api/upload-file';
import { ACCEPT, checkFile } from '../file-rules';

export type EvidenceFile = UploadFile<UploadedFile>;

/** Turns an already stored file into an upload-list entry (editing a report). */
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
 * Evidence files: checked for type and size in the browser, uploaded one by one to
 * `POST /api/files`, listed with name and size. The parent keeps the list.
 */
export function EvidenceUpload({
  value,
  onChange,
  disabled,
}: {
  value: EvidenceFile[];
  onChange: (files: EvidenceFile[]) => void;
  disabled?: boolean;
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  return (
    <div data-testid="report-upload">
      <Upload<UploadedFile>
        multiple
        accept={ACCEPT}
        disabled={disabled}
        fileList={value}
        onChange={({ fileList }) => onChange(fileList)}
        beforeUpload={(file) => {
          const problem = checkFile(file);
          if (problem) {
            message.error(
              t(problem === 'type' ? 'progress.fileType' : 'progress.fileSize', { name: file.name }),
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
        itemRender={(node, file) => (
          <div data-testid="report-file-item">
            {node}
            {file.status === 'done' && file.size !== undefined && (
              <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 24 }}>
                {formatBytes(file.size)}
              </Typography.Text>
            )}
          </div>
        )}
      >
        <Button icon={<UploadOutlined />} disabled={disabled}>
          {t('progress.upload')}
        </Button>
      </Upload>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('progress.uploadHint')}
      </Typography.Text>
    </div>
  );
}
