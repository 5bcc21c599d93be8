import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryError } from '@/components/query-state';
import { formatDate } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useConsultations } from '../api/get-consultations';
import type { EditorConsultationSummary } from '../types';
import { CreateConsultationModal } from './create-consultation-modal';
import { ConsultationStatusTag } from './status-tags';

/** `/consultation`: the coordinator's consultations, with the button that prepares a new one. */
export function ConsultationsPage() {
  const t = useT();
  const list = useConsultations();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('consultation.list.title')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="consultation-create"
          >
            {t('consultation.list.create')}
          </Button>
        }
      />
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <Card>
        <Table<EditorConsultationSummary>
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data}
          pagination={false}
          locale={{ emptyText: t('consultation.list.empty') }}
          columns={[
            {
              title: t('consultation.list.plan'),
              key: 'title',
              render: (_, c) => (
                <Link to={`/consultation/${c.id}`} data-testid={`consultation-row-${c.id}`}>
                  {c.title}
                </Link>
              ),
            },
            {
              title: t('consultation.list.status'),
              key: 'status',
              render: (_, c) => <ConsultationStatusTag status={c.status} />,
            },
            {
              title: t('consultation.list.period'),
              key: 'period',
              render: (_, c) => `${formatDate(c.opensAt)} ~ ${formatDate(c.closesAt)}`,
            },
            {
              title: t('consultation.list.comments'),
              key: 'counts',
              render: (_, c) => `${c.counts.pending} / ${c.counts.published} / ${c.counts.rejected}`,
            },
          ]}
        />
      </Card>
      <CreateConsultationModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
