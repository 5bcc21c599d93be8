import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import type { FieldIssue } from '@zhijiao/contracts';
import { Alert, Button, Descriptions, Flex, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { isApiError } from '@/lib/api-error';
import { issueText } from '@/lib/error-text';
import type { MessageKey } from '@/lib/i18n';
import { useT } from '@/lib/i18n';
import { useLang } from '@/lib/lang';
import { useShowError } from '@/lib/use-show-error';
import { downloadOutcomesTemplate, useImportOutcomes } from '../api/credit-bank';

/** The column an import problem names, as the template heads it. */
const FIELD_LABELS: Record<string, MessageKey> = {
  file: 'creditbank.import.col.file',
  idNumber: 'creditbank.import.col.idNumber',
  title: 'learners.outcomes.name',
  certificateCode: 'creditbank.import.col.certificateCode',
  level: 'learners.outcomes.level',
  issuer: 'learners.outcomes.issuer',
  number: 'learners.outcomes.number',
  achievedOn: 'learners.outcomes.achievedOn',
  result: 'onex.import.result',
  examOn: 'onex.import.examOn',
};

type Result =
  | {
      kind: 'done';
      rows: number;
      created: number;
      unchanged: number;
      passed: number;
      failed: number;
      repeated: boolean;
    }
  | { kind: 'refused'; problems: FieldIssue[] };

/**
 * 导入1+X证书结果: the template, the .xlsx of the 培训评价组织's results to upload for the user's own
 * school (students by ID number), then the counts — or, all or nothing, every problem by row and
 * column, nothing written.
 */
export function ImportOutcomesModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const showError = useShowError();
  const importFile = useImportOutcomes();
  const [result, setResult] = useState<Result | null>(null);

  const upload = (file: File) =>
    importFile.mutate(file, {
      onSuccess: (r) => setResult({ kind: 'done', ...r }),
      onError: (error) => {
        if (isApiError(error) && error.fieldIssues.length && error.status === 400)
          setResult({ kind: 'refused', problems: error.fieldIssues });
        else showError(error);
      },
    });
  const close = () => {
    setResult(null);
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('creditbank.import.title')}
      width={780}
      footer={<Button onClick={close}>{t('creditbank.import.close')}</Button>}
      onCancel={close}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('creditbank.import.hint')}</Typography.Paragraph>
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => void downloadOutcomesTemplate().catch(showError)}
          data-testid="outcomes-template"
        >
          {t('creditbank.import.template')}
        </Button>
      </Flex>
      <div data-testid="outcomes-import-file">
        <Upload.Dragger
          accept=".xlsx"
          showUploadList={false}
          disabled={importFile.isPending}
          beforeUpload={(file) => {
            setResult(null);
            upload(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            {importFile.isPending ? <UploadOutlined /> : <InboxOutlined />}
          </p>
          <p>{importFile.isPending ? t('creditbank.import.busy') : t('creditbank.import.drop')}</p>
        </Upload.Dragger>
      </div>
      {result?.kind === 'done' && (
        <div data-testid="outcomes-import-result" style={{ marginTop: 16 }}>
          <Alert
            type="success"
            showIcon
            title={t(result.repeated ? 'creditbank.import.repeated' : 'creditbank.import.ok')}
          />
          <Descriptions
            size="small"
            column={3}
            style={{ marginTop: 12 }}
            items={[
              { key: 'rows', label: t('creditbank.import.rows'), children: result.rows },
              { key: 'created', label: t('creditbank.import.created'), children: result.created },
              { key: 'unchanged', label: t('creditbank.import.unchanged'), children: result.unchanged },
              {
                key: 'passed',
                label: t('onex.import.passed'),
                children: <span data-testid="outcomes-import-passed">{result.passed}</span>,
              },
              {
                key: 'failed',
                label: t('onex.import.failed'),
                children: <span data-testid="outcomes-import-failed">{result.failed}</span>,
              },
            ]}
          />
        </div>
      )}
      {result?.kind === 'refused' && (
        <div style={{ marginTop: 16 }}>
          <Alert
            type="error"
            showIcon
            title={t('creditbank.import.failed', { count: result.problems.length })}
          />
          <Table
            size="small"
            style={{ marginTop: 12 }}
            rowKey={(p) => `${p.row}-${p.field}-${p.code}`}
            dataSource={result.problems}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            data-testid="outcomes-import-problems"
            columns={[
              { title: t('creditbank.import.col.row'), dataIndex: 'row', width: 70 },
              {
                title: t('creditbank.import.col.field'),
                key: 'field',
                width: 140,
                render: (_, p) => (FIELD_LABELS[p.field] ? t(FIELD_LABELS[p.field]!) : p.field),
              },
              {
                title: t('creditbank.import.col.problem'),
                key: 'm',
                render: (_, p) => issueText(p, lang),
              },
            ]}
          />
        </div>
      )}
    </Modal>
  );
}
