import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { apiUrl } from '@/lib/api-client';
import { formatDate } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useLang } from '@/lib/lang';
import { useShowError } from '@/lib/use-show-error';
import { downloadFinalEvaluation } from '../api/download-final-evaluation';
import type { Lifecycle } from '../types';

/**
 * The dashboard's banner once a plan has ended: "待开展终期评估" with the way to the evaluation,
 * or "已收官" with the closing date, the evaluation and its report. Nothing while it runs.
 */
export function LifecycleBanner({ planCode, lifecycle }: { planCode: string; lifecycle: Lifecycle }) {
  const t = useT();
  if (lifecycle.phase === 'running') return null;
  const closed = lifecycle.phase === 'closed';
  return (
    <Alert
      data-testid={`lifecycle-${lifecycle.phase}`}
      type={closed ? 'success' : 'warning'}
      showIcon
      style={{ marginBottom: 16 }}
      title={
        closed
          ? t('closing.banner.closed', { date: formatDate(lifecycle.closedOn ?? '') })
          : t('closing.banner.ended', {
              end: formatDate(lifecycle.endDate),
              due: formatDate(lifecycle.evaluationDueOn),
            })
      }
      description={closed ? t('closing.banner.closedHint') : t('closing.banner.endedHint')}
      action={
        lifecycle.readEvaluation ? (
          <BannerActions planCode={planCode} closed={closed} />
        ) : closed ? (
          <PublicCopy planCode={planCode} />
        ) : undefined
      }
    />
  );
}

function BannerActions({ planCode, closed }: { planCode: string; closed: boolean }) {
  const t = useT();
  const lang = useLang();
  const showError = useShowError();
  const [busy, setBusy] = useState<'docx' | 'pdf' | null>(null);
  const download = (format: 'docx' | 'pdf') => {
    setBusy(format);
    downloadFinalEvaluation(planCode, format, lang)
      .catch(showError)
      .finally(() => setBusy(null));
  };
  return (
    <Space orientation="vertical" size={4}>
      <Link to={`/plans/${planCode}/evaluation`} data-testid="lifecycle-evaluation-link">
        <Button size="small" type={closed ? 'default' : 'primary'}>
          {closed ? t('closing.view') : t('closing.open')}
        </Button>
      </Link>
      {closed && (
        <Space size={4}>
          <Button
            size="small"
            icon={<FileWordOutlined />}
            loading={busy === 'docx'}
            onClick={() => download('docx')}
          >
            {t('closing.docx')}
          </Button>
          <Button
            size="small"
            icon={<FilePdfOutlined />}
            loading={busy === 'pdf'}
            onClick={() => download('pdf')}
          >
            {t('closing.pdf')}
          </Button>
        </Space>
      )}
    </Space>
  );
}

/** For those who do not read the whole evaluation (a unit's clerk): the public copy, as on the portal. */
function PublicCopy({ planCode }: { planCode: string }) {
  const t = useT();
  const lang = useLang();
  return (
    <a
      href={`${apiUrl('/api/public/plans/{code}/final-evaluation.pdf', { code: planCode })}?lang=${lang}`}
      target="_blank"
      rel="noreferrer"
      data-testid="lifecycle-public-copy"
    >
      <Button size="small" icon={<FilePdfOutlined />}>
        {t('closing.pdf')}
      </Button>
    </a>
  );
}
