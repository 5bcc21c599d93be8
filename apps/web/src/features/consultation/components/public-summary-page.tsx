import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex } from 'antd';
import { useParams } from 'react-router';
import { Loading, QueryError } from '@/components/query-state';
import { formatDate } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useLang } from '@/lib/lang';
import { useShowError } from '@/lib/use-show-error';
import { useDownloadPublicSummary } from '../api/download-public-summary';
import { usePublicConsultation } from '../api/get-public-consultation';
import { usePublicSummary } from '../api/get-public-summary';
import { PublicLayout } from '@/components/public-layout';
import { SummaryDocumentView } from './summary-document';

/**
 * `/consultations/:id/summary`: the feedback summary (采纳情况说明) online, with DOCX/PDF downloads.
 * While the consultation is not closed it says when the summary will be published (the end of the
 * comment period), and the downloads are disabled.
 */
export function PublicSummaryPage() {
  const { id = '' } = useParams();
  const t = useT();
  const lang = useLang();
  const consultation = usePublicConsultation(id);
  const published = consultation.data?.status === 'closed';
  const summary = usePublicSummary(id, lang, published);
  const save = useDownloadPublicSummary();
  const showError = useShowError();
  const failed = consultation.isError ? consultation : summary.isError ? summary : null;
  return (
    <PublicLayout>
      <Card>
        <Flex justify="flex-end" gap={8} style={{ marginBottom: 16 }}>
          {(['docx', 'pdf'] as const).map((format) => (
            <Button
              key={format}
              icon={<DownloadOutlined />}
              disabled={!published}
              data-testid={`public-summary-${format}`}
              onClick={() => save.mutate({ id, format, lang }, { onError: (e: unknown) => showError(e) })}
            >
              {t(format === 'docx' ? 'consultation.manage.summaryDocx' : 'consultation.manage.summaryPdf')}
            </Button>
          ))}
        </Flex>
        {failed && <QueryError error={failed.error} onRetry={() => void failed.refetch()} />}
        {!failed && consultation.data && !published && (
          <Alert
            type="info"
            showIcon
            data-testid="public-summary-pending"
            title={t('consultation.portal.summaryPending', { date: formatDate(consultation.data.closesAt) })}
          />
        )}
        {!failed && (consultation.isPending || (published && summary.isPending)) && <Loading />}
        {summary.data && <SummaryDocumentView doc={summary.data} />}
      </Card>
    </PublicLayout>
  );
}
