import { Select } from 'antd';
import { useSearchParams } from 'react-router';
import { useT } from '@/lib/i18n';
import { usePublicSeasons } from '../api/get-public-seasons';

/** The season of a public page: `?season=` (so a shared link keeps it), else the newest. */
export function usePublicSeasonChoice() {
  const [params, setParams] = useSearchParams();
  const seasons = usePublicSeasons();
  const items = seasons.data ?? [];
  const season = items.find((s) => s.id === params.get('season')) ?? items[0];
  const choose = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('season', id);
    setParams(next, { replace: true });
  };
  return { seasons, season, choose };
}

/** The public season picker: `2027年招生 · 上党区`. */
export function PublicSeasonSelect({ choice }: { choice: ReturnType<typeof usePublicSeasonChoice> }) {
  const t = useT();
  return (
    <Select
      style={{ minWidth: 280 }}
      placeholder={t('enrollment.season')}
      aria-label={t('enrollment.season')}
      value={choice.season?.id}
      onChange={choice.choose}
      loading={choice.seasons.isPending}
      data-testid="public-season-select"
      options={(choice.seasons.data ?? []).map((s) => ({ value: s.id, label: `${s.name} · ${s.district}` }))}
    />
  );
}
