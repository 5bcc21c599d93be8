import type {
  EnrollmentRegistrationStatus,
  EnrollmentRunState,
  EnrollmentSeasonState,
  EnrollmentTrack,
} from '@zhijiao/contracts';
import { Tag } from 'antd';
import { formatShare } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { bandPosition, type VocationalBand } from '../lib/vocational-band';
import type { WindowState } from '../types';

const SEASON_COLORS: Record<EnrollmentSeasonState, string> = {
  setup: 'default',
  open: 'processing',
  closed: 'success',
};
const RUN_COLORS: Record<EnrollmentRunState, string> = {
  draft: 'default',
  reviewed: 'gold',
  published: 'success',
};
const WINDOW_COLORS: Record<WindowState, string> = { not_open: 'default', open: 'green', closed: 'red' };

/** 筹备中 / 进行中 / 已结束. */
export function SeasonStateTag({ state }: { state: EnrollmentSeasonState }) {
  const t = useT();
  return (
    <Tag color={SEASON_COLORS[state]} data-state={state}>
      {t(`enrollment.seasonState.${state}`)}
    </Tag>
  );
}

/** 普高 (blue) or 中职 (purple). */
export function TrackTag({ track }: { track: EnrollmentTrack }) {
  const t = useT();
  return <Tag color={track === 'general' ? 'blue' : 'purple'}>{t(`enrollment.track.${track}`)}</Tag>;
}

/** The preference window: 未开始 / 填报中 / 已截止 (locked). */
export function WindowTag({ state }: { state: WindowState }) {
  const t = useT();
  return (
    <Tag color={WINDOW_COLORS[state]} data-window={state}>
      {t(`enrollment.window.${state}`)}
    </Tag>
  );
}

/** 待审核 / 已审核 / 已公布. */
export function RunStateTag({ state }: { state: EnrollmentRunState }) {
  const t = useT();
  return (
    <Tag color={RUN_COLORS[state]} data-state={state}>
      {t(`enrollment.runState.${state}`)}
    </Tag>
  );
}

/** 已报到 (green), 未报到 (red) or 待确认 when nothing is recorded yet. */
export function RegistrationTag({ status }: { status: EnrollmentRegistrationStatus | null }) {
  const t = useT();
  if (!status) return <Tag>{t('enrollment.registration.pending')}</Tag>;
  return (
    <Tag color={status === 'registered' ? 'green' : 'red'} data-status={status}>
      {t(`enrollment.registration.${status}`)}
    </Tag>
  );
}

/** A 职普比 with a tag saying where it falls against the plan's band (达标区间内 / 偏低 / 偏高). */
export function ShareVsBand({
  share,
  band,
  testId,
}: {
  share: number;
  band: VocationalBand;
  testId?: string;
}) {
  const t = useT();
  const position = bandPosition(share, band);
  return (
    <span data-testid={testId} data-position={position}>
      <strong style={{ fontSize: 20, marginInlineEnd: 8 }}>{formatShare(share)}</strong>
      <Tag color={position === 'within' ? 'green' : 'red'}>{t(`enrollment.band.${position}`)}</Tag>
    </span>
  );
}
