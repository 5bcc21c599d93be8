import { Card } from 'antd';
import { QueryState } from '@/components/query-state';
import { useT } from '@/lib/i18n';
import { useCandidates } from '../api/get-candidates';
import type { SeasonDetail } from '../types';
import { CandidateImport } from './candidate-import';
import { CandidatesTable } from './candidates-table';

/** The season's candidates: the import (招生办, until the season closes) above the masked list. */
export function CandidatesCard({ season }: { season: SeasonDetail }) {
  const t = useT();
  const candidates = useCandidates(season.id);
  return (
    <Card size="small" title={t('enrollment.candidates.title')}>
      {season.abilities.manage && season.state !== 'closed' && (
        <div style={{ marginBottom: 16 }}>
          <CandidateImport season={season} />
        </div>
      )}
      <QueryState query={candidates}>
        {(items) => (
          <CandidatesTable
            candidates={items}
            subjects={season.subjects}
            emptyText={
              season.abilities.manage
                ? t('enrollment.candidates.emptyManage')
                : t('enrollment.candidates.empty')
            }
          />
        )}
      </QueryState>
    </Card>
  );
}
