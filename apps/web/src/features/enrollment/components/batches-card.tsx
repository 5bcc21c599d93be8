import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Table, Tag } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import type { SeasonDetail } from '../types';
import { BatchFormModal } from './batch-form-modal';
import { WindowTag } from './enrollment-tags';

/** The season's batches (批次) in matching order, each with its preference window in China time. */
export function BatchesCard({ season }: { season: SeasonDetail }) {
  const t = useT();
  const [adding, setAdding] = useState(false);
  const editable = season.abilities.manage && season.state !== 'closed';
  return (
    <Card
      size="small"
      title={t('enrollment.batches.title')}
      extra={
        editable && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="batch-add"
          >
            {t('enrollment.batches.add')}
          </Button>
        )
      }
    >
      <Table
        size="small"
        rowKey="id"
        dataSource={season.batches}
        pagination={false}
        onRow={(b, index) =>
          ({
            'data-testid': `batch-row-${index ?? 0}`,
            'data-id': b.id,
            'data-code': b.code,
          }) as HTMLAttributes<HTMLElement>
        }
        locale={{ emptyText: <Empty description={t('enrollment.batches.empty')} /> }}
        columns={[
          { title: t('enrollment.col.position'), dataIndex: 'position', width: 70 },
          { title: t('enrollment.col.code'), dataIndex: 'code', width: 130 },
          { title: t('enrollment.col.batch'), dataIndex: 'name' },
          {
            title: t('enrollment.col.window'),
            key: 'window',
            render: (_, b) => `${formatDateTime(b.opensAt)} — ${formatDateTime(b.closesAt)}`,
          },
          { title: t('enrollment.col.maxChoices'), dataIndex: 'maxChoices', width: 100 },
          {
            title: t('enrollment.col.windowState'),
            key: 'state',
            width: 160,
            render: (_, b) => (
              <>
                <WindowTag state={b.window} />
                {b.published && <Tag color="success">{t('enrollment.batches.published')}</Tag>}
              </>
            ),
          },
        ]}
      />
      <BatchFormModal season={season} open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}
