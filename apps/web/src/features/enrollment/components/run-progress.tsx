import { Alert, Button, Card, Progress, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router';
import { useT } from '@/lib/i18n';
import { useLang } from '@/lib/lang';
import { useJob } from '../api/get-job';

/**
 * A match job followed by polling `GET /api/jobs/:id`: a progress bar while it runs, then straight
 * to the run it produced, or the job's error.
 */
export function RunProgress({
  jobId,
  seasonId,
  onDone,
}: {
  jobId: string;
  seasonId: string;
  onDone: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const navigate = useNavigate();
  const job = useJob(jobId);
  const state = job.data?.state ?? 'queued';
  const runId = (job.data?.result as { runId?: string } | null)?.runId;
  useEffect(() => {
    if (state === 'succeeded' && runId) navigate(`/enrollment/seasons/${seasonId}/runs/${runId}`);
  }, [state, runId, seasonId, navigate]);
  return (
    <Card size="small" data-testid="run-progress" data-state={state}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text>{t(`enrollment.job.${state}`)}</Typography.Text>
        <Progress
          percent={job.data?.progress ?? 0}
          status={state === 'failed' ? 'exception' : state === 'succeeded' ? 'success' : 'active'}
        />
        {state === 'failed' && job.data?.error && (
          <Alert
            type="error"
            showIcon
            title={lang === 'en' ? job.data.error.messageEn : job.data.error.message}
            action={
              <Button size="small" onClick={onDone}>
                {t('common.retry')}
              </Button>
            }
          />
        )}
        {state === 'succeeded' && runId && (
          <Link to={`/enrollment/seasons/${seasonId}/runs/${runId}`}>{t('enrollment.matching.viewRun')}</Link>
        )}
      </Space>
    </Card>
  );
}
