import { Collapse, Timeline, Typography } from 'antd';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import type { PreferenceChange, Program } from '../types';

/** Every saved change of one batch's choices, newest first: when, by whom, before → after. */
export function PreferenceHistory({
  history,
  programs,
}: {
  history: PreferenceChange[];
  programs: Program[];
}) {
  const t = useT();
  if (history.length === 0) return null;
  const label = (codes: string[] | null) =>
    codes === null
      ? t('enrollment.preferences.historyFirst')
      : codes.length === 0
        ? t('enrollment.preferences.historyEmpty')
        : codes
            .map((code, i) => `${i + 1}. ${programs.find((p) => p.code === code)?.name ?? code}`)
            .join('；');
  return (
    <Collapse
      ghost
      size="small"
      style={{ marginTop: 8 }}
      data-testid="preference-history"
      items={[
        {
          key: 'history',
          label: t('enrollment.preferences.history', { count: history.length }),
          children: (
            <Timeline
              items={[...history].reverse().map((h, i) => ({
                key: i,
                content: (
                  <div data-testid={`preference-change-${i}`}>
                    <Typography.Text strong>{formatDateTime(h.at)}</Typography.Text>{' '}
                    <Typography.Text type="secondary">{h.by ?? '—'}</Typography.Text>
                    <div>
                      <Typography.Text type="secondary">{label(h.old)}</Typography.Text> → {label(h.new)}
                    </div>
                  </div>
                ),
              }))}
            />
          ),
        },
      ]}
    />
  );
}
