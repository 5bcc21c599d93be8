import { App, Button, Card, Col, Popconfirm, Row, Space, Statistic, Steps, Typography } from 'antd';
import { useParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { useRun } from '../api/get-run';
import { useSeason } from '../api/get-season';
import { usePublishRun } from '../api/publish-run';
import { useReviewRun } from '../api/review-run';
import { useVocationalBand } from '../api/get-vocational-band';
import { bandText } from '../lib/vocational-band';
import type { MatchOutput } from '../lib/match-output';
import type { Run, SeasonDetail } from '../types';
import { RunStateTag, ShareVsBand } from './enrollment-tags';
import { EnrollmentTabs } from './enrollment-tabs';
import { RunProgramsTable } from './run-programs-table';

/**
 * `/enrollment/seasons/:id/runs/:runId`: one matching run — summary (placed, 普高 / 中职, 职普比
 * against the plan's band), each program's admitted, capacity, 投档线 and fill, reserved groups;
 * then 审核 and 公布, each confirmed, refusals shown with their messages.
 */
export function RunPage() {
  const { id, runId } = useParams();
  const season = useSeason(id);
  const run = useRun(runId);
  return (
    <div data-testid="enrollment-run-page">
      <EnrollmentTabs />
      <QueryState query={season}>
        {(s) => (
          <QueryState query={run}>{(r) => <RunView season={s} run={r.run} output={r.output} />}</QueryState>
        )}
      </QueryState>
    </div>
  );
}

function RunView({ season, run, output }: { season: SeasonDetail; run: Run; output: MatchOutput }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const band = useVocationalBand();
  const review = useReviewRun();
  const publish = usePublishRun();
  const batch = season.batches.find((b) => b.id === run.batchId);
  const s = run.summary;
  const confirmPublish = () =>
    modal.confirm({
      title: t('enrollment.run.publishConfirm', { batch: batch?.name ?? '' }),
      content: t('enrollment.run.publishHint', { placed: s.placed, unplaced: s.unplaced }),
      okText: t('enrollment.run.publish'),
      okButtonProps: { 'data-testid': 'run-publish-confirm' },
      onOk: () =>
        publish
          .mutateAsync(run.id)
          .then(() => message.success(t('enrollment.run.published')))
          .catch((error: unknown) => showError(error)),
    });
  const current = run.state === 'draft' ? 1 : run.state === 'reviewed' ? 2 : 3;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        back
        title={
          <Space>
            {t('enrollment.run.title', { batch: batch?.name ?? '' })}
            <span data-testid="run-state" data-state={run.state}>
              <RunStateTag state={run.state} />
            </span>
          </Space>
        }
        subtitle={`${season.name} · ${t('enrollment.matching.runAt')} ${formatDateTime(run.createdAt)}`}
        extra={
          <>
            {run.abilities.review && (
              <Popconfirm
                title={t('enrollment.run.reviewConfirm')}
                description={t('enrollment.run.reviewHint')}
                okButtonProps={{ 'data-testid': 'run-review-confirm' }}
                onConfirm={() =>
                  review.mutate(run.id, {
                    onSuccess: () => message.success(t('enrollment.run.reviewed')),
                    onError: (error) => showError(error),
                  })
                }
              >
                <Button type="primary" loading={review.isPending} data-testid="run-review">
                  {t('enrollment.run.review')}
                </Button>
              </Popconfirm>
            )}
            {run.state !== 'published' && (
              <Button
                type={run.abilities.publish ? 'primary' : 'default'}
                danger={run.abilities.publish}
                loading={publish.isPending}
                onClick={confirmPublish}
                data-testid="run-publish"
              >
                {t('enrollment.run.publish')}
              </Button>
            )}
          </>
        }
      />
      <Card size="small">
        <Steps
          size="small"
          current={current}
          items={[
            { title: t('enrollment.run.stepRun'), content: formatDateTime(run.createdAt) },
            { title: t('enrollment.run.stepReview'), content: formatDateTime(run.reviewedAt) },
            { title: t('enrollment.run.stepPublish'), content: formatDateTime(run.publishedAt) },
          ]}
        />
      </Card>
      <Card size="small" title={t('enrollment.run.summary')} data-testid="run-summary">
        <Row gutter={[16, 16]}>
          <Col xs={12} md={4}>
            <Statistic title={t('enrollment.summary.candidates')} value={s.candidates} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('enrollment.summary.placed')} value={s.placed} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('enrollment.summary.unplaced')} value={s.unplaced} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('enrollment.summary.general')} value={s.general} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('enrollment.summary.vocational')} value={s.vocational} />
          </Col>
          <Col xs={24} md={4}>
            <Typography.Text type="secondary">{t('enrollment.summary.share')}</Typography.Text>
            <div>
              <ShareVsBand share={s.vocationalShare} band={band} testId="run-share" />
            </div>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('enrollment.run.bandNote', { band: bandText(band) })}
          {s.unplaced > 0 && ` ${t('enrollment.run.unplacedNote', { count: s.unplaced })}`}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={t('enrollment.run.programs')}>
        <RunProgramsTable season={season} output={output} />
      </Card>
    </Space>
  );
}
