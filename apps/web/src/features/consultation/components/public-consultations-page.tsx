import { Button, Card, Empty, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { Loading, QueryError } from '@/components/query-state';
import { formatDate } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { usePublicConsultations } from '../api/get-public-consultations';
import { PublicLayout } from '@/components/public-layout';
import { ConsultationStatusTag } from './status-tags';

/** `/consultations`: open and closed public consultations on draft plans; no sign-in needed. */
export function PublicConsultationsPage() {
  const t = useT();
  const list = usePublicConsultations();
  return (
    <PublicLayout title={t('consultation.portal.title')}>
      {list.isPending && <Loading />}
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data?.length === 0 && (
        <Empty style={{ padding: 64, background: '#fff' }} description={t('consultation.portal.empty')} />
      )}
      <Flex vertical gap={16}>
        {list.data?.map((c) => (
          <Card key={c.id} data-testid={`public-consultation-${c.id}`}>
            <Flex justify="space-between" align="flex-start" gap={16} wrap>
              <div style={{ flex: 1, minWidth: 280 }}>
                <Typography.Title level={2} style={{ marginTop: 0, fontSize: 20 }}>
                  {c.title} <ConsultationStatusTag status={c.status} />
                </Typography.Title>
                {c.description && <Typography.Paragraph>{c.description}</Typography.Paragraph>}
                <Typography.Text type="secondary">
                  {t('consultation.portal.period', {
                    from: formatDate(c.opensAt),
                    to: formatDate(c.closesAt),
                  })}
                  {' · '}
                  {t('consultation.portal.comments', { count: c.publishedComments })}
                </Typography.Text>
              </div>
              <Flex gap={8}>
                <Link to={`/consultations/${c.id}`}>
                  <Button type="primary" data-testid="public-consultation-read">
                    {c.acceptingComments ? t('consultation.portal.read') : t('consultation.portal.view')}
                  </Button>
                </Link>
                {c.status === 'closed' && (
                  <Link to={`/consultations/${c.id}/summary`}>
                    <Button>{t('consultation.portal.summary')}</Button>
                  </Link>
                )}
              </Flex>
            </Flex>
          </Card>
        ))}
      </Flex>
    </PublicLayout>
  );
}
