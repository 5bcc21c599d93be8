import { CloudUploadOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useLang } from '@/lib/lang';
import { useShowError } from '@/lib/use-show-error';
import { downloadReport } from '../api/download-report';
import { usePublishReport } from '../api/publish-report';
import type { InspectionDetail } from '../types';

/** The supervision report (督导报告): download DOCX / PDF, publish to the portal once completed. */
export function ReportActions({ inspection }: { inspection: InspectionDetail }) {
  const t = useT();
  const lang = useLang();
  const { message } = App.useApp();
  const showError = useShowError();
  const publish = usePublishReport();
  const [busy, setBusy] = useState<'docx' | 'pdf' | null>(null);
  const download = (format: 'docx' | 'pdf') => {
    setBusy(format);
    downloadReport(inspection.id, format, lang)
      .catch(showError)
      .finally(() => setBusy(null));
  };
  const completed = inspection.state === 'completed';
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {completed ? t('supervision.report.ready') : t('supervision.report.draft')}
      </Typography.Text>
      <Space wrap>
        <Button
          icon={<FileWordOutlined />}
          data-testid="report-docx"
          loading={busy === 'docx'}
          onClick={() => download('docx')}
        >
          {t('supervision.report.docx')}
        </Button>
        <Button
          icon={<FilePdfOutlined />}
          data-testid="report-pdf"
          loading={busy === 'pdf'}
          onClick={() => download('pdf')}
        >
          {t('supervision.report.pdf')}
        </Button>
        {inspection.abilities.publishReport && (
          <Popconfirm
            title={t('supervision.report.publishConfirm')}
            okButtonProps={{ 'data-testid': 'report-publish-confirm' }}
            onConfirm={() =>
              publish.mutate(inspection.id, {
                onSuccess: () => message.success(t('supervision.report.publishedOk')),
                onError: (e) => showError(e),
              })
            }
          >
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              data-testid="report-publish"
              loading={publish.isPending}
            >
              {inspection.publication ? t('supervision.report.republish') : t('supervision.report.publish')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      {inspection.publication && (
        <Typography.Text data-testid="report-published">
          {t('supervision.report.publishedAt', { time: formatDateTime(inspection.publication.publishedAt) })}{' '}
          <Link to={`/public/supervision-reports/${inspection.publication.id}`} target="_blank">
            {t('supervision.report.viewPublic')}
          </Link>
        </Typography.Text>
      )}
    </Space>
  );
}
