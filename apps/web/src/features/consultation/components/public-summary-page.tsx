import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex } from 'antd';
import { useParams } from 'react-router';
import { Loading, QueryError } from '@/components/query-state';
import { useT } from '@/lib/i18n';
import { useLang } from '@/lib/lang';
import { usePublicSummary } from '../api/public-consultations';
import { PublicLayout } from '@/components/public-layout';
import { SummaryDocumentView } from './summary-document';

/** `/consultations/:id/summary`: the feedback summary (采纳情况说明) online, with DOCX/PDF downloads. */
export function PublicSummaryPage() {
  const { id = '' } = useParams();
  const t = useT();
  const lang = useLang();
  const summary = usePublicSummary(id, lang);
  return (
    <PublicLayout>
      <Card>
        <Flex justify="flex-end" gap={8} style={{ marginBottom: 16 }}>
          {(['docx', 'pdf'] as const).map((format) => (
            <a key={format} href={`/api/public/consultations/${id}/summary/${format}?lang=${lang}`}>
              <Button icon={<DownloadOutlined />}>
                {t(format === 'docx' ? 'consultation.manage.summaryDocx' : 'consultation.manage.summaryPdf')}
              </Button>
            </a>
          ))}
        </Flex>
        {summary.isPending && <Loading />}
        {summary.isError && <QueryError error={summary.error} onRetry={() => void summary.refetch()} />}
        {summary.data && <SummaryDocumentView doc={summary.data} />}
      </Card>
    </PublicLayout>
  );
}
