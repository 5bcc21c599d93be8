import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { uploadFile, type UploadedFile } from '@/lib/api-client';
import { ACCEPT, checkFile } from '@/lib/file-rules';
import { formatBytes } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { isApiError } from '@/lib/api-error';
import { describeError, issueText } from '@/lib/error-text';
import { useLang, type Lang } from '@/lib/lang';

export type EvidenceFile = UploadFile<UploadedFile>;

/** Turns an already stored file into an upload-list entry (editing a report, an answer sent back). */
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
 * The upload list of files a record already keeps, known by id and name (editing the record: the
 * agreement's signed copy, a base's documents).
 */
export function storedFileList(
  files: ReadonlyArray<{ id: string; name: string; sizeBytes?: number; mime?: string }>,
): EvidenceFile[] {
  return files.map((f) =>
    toEvidenceFile({ id: f.id, name: f.name, sizeBytes: f.sizeBytes ?? 0, mime: f.mime ?? '' }),
  );
}

/** Ids of the files that finished uploading, for the form's `fileIds`. */
export const uploadedIds = (files: EvidenceFile[]) =>
  files.filter((f) => f.status === 'done' && f.response).map((f) => f.response!.id);

/** Why the server refused a file, once: the specific check that failed, else the error itself. */
function refusalReason(error: unknown, lang: Lang): string {
  const issue = isApiError(error) ? error.fieldIssues[0] : undefined;
  return issue ? issueText(issue, lang) : describeError(error, lang);
}

/**
 * Evidence files (佐证材料) for any form: checked for type and size in the browser, uploaded one
 * by one to `POST /api/files`, listed with name and size. The parent keeps the list.
 */
export function EvidenceUpload({
  value = [],
  onChange,
  disabled,
  max,
  testId = 'evidence-upload',
  buttonTestId,
  buttonLabel,
}: {
  /** The list (set by the parent, or by the form item holding it). */
  value?: EvidenceFile[];
  onChange?: (files: EvidenceFile[]) => void;
  disabled?: boolean;
  /** At most this many files (one for a resource's file). */
  max?: number;
  /** `data-testid` of the block; each listed file is `${testId}-item`. */
  testId?: string;
  buttonTestId?: string;
  buttonLabel?: string;
}) {
  const t = useT();
  const { message } = App.useApp();
  const lang = useLang();
  return (
    <div data-testid={testId}>
      <Upload<UploadedFile>
        multiple={max !== 1}
        maxCount={max}
        accept={ACCEPT}
        disabled={disabled}
        fileList={value}
        // A refused file leaves the list: its one message says why (no red entry beside it).
        onChange={({ fileList }) => onChange?.(fileList.filter((f) => f.status !== 'error'))}
        beforeUpload={(file) => {
          const problem = checkFile(file);
          if (problem) {
            void message.error(
              t(problem === 'type' ? 'upload.badType' : 'upload.tooLarge', { name: file.name }),
            );
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          const controller = new AbortController();
          uploadFile(file as File, { signal: controller.signal })
            .then((stored) => onSuccess?.(stored))
            .catch((error: Error) => {
              if (error.name === 'AbortError') return;
              void message.error(
                t('upload.refused', { name: (file as File).name, reason: refusalReason(error, lang) }),
              );
              onError?.(error);
            });
          return { abort: () => controller.abort() };
        }}
        itemRender={(node, file) => (
          <div data-testid={`${testId}-item`}>
            {node}
            {file.status === 'done' && file.size !== undefined && (
              <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 24 }}>
                {formatBytes(file.size)}
              </Typography.Text>
            )}
          </div>
        )}
      >
        <Button icon={<UploadOutlined />} disabled={disabled} data-testid={buttonTestId}>
          {buttonLabel ?? t('upload.button')}
        </Button>
      </Upload>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('upload.hint')}
      </Typography.Text>
    </div>
  );
}
