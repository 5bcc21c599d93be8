import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { downloadCreditBankExport } from '../api/conversions';

/**
 * 导出（国家学分银行格式）: the recognised outcomes of one learner, or of the schools the user sees,
 * as the .xlsx for the national credit bank (its columns assumed; the file says so).
 */
export function CreditBankExportButton({ learnerId }: { learnerId?: string }) {
  const t = useT();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      data-testid="credit-bank-export"
      onClick={() => {
        setBusy(true);
        void downloadCreditBankExport(learnerId)
          .catch(showError)
          .finally(() => setBusy(false));
      }}
    >
      {t('creditbank.export.national')}
    </Button>
  );
}
