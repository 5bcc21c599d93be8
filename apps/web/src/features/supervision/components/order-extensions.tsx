import { Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { formatDate, formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useDecideExtension } from '../api/decide-extension';
import type { Extension, OrderDetail } from '../types';
import { CommentModal } from './comment-modal';

const COLORS = { pending: 'gold', approved: 'green', refused: 'red' } as const;

/** Extension requests (延期申请) of an order; the inspector approves or refuses (with a reason) the pending one. */
export function OrderExtensions({ order }: { order: OrderDetail }) {
  const t = useT();
  const decide = useDecideExtension();
  const [deciding, setDeciding] = useState<{ ext: Extension; approve: boolean } | null>(null);
  return (
    <>
      <Table
        size="small"
        rowKey="id"
        dataSource={order.extensions}
        pagination={false}
        locale={{ emptyText: t('supervision.extension.none') }}
        columns={[
          {
            title: t('supervision.extension.requestedAt'),
            dataIndex: 'requestedAt',
            width: 140,
            render: formatDateTime,
          },
          {
            title: t('supervision.extension.newDue'),
            dataIndex: 'requestedDueDate',
            width: 110,
            render: formatDate,
          },
          { title: t('supervision.extension.reason'), dataIndex: 'reason' },
          {
            title: t('supervision.col.state'),
            key: 'state',
            width: 200,
            render: (_, e) =>
              e.state === 'pending' && order.abilities.decideExtension ? (
                <Space>
                  <Button
                    size="small"
                    type="primary"
                    data-testid="extension-approve"
                    onClick={() => setDeciding({ ext: e, approve: true })}
                  >
                    {t('supervision.extension.approve')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    data-testid="extension-refuse"
                    onClick={() => setDeciding({ ext: e, approve: false })}
                  >
                    {t('supervision.extension.refuse')}
                  </Button>
                </Space>
              ) : (
                <Space orientation="vertical" size={0}>
                  <Tag color={COLORS[e.state]}>{t(`supervision.extension.state.${e.state}`)}</Tag>
                  {e.decisionReason && <span style={{ fontSize: 12 }}>{e.decisionReason}</span>}
                </Space>
              ),
          },
        ]}
      />
      <CommentModal
        open={!!deciding}
        title={t(deciding?.approve ? 'supervision.extension.approve' : 'supervision.extension.refuse')}
        label={t('supervision.extension.decisionReason')}
        required={deciding?.approve === false}
        okTestId="extension-decision-submit"
        onClose={() => setDeciding(null)}
        mutation={decide}
        toInput={(reason) => ({
          id: order.id,
          extensionId: deciding!.ext.id,
          body: { approve: deciding!.approve, reason },
        })}
        successMessage={t('supervision.extension.decided')}
      />
    </>
  );
}
