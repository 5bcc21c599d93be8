import { Alert, Modal, Typography } from 'antd';
import { useT } from '@/lib/i18n';

/** Shows a one-time password once; closing the modal forgets it. */
export function OneTimePasswordModal({
  username,
  password,
  onClose,
}: {
  username: string;
  password: string | null;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Modal
      open={!!password}
      title={t('admin.initialPassword')}
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Alert type="warning" showIcon title={t('admin.initialPasswordHint')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph>
        {t('admin.username')}：<strong>{username}</strong>
      </Typography.Paragraph>
      <Typography.Paragraph copyable={{ text: password ?? '' }} style={{ fontSize: 20 }}>
        <Typography.Text code data-testid="one-time-password">
          {password}
        </Typography.Text>
      </Typography.Paragraph>
    </Modal>
  );
}
