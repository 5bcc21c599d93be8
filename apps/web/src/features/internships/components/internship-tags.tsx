import {
  EVALUATION_GRADE_LABELS,
  PLACEMENT_STATE_LABELS,
  POST_STATE_LABELS,
  type EvaluationGrade,
  type PlacementState,
  type PostState,
} from '@zhijiao/contracts';
import { Tag } from 'antd';
import type { MessageKey, Translate } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';

const POST_COLOURS: Record<PostState, string> = { draft: 'default', published: 'green', closed: 'default' };
const PLACEMENT_COLOURS: Record<PlacementState, string> = {
  draft: 'gold',
  active: 'green',
  completed: 'blue',
  terminated: 'default',
};

export function PostStateTag({ state }: { state: PostState }) {
  const lang = useLang();
  return <Tag color={POST_COLOURS[state]}>{pick(POST_STATE_LABELS[state], lang)}</Tag>;
}

export function PlacementStateTag({ state }: { state: PlacementState }) {
  const lang = useLang();
  return <Tag color={PLACEMENT_COLOURS[state]}>{pick(PLACEMENT_STATE_LABELS[state], lang)}</Tag>;
}

const GRADE_COLOURS: Record<EvaluationGrade, string> = {
  excellent: 'green',
  good: 'blue',
  pass: 'default',
  fail: 'red',
};

/** An evaluation's grade or a placement's result as a coloured tag (优秀 / 良好 / 合格 / 不合格). */
export function GradeTag({ grade }: { grade: EvaluationGrade }) {
  const lang = useLang();
  return <Tag color={GRADE_COLOURS[grade]}>{pick(EVALUATION_GRADE_LABELS[grade], lang)}</Tag>;
}

/** A period `2026-03-01 ~ 2026-06-30` whose dates never break inside (a narrow cell wraps between them). */
export function Period({ from, to }: { from: string; to: string }) {
  return (
    <>
      <span style={{ whiteSpace: 'nowrap' }}>{from}</span> ~{' '}
      <span style={{ whiteSpace: 'nowrap' }}>{to}</span>
    </>
  );
}

/** A column's filter menu of the units in the rows (the enterprises, the schools), when there are several. */
export function unitFilters(units: Array<{ id: string; name: string }>) {
  const distinct = [...new Map(units.map((u) => [u.id, u.name]))].map(([value, text]) => ({ text, value }));
  return distinct.length > 1 ? distinct : undefined;
}

/** A physical labour intensity class (GB 3869) by its Chinese name: 第 Ⅱ 级（中等劳动）. */
export function labourClassText(t: Translate, level: number): string {
  return t('internships.posts.labourClassValue', {
    level: ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ'][level - 1] ?? String(level),
    name: t(`internships.posts.labour.${level}` as MessageKey),
  });
}
