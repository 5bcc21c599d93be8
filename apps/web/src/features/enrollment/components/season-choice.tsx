import { Select, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useT } from '@/lib/i18n';
import { useSeasons } from '../api/get-seasons';
import type { SeasonSummary } from '../types';
import { SeasonStateTag } from './enrollment-tags';

/**
 * The season a page works on: `?season=` in the URL (so a link keeps it), else the newest one.
 * Returns the seasons query too, for loading and empty states.
 */
export function useSeasonChoice() {
  const [params, setParams] = useSearchParams();
  const seasons = useSeasons();
  const wanted = params.get('season');
  const items = seasons.data ?? [];
  const season: SeasonSummary | undefined = items.find((s) => s.id === wanted) ?? items[0];
  const choose = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('season', id);
    setParams(next, { replace: true });
  };
  return { seasons, season, choose };
}

/** The season picker of the working pages: 2027年招生季 [进行中]. */
export function SeasonSelect({
  seasons,
  value,
  onChange,
}: {
  seasons: SeasonSummary[];
  value: string | undefined;
  onChange: (id: string) => void;
}) {
  const t = useT();
  return (
    <Space>
      <Typography.Text type="secondary">{t('enrollment.season')}</Typography.Text>
      <Select
        data-testid="season-select"
        aria-label={t('enrollment.season')}
        style={{ minWidth: 260 }}
        value={value}
        onChange={onChange}
        options={seasons.map((s) => ({
          value: s.id,
          label: (
            <Space size={4}>
              {s.name}
              <SeasonStateTag state={s.state} />
            </Space>
          ),
        }))}
      />
    </Space>
  );
}
