import { CheckOutlined, RollbackOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { useCloseOrder } from '../api/close-order';
import { useReturnOrder } from '../api/return-order';
import { useVerifyOrder } from '../api/verify-order';
import type { OrderDetail } from '../types';
import { CommentModal } from './comment-modal';

/** The inspector's steps, each shown only when the API's `abilities` allow it: 复核通过, 退回重改, 销号. */
export function OrderReviewActions({ order }: { order: OrderDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const verify = useVerifyOrder();
  const sendBack = useReturnOrder();
  const close = useCloseOrder();
  const [dialog, setDialog] = useState<'verify' | 'return' | null>(null);
  const { abilities: a } = order;
  if (!a.verify && !a.sendBack && !a.close) return null;
  return (
    <Space wrap>
      {a.verify && (
        <Button
          type="primary"
          icon={<CheckOutlined />}
          data-testid="order-verify-button"
          onClick={() => setDialog('verify')}
        >
          {t('supervision.review.verify')}
        </Button>
      )}
      {a.sendBack && (
        <Button
          danger
          icon={<RollbackOutlined />}
          data-testid="order-return-button"
          onClick={() => setDialog('return')}
        >
          {t('supervision.review.return')}
        </Button>
      )}
      {a.close && (
        <Popconfirm
          title={t('supervision.review.closeConfirm')}
          okButtonProps={{ 'data-testid': 'order-close-confirm' }}
          onConfirm={() =>
            close.mutate(order.id, {
              onSuccess: () => void message.success(t('supervision.review.closed')),
              onError: (e) => showError(e),
            })
          }
        >
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined />}
            data-testid="order-close-button"
            loading={close.isPending}
          >
            {t('supervision.review.close')}
          </Button>
        </Popconfirm>
      )}
      <CommentModal
        open={dialog === 'verify'}
        title={t('supervision.review.verify')}
        label={t('supervision.review.verifyComment')}
        required={false}
        okTestId="order-verify-submit"
        onClose={() => setDialog(null)}
        mutation={verify}
        toInput={(comment) => ({ id: order.id, body: { comment } })}
        successMessage={t('supervision.review.verified')}
      />
      <CommentModal
        open={dialog === 'return'}
        title={t('supervision.review.return')}
        label={t('supervision.review.returnReason')}
        required
        okTestId="order-return-submit"
        onClose={() => setDialog(null)}
        mutation={sendBack}
        toInput={(comment) => ({ id: order.id, body: { comment } })}
        successMessage={t('supervision.review.returned')}
      />
    </Space>
  );
}
