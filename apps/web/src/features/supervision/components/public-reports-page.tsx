import { FileTextOutlined } from '@ant-design/icons';
import { Card, Empty, List, Typography } from 'antd';
import { Link } from 'react-router';
import { QueryState } from '@/components/query-state';
import { formatDate } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { usePublicReports } from '../api/get-public-reports';
import { PublicLayout } from '@/components/public-layout';
import { InspectionKindTag } from './supervision-tags';
import { BRAND_RED } from '@/lib/brand';

/** `/public/supervision-reports`: published supervision reports, read-only, no sign-in, no personal data. */
export function PublicReportsPage() {
  const t = useT();
  const reports = usePublicReports();
  return (
    <PublicLayout title={t('supervision.public.title')}>
      <Card data-testid="public-supervision-reports">
        <Typography.Paragraph type="secondary">{t('supervision.public.intro')}</Typography.Paragraph>
        <QueryState query={reports}>
          {(items) => (
            <List
              dataSource={items}
              pagination={items.length > 10 ? { pageSize: 10 } : false}
              locale={{ emptyText: <Empty description={t('supervision.public.empty')} /> }}
              renderItem={(r) => (
                <List.Item extra={<InspectionKindTag kind={r.kind} />}>
                  <List.Item.Meta
                    avatar={<FileTextOutlined style={{ fontSize: 20, color: BRAND_RED }} />}
                    title={<Link to={`/public/supervision-reports/${r.id}`}>{r.title}</Link>}
                    description={t('supervision.public.publishedOn', {
                      date: formatDate(r.publishedAt),
                      district: r.district.name,
                    })}
                  />
                </List.Item>
              )}
            />
          )}
        </QueryState>
      </Card>
    </PublicLayout>
  );
}
