import {
  DQ_LEVEL_LABELS,
  DQ_STATE_LABELS,
  TEACHER_SERIES_LABELS,
  type DqApplicationState,
  type DqLevel,
  type TeacherSeries,
} from '@zhijiao/contracts';
import { Tag } from 'antd';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';

const STATE_COLORS: Record<DqApplicationState, string> = {
  submitted: 'processing',
  returned: 'volcano',
  school_passed: 'purple',
  approved: 'success',
  refused: 'error',
  withdrawn: 'default',
};

/** 待学校审核 / 学校已退回 / 待区级认定 / 已认定 / 未予认定 / 已撤回. */
export function DqStateTag({ state }: { state: DqApplicationState }) {
  const lang = useLang();
  return (
    <Tag color={STATE_COLORS[state]} data-state={state}>
      {pick(DQ_STATE_LABELS[state], lang)}
    </Tag>
  );
}

/** A valid recognition's level and end date, or 未认定. */
export function DqTag({ dq }: { dq: { level: DqLevel; validUntil: string } | null }) {
  const t = useT();
  const lang = useLang();
  if (!dq) return <Tag>{t('teachers.dq.notRecognised')}</Tag>;
  return (
    <Tag color="green" title={t('teachers.dq.validUntil', { date: dq.validUntil })}>
      {pick(DQ_LEVEL_LABELS[dq.level], lang)}
    </Tag>
  );
}

/** 专任教师 / 企业兼职教师. */
export function SeriesTag({ series }: { series: TeacherSeries }) {
  const lang = useLang();
  return (
    <Tag color={series === 'full_time' ? 'blue' : 'orange'}>{pick(TEACHER_SERIES_LABELS[series], lang)}</Tag>
  );
}
