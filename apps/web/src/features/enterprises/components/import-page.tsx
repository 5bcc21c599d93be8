import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { FieldIssue } from '@zhijiao/contracts';
import { Alert, Button, Card, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { PageHeader } from '@/components/page-header';
import { isApiError } from '@/lib/api-error';
import { issueText } from '@/lib/error-text';
import { useT, type MessageKey } from '@/lib/i18n';
import { useLang } from '@/lib/lang';
import { useShowError } from '@/lib/use-show-error';
import { downloadImportTemplate } from '../api/download-import-template';
import { useImportEnterprises } from '../api/import-enterprises';

/** The column an import problem names, as the template heads it. */
const FIELD_LABELS: Record<string, MessageKey> = {
  file: 'enterprises.import.file',
  uscc: 'enterprises.col.uscc',
  legalName: 'enterprises.col.legalName',
  industryDivision: 'enterprises.import.industryCode',
  address: 'enterprises.col.address',
  year: 'enterprises.col.year',
  staff: 'enterprises.col.staff',
  listedAboveScale: 'enterprises.col.listed',
  revenueWan: 'enterprises.col.revenue',
};

type Result = Awaited<ReturnType<ReturnType<typeof useImportEnterprises>['mutateAsync']>>;

/**
 * `/enterprises/import`: the register keepers' import of the statistics bureau's 规上 list and staff
 * counts: the template, the upload, and the outcome — what was written, or (nothing written) every
 * problem by row and column, a code's error with the position of the wrong character.
 */
export function ImportPage() {
  const t = useT();
  const lang = useLang();
  const showError = useShowError();
  const importFile = useImportEnterprises();
  const [result, setResult] = useState<Result | null>(null);
  const [problems, setProblems] = useState<FieldIssue[] | null>(null);
  const upload = (file: File) => {
    setResult(null);
    setProblems(null);
    importFile.mutate(file, {
      onSuccess: setResult,
      onError: (error) => {
        if (isApiError(error) && error.code === 'ENTERPRISE_IMPORT_INVALID' && error.fieldIssues.length)
          setProblems(error.fieldIssues);
        else showError(error);
      },
    });
  };
  return (
    <div data-testid="enterprise-import-page">
      <PageHeader back title={t('enterprises.import.title')} subtitle={t('enterprises.import.subtitle')} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Typography.Paragraph>{t('enterprises.import.help')}</Typography.Paragraph>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void downloadImportTemplate().catch(showError)}
            data-testid="enterprises-template"
          >
            {t('enterprises.import.template')}
          </Button>
        </Card>
        <Upload.Dragger
          accept=".xlsx"
          showUploadList={false}
          disabled={importFile.isPending}
          beforeUpload={(file) => {
            upload(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('enterprises.import.drop')}</p>
        </Upload.Dragger>
        {result && (
          <Alert
            type="success"
            showIcon
            data-testid="enterprise-import-result"
            title={
              result.repeated
                ? t('enterprises.import.repeated')
                : t('enterprises.import.ok', {
                    rows: result.rows,
                    created: result.created,
                    updated: result.updated,
                    unchanged: result.unchanged,
                  })
            }
          />
        )}
        {problems && (
          <Card size="small">
            <Alert type="error" showIcon title={t('enterprises.import.failed', { count: problems.length })} />
            <Table
              size="small"
              style={{ marginTop: 12 }}
              rowKey={(p) => `${p.row}-${p.field}-${p.code}`}
              dataSource={problems}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              data-testid="enterprise-import-problems"
              columns={[
                { title: t('enterprises.import.row'), dataIndex: 'row', width: 70 },
                {
                  title: t('enterprises.import.column'),
                  key: 'field',
                  width: 140,
                  render: (_, p) => (FIELD_LABELS[p.field] ? t(FIELD_LABELS[p.field]!) : p.field),
                },
                { title: t('enterprises.import.problem'), key: 'm', render: (_, p) => issueText(p, lang) },
              ]}
            />
          </Card>
        )}
      </Space>
    </div>
  );
}
