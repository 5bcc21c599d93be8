import { Card, Empty, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { ExportButton } from '@/components/export-button';
import { PageHeader } from '@/components/page-header';
import { Loading, QueryError, QueryState } from '@/components/query-state';
import { useT } from '@/lib/i18n';
import { useAdmissions } from '../api/get-admissions';
import type { SeasonSummary } from '../types';
import { AdmissionsTable } from './admissions-table';
import { EnrollmentTabs } from './enrollment-tabs';
import { SeasonSelect, useSeasonChoice } from './season-choice';

/**
 * `/enrollment/admissions`: 录取名单与报到 — a receiving school's admitted candidates (ID numbers
 * masked), 报到 confirmed or not enrolled with a reason, and each admission notice as PDF.
 */
export function AdmissionsPage() {
  const t = useT();
  const { seasons, season, choose } = useSeasonChoice();
  return (
    <div data-testid="enrollment-admissions-page">
      <EnrollmentTabs />
      <PageHeader
        title={t('enrollment.admissions.title')}
        subtitle={t('enrollment.admissions.subtitle')}
        extra={seasons.data && <SeasonSelect seasons={seasons.data} value={season?.id} onChange={choose} />}
      />
      {seasons.isPending && <Loading />}
      {seasons.isError && <QueryError error={seasons.error} onRetry={() => void seasons.refetch()} />}
      {seasons.data?.length === 0 && <Empty description={t('enrollment.seasons.empty')} />}
      {season && <SeasonAdmissions season={season} />}
    </div>
  );
}

function SeasonAdmissions({ season }: { season: SeasonSummary }) {
  const t = useT();
  const admissions = useAdmissions(season.id);
  const [program, setProgram] = useState<string | undefined>();
  const [status, setStatus] = useState<'pending' | 'registered' | 'declined' | undefined>();
  return (
    <Card size="small">
      <QueryState query={admissions}>
        {(data) => {
          const programs = [...new Map(data.items.map((a) => [a.program.id, a.program])).values()];
          const rows = data.items.filter(
            (a) =>
              (!program || a.program.id === program) &&
              (!status || (a.registration?.status ?? 'pending') === status),
          );
          const registered = data.items.filter((a) => a.registration?.status === 'registered').length;
          return (
            <>
              <Space wrap style={{ marginBottom: 12 }}>
                <Select
                  allowClear
                  style={{ minWidth: 220 }}
                  placeholder={t('enrollment.col.program')}
                  aria-label={t('enrollment.col.program')}
                  value={program}
                  onChange={setProgram}
                  options={programs.map((p) => ({ value: p.id, label: `${p.schoolName} ${p.name}` }))}
                />
                <Select
                  allowClear
                  style={{ width: 140 }}
                  placeholder={t('enrollment.col.registration')}
                  aria-label={t('enrollment.col.registration')}
                  value={status}
                  onChange={setStatus}
                  options={(['pending', 'registered', 'declined'] as const).map((s) => ({
                    value: s,
                    label: t(`enrollment.registration.${s}`),
                  }))}
                />
                <Typography.Text type="secondary" data-testid="admissions-counts">
                  {t('enrollment.admissions.counts', { admitted: data.items.length, registered })}
                </Typography.Text>
                <ExportButton
                  path="/api/enrollment/seasons/{id}/admissions/export.xlsx"
                  params={{ id: season.id }}
                  query={{ programId: program, status }}
                  filename="录取名单.xlsx"
                />
              </Space>
              <AdmissionsTable rows={rows} canRegister={data.abilities.register} />
            </>
          );
        }}
      </QueryState>
    </Card>
  );
}
