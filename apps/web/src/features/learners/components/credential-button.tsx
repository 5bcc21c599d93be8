import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { api } from '@/lib/api-client';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { saveCredential } from '../lib/save-credential';

/**
 * 下载电子证书: issues the recognised outcome as a signed credential (Open Badges 3.0, VC-JWT) and
 * saves it as a `.jwt` file for the holder, who can show it to anyone; the public page
 * 证书验证 (/public/credentials/verify) checks it. Each click issues a new credential.
 */
export function CredentialButton({ outcomeId }: { outcomeId: string }) {
  const t = useT();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  const issue = async () => {
    setBusy(true);
    try {
      const { jwt, fileName } = await api.post('/api/learning-outcomes/{id}/credential', {
        path: { id: outcomeId },
      });
      saveCredential(jwt, fileName);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      size="small"
      type="link"
      icon={<SafetyCertificateOutlined />}
      loading={busy}
      onClick={() => void issue()}
      data-testid={`outcome-credential-${outcomeId}`}
    >
      {t('creditbank.credential.download')}
    </Button>
  );
}
