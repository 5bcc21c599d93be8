import { PLACEMENT_STATE_LABELS, PLACEMENT_STATES, type PlacementState } from '@zhijiao/contracts';
import { Card, InputNumber, Select, Space } from 'antd';
import { useSearchParams } from 'react-router';
import { ExportButton } from '@/components/export-button';
import { PageHeader } from '@/components/page-header';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { InternshipsTabs } from './internships-tabs';
import { PlacementsTable } from './placements-table';

/**
 * `/internships/placements`: 实习安排 — a school's students on posts, or an enterprise's interns
 * (`?year=&state=`), with the documents on file; a row opens the placement.
 */
export function PlacementsPage() {
  const t = useT();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const filter = {
    year: params.get('year') ? Number(params.get('year')) : undefined,
    state: (params.get('state') as PlacementState | null) ?? undefined,
  };
  const set = (key: string, value: string | number | null | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, String(value));
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <div data-testid="internship-placements-page">
      <InternshipsTabs />
      <PageHeader
        title={t('internships.placements.title')}
        subtitle={t('internships.placements.subtitle')}
        extra={
          <ExportButton
            path="/api/internship-placements/export.xlsx"
            query={filter}
            filename="实习安排.xlsx"
          />
        }
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <InputNumber
            min={2000}
            max={2100}
            placeholder={t('internships.year')}
            aria-label={t('internships.year')}
            value={filter.year ?? null}
            onChange={(v) => set('year', v)}
            style={{ width: 120 }}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('internships.state')}
            aria-label={t('internships.state')}
            value={filter.state}
            onChange={(v: string | undefined) => set('state', v)}
            options={PLACEMENT_STATES.map((s) => ({
              value: s,
              label: pick(PLACEMENT_STATE_LABELS[s], lang),
            }))}
          />
        </Space>
        <PlacementsTable filter={filter} />
      </Card>
    </div>
  );
}
