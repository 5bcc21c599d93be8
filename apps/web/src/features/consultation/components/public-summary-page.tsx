import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex } from 'antd';
import { useParams } from 'react-router';
import { Loading, QueryError } from '@/components/query-state';
import { useT } from '@/lib/i18n';
import { useLang } from '@/lib/lang';
import { useShowError } from '@/lib/use-show-error';
import { useDownloadPublicSummary } from '../api/download-public-summary';
import { usePublicSummary } from '../api/get-public-summary';
import { PublicLayout } from '@/components/public-layout';
import { SummaryDocumentView } from './summary-document';

/** `/consultations/:id/summary`: the feedback summary (采纳情况说明) online, with DOCX/PDF downloads. */
export function PublicSummaryPage() {
  const { id = '' } = useParams();
  const t = useT();
  const lang = useLang();
  const summary = usePublicSummary(id, lang);
  const save = useDownloadPublicSummary();
  const showError = useShowError();
  return (
    <PublicLayout>
      <Card>
        <Flex justify="flex-end" gap={8} style={{ marginBottom: 16 }}>
          {(['docx', 'pdf'] as const).map((format) => (
            <Button
              key={format}
              icon={<DownloadOutlined />}
              onClick={() => save.mutate({ id, format, lang }, { onError: (e: unknown) => showError(e) })}
            >
              {t(format === 'docx' ? 'consultation.manage.summaryDocx' : 'consultation.manage.summaryPdf')}
            </Button>
          ))}
        </Flex>
        {summary.isPending && <Loading />}
        {summary.isError && <QueryError error={summary.error} onRetry={() => void summary.refetch()} />}
        {summary.data && <SummaryDocumentView doc={summary.data} />}
      </Card>
    </PublicLayout>
  );
}
