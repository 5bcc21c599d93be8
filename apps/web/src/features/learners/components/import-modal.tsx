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
import { downloadLearnersTemplate, useImportLearners } from '../api/import-learners';

/** The column an import problem names, as the template heads it. */
const FIELD_LABELS: Record<string, MessageKey> = {
  file: 'learners.import.col.file',
  name: 'learners.col.name',
  idNumber: 'learners.col.idMasked',
  sex: 'learners.col.sex',
  majorCode: 'learners.import.col.majorCode',
  majorName: 'learners.import.col.majorName',
  className: 'learners.col.className',
  cohortYear: 'learners.import.col.cohortYear',
  status: 'learners.col.status',
  statusDate: 'learners.import.col.statusDate',
};

type Outcome =
  | { kind: 'done'; rows: number; created: number; skipped: number }
  | { kind: 'refused'; problems: FieldIssue[] };

/**
 * 导入学籍: the template to download, the .xlsx to upload into the user's own school's register,
 * then what happened — the counts (added, already on the register), or, since the import is all or
 * nothing, every problem by row and column, nothing written.
 */
export function ImportLearnersModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const showError = useShowError();
  const importFile = useImportLearners();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const upload = (file: File) =>
    importFile.mutate(file, {
      onSuccess: (r) => setOutcome({ kind: 'done', ...r }),
      onError: (error) => {
        if (isApiError(error) && error.code === 'LEARNER_IMPORT_INVALID' && error.fieldIssues.length)
          setOutcome({ kind: 'refused', problems: error.fieldIssues });
        else if (isApiError(error) && error.fieldIssues.some((i) => i.field === 'file'))
          setOutcome({ kind: 'refused', problems: error.fieldIssues });
        else showError(error);
      },
    });
  const close = () => {
    setOutcome(null);
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('learners.import.title')}
      width={780}
      footer={<Button onClick={close}>{t('learners.import.close')}</Button>}
      onCancel={close}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('learners.import.hint')}</Typography.Paragraph>
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => void downloadLearnersTemplate().catch(showError)}
          data-testid="learners-template"
        >
          {t('learners.import.template')}
        </Button>
      </Flex>
      <div data-testid="learners-import-file">
        <Upload.Dragger
          accept=".xlsx"
          showUploadList={false}
          disabled={importFile.isPending}
          beforeUpload={(file) => {
            setOutcome(null);
            upload(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            {importFile.isPending ? <UploadOutlined /> : <InboxOutlined />}
          </p>
          <p>{importFile.isPending ? t('learners.import.busy') : t('learners.import.drop')}</p>
        </Upload.Dragger>
      </div>
      {outcome?.kind === 'done' && (
        <div data-testid="learners-import-result" style={{ marginTop: 16 }}>
          <Alert type="success" showIcon title={t('learners.import.ok')} />
          <Descriptions
            size="small"
            column={3}
            style={{ marginTop: 12 }}
            items={[
              { key: 'rows', label: t('learners.import.rows'), children: outcome.rows },
              { key: 'created', label: t('learners.import.created'), children: outcome.created },
              { key: 'skipped', label: t('learners.import.skipped'), children: outcome.skipped },
            ]}
          />
        </div>
      )}
      {outcome?.kind === 'refused' && (
        <div style={{ marginTop: 16 }}>
          <Alert
            type="error"
            showIcon
            title={t('learners.import.failed', { count: outcome.problems.length })}
          />
          <Table
            size="small"
            style={{ marginTop: 12 }}
            rowKey={(p) => `${p.row}-${p.field}-${p.code}`}
            dataSource={outcome.problems}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            data-testid="learners-import-problems"
            columns={[
              { title: t('learners.import.col.row'), dataIndex: 'row', width: 70 },
              {
                title: t('learners.import.col.field'),
                key: 'field',
                width: 140,
                render: (_, p) => (FIELD_LABELS[p.field] ? t(FIELD_LABELS[p.field]!) : p.field),
              },
              {
                title: t('learners.import.col.problem'),
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
