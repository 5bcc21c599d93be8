import {
  LEARNER_KIND_LABELS,
  LEARNER_STATUS_LABELS,
  type LearnerKind,
  type LearnerStatus,
} from '@zhijiao/contracts';
import { Tag } from 'antd';
import { pick, useLang } from '@/lib/lang';

const STATUS_COLORS: Record<LearnerStatus, string> = {
  enrolled: 'green',
  suspended: 'gold',
  transferred: 'blue',
  withdrawn: 'default',
  graduated: 'purple',
};

/** 在籍 / 休学 / 转学 / 退学 / 毕业. */
export function LearnerStatusTag({ status }: { status: LearnerStatus }) {
  const lang = useLang();
  return (
    <Tag color={STATUS_COLORS[status]} data-status={status}>
      {pick(LEARNER_STATUS_LABELS[status], lang)}
    </Tag>
  );
}

/** 社会学习者 beside a name (a student of the school needs no tag). */
export function LearnerKindTag({ kind }: { kind: LearnerKind }) {
  const lang = useLang();
  if (kind === 'student') return null;
  return (
    <Tag color="orange" data-kind={kind} style={{ marginInlineStart: 6 }}>
      {pick(LEARNER_KIND_LABELS[kind], lang)}
    </Tag>
  );
}
