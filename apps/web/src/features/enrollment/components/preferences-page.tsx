import { Button, Card, Descriptions, Drawer, Empty, Space, Typography } from 'antd';
import { useState } from 'react';
import { ExportButton } from '@/components/export-button';
import { PageHeader } from '@/components/page-header';
import { Loading, QueryError, QueryState } from '@/components/query-state';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useCandidates } from '../api/get-candidates';
import { usePreferences } from '../api/get-preferences';
import { useSeason } from '../api/get-season';
import type { Candidate, SeasonDetail } from '../types';
import { CandidatesTable } from './candidates-table';
import { WindowTag } from './enrollment-tags';
import { EnrollmentTabs } from './enrollment-tabs';
import { PreferenceEditor } from './preference-editor';
import { SeasonSelect, useSeasonChoice } from './season-choice';

/**
 * `/enrollment/preferences`: 志愿填报 for a junior high school's clerk — their own candidates (ID
 * numbers masked), each with an ordered choice editor per batch while its window is open.
 */
export function PreferencesPage() {
  const t = useT();
  const { seasons, season, choose } = useSeasonChoice();
  const detail = useSeason(season?.id);
  return (
    <div data-testid="enrollment-preferences-page">
      <EnrollmentTabs />
      <PageHeader
        title={t('enrollment.preferences.title')}
        subtitle={t('enrollment.preferences.subtitle')}
        extra={seasons.data && <SeasonSelect seasons={seasons.data} value={season?.id} onChange={choose} />}
      />
      {seasons.isPending && <Loading />}
      {seasons.isError && <QueryError error={seasons.error} onRetry={() => void seasons.refetch()} />}
      {seasons.data?.length === 0 && <Empty description={t('enrollment.seasons.empty')} />}
      {season && <QueryState query={detail}>{(s) => <SeasonPreferences season={s} />}</QueryState>}
    </div>
  );
}

function SeasonPreferences({ season }: { season: SeasonDetail }) {
  const t = useT();
  const candidates = useCandidates(season.id);
  const [open, setOpen] = useState<Candidate | null>(null);
  // 填报志愿 only while some batch takes preferences; once every window has closed it is 查看.
  const fillable =
    season.abilities.fillPreferences &&
    season.state === 'open' &&
    season.batches.some((b) => b.window === 'open');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('enrollment.preferences.windows')}>
        {season.batches.length === 0 ? (
          <Typography.Text type="secondary">{t('enrollment.batches.empty')}</Typography.Text>
        ) : (
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            {season.batches.map((b) => (
              <Descriptions.Item key={b.id} label={b.name}>
                <Space wrap>
                  <WindowTag state={b.window} />
                  {`${formatDateTime(b.opensAt)} — ${formatDateTime(b.closesAt)}`}
                  {t('enrollment.preferences.maxChoices', { max: b.maxChoices })}
                </Space>
              </Descriptions.Item>
            ))}
          </Descriptions>
        )}
      </Card>
      <Card size="small" title={t('enrollment.preferences.candidates')}>
        <QueryState query={candidates}>
          {(items) => (
            <CandidatesTable
              candidates={items}
              subjects={season.subjects}
              emptyText={t('enrollment.preferences.noCandidates')}
              tools={(filter) => (
                <ExportButton
                  path="/api/enrollment/seasons/{id}/candidates/export.xlsx"
                  params={{ id: season.id }}
                  query={filter}
                  filename="志愿填报情况.xlsx"
                />
              )}
              action={{
                title: t('enrollment.preferences.title'),
                render: (c, i) => (
                  <Button
                    size="small"
                    type="link"
                    onClick={() => setOpen(c)}
                    data-testid={`preference-open-${i}`}
                  >
                    {fillable ? t('enrollment.preferences.fill') : t('common.view')}
                  </Button>
                ),
              }}
            />
          )}
        </QueryState>
      </Card>
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        size={760}
        destroyOnHidden
        title={
          open ? t('enrollment.preferences.drawerTitle', { name: open.name, exam: open.examNumber }) : ''
        }
      >
        {open && <CandidatePreferences season={season} candidate={open} />}
      </Drawer>
    </Space>
  );
}

function CandidatePreferences({ season, candidate }: { season: SeasonDetail; candidate: Candidate }) {
  const t = useT();
  const prefs = usePreferences(candidate.id);
  return (
    <QueryState query={prefs}>
      {(p) => (
        <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="preferences-drawer">
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('enrollment.col.examNumber')}>
              {p.candidate.examNumber}
            </Descriptions.Item>
            <Descriptions.Item label={t('enrollment.col.idMasked')}>{p.candidate.idMasked}</Descriptions.Item>
            <Descriptions.Item label={t('enrollment.col.juniorHigh')}>
              {p.candidate.school.name}
            </Descriptions.Item>
            <Descriptions.Item label={t('enrollment.col.score')}>
              {formatNumber(p.candidate.total + p.candidate.bonus)}
            </Descriptions.Item>
          </Descriptions>
          {season.batches.map((b) => (
            <PreferenceEditor
              key={b.id}
              candidateId={candidate.id}
              batch={b}
              programs={season.programs.filter((x) => x.batchId === b.id)}
              current={p.batches.find((x) => x.batchId === b.id)}
              canEdit={p.abilities.edit}
            />
          ))}
        </Space>
      )}
    </QueryState>
  );
}
