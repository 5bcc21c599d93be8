import { LEARNER_STATUS_LABELS, type LearnerStatus } from '@zhijiao/contracts';
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
