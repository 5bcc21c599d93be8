import { Alert, Typography } from 'antd';
import { SimpleList } from '@/components/simple-list';
import { useT } from '@/lib/i18n';
import type { AuditVerification } from '../api/verify-audit';

/** The outcome of 校验: a green line with the chain head and the checkpoints it matches, or the list of problems. */
export function AuditVerifyResult({ result, onClose }: { result: AuditVerification; onClose: () => void }) {
  const t = useT();
  return (
    <Alert
      data-testid="audit-verify-result"
      data-ok={result.ok}
      style={{ marginBottom: 16 }}
      type={result.ok ? 'success' : 'error'}
      showIcon
      closable={{ onClose }}
      title={
        result.ok
          ? t('admin.audit.verifyOk', { rows: result.rows, seq: result.headSeq ?? '—' })
          : t('admin.audit.verifyFail', { count: result.problems.length })
      }
      description={
        result.ok ? (
          <>
            {result.headHash && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('admin.audit.headHash')}：<code>{result.headHash}</code>
              </Typography.Text>
            )}
            <div data-testid="audit-verify-checkpoints">
              {result.checkpoints.valid > 0
                ? t('admin.audit.verifyCheckpoints', {
                    valid: result.checkpoints.valid,
                    seq: result.checkpoints.lastSeq ?? '—',
                  })
                : t('admin.audit.verifyNoCheckpoints')}
            </div>
          </>
        ) : (
          <SimpleList
            items={result.problems.slice(0, 50)}
            rowKey={(p, i) => `${p.seq}-${i}`}
            renderItem={(p) => (
              <span>
                #{p.seq} · <code>{p.problem}</code> · {p.message}
              </span>
            )}
          />
        )
      }
    />
  );
}
