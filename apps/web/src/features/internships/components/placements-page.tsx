import { PLACEMENT_STATE_LABELS, PLACEMENT_STATES } from '@zhijiao/contracts';
import { ExportButton } from '@/components/export-button';
import { ChoiceFilter, YearFilter } from '@/components/list-filters';
import { RecordListPage } from '@/components/record-list-page';
import { useT } from '@/lib/i18n';
import { useUrlFilters } from '@/lib/url-filters';
import { InternshipsTabs } from './internships-tabs';
import { PlacementsTable } from './placements-table';

/**
 * `/internships/placements`: 实习安排 — a school's students on posts, or an enterprise's interns
 * (`?year=&state=`), with the documents on file; a row opens the placement.
 */
export function PlacementsPage() {
  const t = useT();
  const [filter, setFilter] = useUrlFilters({ year: 'number', state: PLACEMENT_STATES });
  return (
    <RecordListPage
      testId="internship-placements-page"
      tabs={<InternshipsTabs />}
      title={t('internships.placements.title')}
      subtitle={t('internships.placements.subtitle')}
      actions={
        <ExportButton path="/api/internship-placements/export.xlsx" query={filter} filename="实习安排.xlsx" />
      }
      filters={
        <>
          <YearFilter
            label={t('internships.year')}
            width={120}
            value={filter.year}
            onChange={(v) => setFilter('year', v)}
          />
          <ChoiceFilter
            label={t('internships.state')}
            width={140}
            values={PLACEMENT_STATES}
            labels={PLACEMENT_STATE_LABELS}
            value={filter.state}
            onChange={(v) => setFilter('state', v)}
          />
        </>
      }
    >
      <PlacementsTable filter={filter} />
    </RecordListPage>
  );
}
