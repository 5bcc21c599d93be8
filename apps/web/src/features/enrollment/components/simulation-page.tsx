import { ExperimentOutlined } from '@ant-design/icons';
import { formatShare } from '@/lib/format';
import { Alert, Button, Card, Empty, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { PageHeader } from '@/components/page-header';
import { Loading, QueryError, QueryState } from '@/components/query-state';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { useSeason } from '../api/get-season';
import { useSimulate } from '../api/simulate';
import { useVocationalBand } from '../api/get-vocational-band';
import type { Program, SeasonDetail, SeasonSummary } from '../types';
import { TrackTag } from './enrollment-tags';
import { EnrollmentTabs } from './enrollment-tabs';
import { SeasonSelect, useSeasonChoice } from './season-choice';
import { SimulationResult } from './simulation-result';

/**
 * `/enrollment/simulation`: 招生计划模拟 for 招生办 before the season opens — change quotas, match
 * the batches up to the chosen one on this season's (or last year's) candidates and preferences,
 * nothing written, and compare 职普比 and fill rates with the current quotas side by side.
 */
export function SimulationPage() {
  const t = useT();
  const { seasons, season, choose } = useSeasonChoice();
  const detail = useSeason(season?.id);
  return (
    <div data-testid="enrollment-simulation-page">
      <EnrollmentTabs />
      <PageHeader
        title={t('enrollment.simulation.title')}
        subtitle={t('enrollment.simulation.subtitle')}
        extra={seasons.data && <SeasonSelect seasons={seasons.data} value={season?.id} onChange={choose} />}
      />
      {seasons.isPending && <Loading />}
      {seasons.isError && <QueryError error={seasons.error} onRetry={() => void seasons.refetch()} />}
      {seasons.data?.length === 0 && <Empty description={t('enrollment.seasons.emptyManage')} />}
      {season && (
        <QueryState query={detail}>
          {(s) =>
            s.batches.length === 0 ? (
              <Empty description={t('enrollment.batches.empty')} />
            ) : (
              <SeasonSimulation
                key={s.id}
                season={s}
                others={(seasons.data ?? []).filter((x) => x.id !== s.id)}
              />
            )
          }
        </QueryState>
      )}
    </div>
  );
}

function SeasonSimulation({ season, others }: { season: SeasonDetail; others: SeasonSummary[] }) {
  const t = useT();
  const showError = useShowError();
  const band = useVocationalBand();
  const simulate = useSimulate();
  const last = season.batches[season.batches.length - 1]!;
  const [batchId, setBatchId] = useState(last.id);
  const [source, setSource] = useState<string>(
    () => others.find((s) => s.admissionYear === season.admissionYear - 1)?.id ?? season.id,
  );
  const [quotas, setQuotas] = useState<Map<string, number>>(new Map());
  const position = season.batches.find((b) => b.id === batchId)?.position ?? last.position;
  const inScope = new Set(season.batches.filter((b) => b.position <= position).map((b) => b.id));
  const programs = season.programs.filter((p) => inScope.has(p.batchId));
  const quotaOf = (p: Program) => quotas.get(p.id) ?? p.quota;
  const seats = (track: Program['track'], of: (p: Program) => number) =>
    programs.filter((p) => p.track === track).reduce((a, p) => a + of(p), 0);
  const plannedShare = (of: (p: Program) => number) => {
    const all = seats('general', of) + seats('vocational', of);
    return all === 0 ? 0 : seats('vocational', of) / all;
  };
  const changed = programs.filter((p) => quotas.has(p.id) && quotas.get(p.id) !== p.quota);
  const run = () =>
    simulate.mutate(
      {
        batchId,
        body: {
          quotas: changed.map((p) => ({ programId: p.id, quota: quotas.get(p.id)! })),
          ...(source !== season.id ? { sourceSeasonId: source } : {}),
        },
      },
      { onError: (error) => showError(error) },
    );
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap>
          <Typography.Text type="secondary">{t('enrollment.simulation.upTo')}</Typography.Text>
          <Select
            style={{ minWidth: 160 }}
            value={batchId}
            onChange={setBatchId}
            data-testid="simulation-batch"
            aria-label={t('enrollment.simulation.upTo')}
            options={season.batches.map((b) => ({ value: b.id, label: b.name }))}
          />
          <Typography.Text type="secondary">{t('enrollment.simulation.source')}</Typography.Text>
          <Select
            style={{ minWidth: 260 }}
            value={source}
            onChange={setSource}
            data-testid="simulation-source"
            aria-label={t('enrollment.simulation.source')}
            options={[
              { value: season.id, label: t('enrollment.simulation.thisSeason') },
              ...others.map((s) => ({
                value: s.id,
                label: t('enrollment.simulation.otherSeason', { name: s.name }),
              })),
            ]}
          />
          <Button
            type="primary"
            icon={<ExperimentOutlined />}
            loading={simulate.isPending}
            onClick={run}
            data-testid="simulation-run"
          >
            {t('enrollment.simulation.run')}
          </Button>
          <Button
            disabled={quotas.size === 0}
            onClick={() => setQuotas(new Map())}
            data-testid="simulation-reset"
          >
            {t('enrollment.simulation.reset')}
          </Button>
        </Space>
        <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('enrollment.simulation.readOnly')} />
      </Card>
      <Card
        size="small"
        title={t('enrollment.simulation.quotas')}
        extra={
          <Typography.Text type="secondary" data-testid="simulation-planned">
            {t('enrollment.simulation.planned', {
              general: seats('general', (p) => p.quota),
              vocational: seats('vocational', (p) => p.quota),
              share: formatShare(plannedShare((p) => p.quota)),
              newGeneral: seats('general', quotaOf),
              newVocational: seats('vocational', quotaOf),
              newShare: formatShare(plannedShare(quotaOf)),
            })}
          </Typography.Text>
        }
      >
        <Table
          size="small"
          rowKey="id"
          dataSource={programs}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          onRow={(p, index) =>
            ({ 'data-testid': `quota-row-${index ?? 0}`, 'data-code': p.code }) as HTMLAttributes<HTMLElement>
          }
          locale={{ emptyText: <Empty description={t('enrollment.programs.empty')} /> }}
          columns={[
            {
              title: t('enrollment.col.batch'),
              key: 'batch',
              width: 110,
              render: (_, p) => season.batches.find((b) => b.id === p.batchId)?.name,
            },
            { title: t('enrollment.col.code'), dataIndex: 'code', width: 120 },
            { title: t('enrollment.col.program'), dataIndex: 'name' },
            { title: t('enrollment.col.school'), key: 'school', render: (_, p) => p.school.name },
            {
              title: t('enrollment.col.track'),
              key: 'track',
              width: 80,
              render: (_, p) => <TrackTag track={p.track} />,
            },
            {
              title: t('enrollment.simulation.currentQuota'),
              dataIndex: 'quota',
              width: 100,
              align: 'right',
            },
            {
              title: t('enrollment.simulation.newQuota'),
              key: 'new',
              width: 140,
              render: (_, p, i) => {
                const reserved = p.reserved.reduce((a, r) => a + r.capacity, 0);
                return (
                  <InputNumber
                    size="small"
                    min={reserved}
                    max={100000}
                    precision={0}
                    value={quotaOf(p)}
                    status={quotaOf(p) !== p.quota ? 'warning' : undefined}
                    data-testid={`quota-input-${i}`}
                    aria-label={`${t('enrollment.simulation.newQuota')} ${p.name}`}
                    onChange={(v) => {
                      const next = new Map(quotas);
                      if (v === null || v === p.quota) next.delete(p.id);
                      else next.set(p.id, v);
                      setQuotas(next);
                    }}
                  />
                );
              },
            },
          ]}
        />
      </Card>
      {simulate.data && <SimulationResult simulation={simulate.data} band={band} />}
    </Space>
  );
}
