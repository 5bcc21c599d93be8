import { App, Button, Descriptions, Popconfirm, Space, Tabs } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { useChangeSeasonState } from '../api/change-season-state';
import { useSeason } from '../api/get-season';
import type { SeasonDetail } from '../types';
import { BatchesCard } from './batches-card';
import { CandidatesCard } from './candidates-card';
import { SeasonStateTag } from './enrollment-tags';
import { EnrollmentTabs } from './enrollment-tabs';
import { ProgramsCard } from './programs-card';

/**
 * `/enrollment/seasons/:id`: one season — batches with their preference windows, the programs
 * (招生计划) and the candidates (考生导入). 招生办 sets it up and opens / closes it; others read.
 */
export function SeasonPage() {
  const { id } = useParams();
  const season = useSeason(id);
  return (
    <div data-testid="enrollment-season-page">
      <EnrollmentTabs />
      <QueryState query={season}>{(s) => <SeasonView season={s} />}</QueryState>
    </div>
  );
}

function SeasonView({ season }: { season: SeasonDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const change = useChangeSeasonState();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'candidates' ? 'candidates' : 'setup';
  const manage = season.abilities.manage;
  const step = (to: 'open' | 'closed') =>
    change.mutate(
      { seasonId: season.id, to },
      {
        onSuccess: () =>
          message.success(t(to === 'open' ? 'enrollment.season.opened' : 'enrollment.season.closed')),
        onError: (error) => showError(error),
      },
    );
  return (
    <>
      <PageHeader
        back
        title={
          <Space>
            {season.name}
            <span data-testid="season-state">
              <SeasonStateTag state={season.state} />
            </span>
          </Space>
        }
        subtitle={t('enrollment.season.subtitle', { year: season.admissionYear })}
        extra={
          manage && (
            <>
              {season.state === 'setup' && (
                <Popconfirm
                  title={t('enrollment.season.openConfirm')}
                  description={t('enrollment.season.openHint')}
                  okButtonProps={{ 'data-testid': 'season-open-confirm' }}
                  onConfirm={() => step('open')}
                >
                  <Button type="primary" loading={change.isPending} data-testid="season-open">
                    {t('enrollment.season.open')}
                  </Button>
                </Popconfirm>
              )}
              {season.state === 'open' && (
                <Popconfirm
                  title={t('enrollment.season.closeConfirm')}
                  description={t('enrollment.season.closeHint')}
                  okButtonProps={{ 'data-testid': 'season-close-confirm' }}
                  onConfirm={() => step('closed')}
                >
                  <Button danger loading={change.isPending} data-testid="season-close">
                    {t('enrollment.season.close')}
                  </Button>
                </Popconfirm>
              )}
            </>
          )
        }
      />
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('enrollment.col.subjects')}>
          {season.subjects.map((s) => s.name).join('、')}
        </Descriptions.Item>
        <Descriptions.Item label={t('enrollment.col.tieBreak')}>
          {season.tieBreak.map((k) => season.subjects.find((s) => s.key === k)?.name ?? k).join(' → ') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('enrollment.season.counts')}>
          {t('enrollment.season.countsValue', {
            batches: season.batches.length,
            programs: season.programs.length,
          })}
        </Descriptions.Item>
      </Descriptions>
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          const next = new URLSearchParams(params);
          if (key === 'candidates') next.set('tab', key);
          else next.delete('tab');
          setParams(next, { replace: true });
        }}
        items={[
          {
            key: 'setup',
            label: <span data-testid="season-tab-setup">{t('enrollment.season.tabSetup')}</span>,
            children: (
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <BatchesCard season={season} />
                <ProgramsCard season={season} />
              </Space>
            ),
          },
          {
            key: 'candidates',
            label: <span data-testid="season-tab-candidates">{t('enrollment.season.tabCandidates')}</span>,
            children: <CandidatesCard season={season} />,
          },
        ]}
      />
    </>
  );
}
