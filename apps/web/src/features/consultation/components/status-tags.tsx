import type { AdoptionDecision, CommentStatus, ConsultationStatus } from '@zhijiao/contracts';
import { Tag } from 'antd';
import { useT } from '@/lib/i18n';

const CONSULTATION_COLORS: Record<ConsultationStatus, string> = {
  draft: 'default',
  open: 'green',
  closed: 'blue',
};
const COMMENT_COLORS: Record<CommentStatus, string> = {
  pending: 'gold',
  published: 'green',
  rejected: 'default',
};
const DECISION_COLORS: Record<AdoptionDecision, string> = {
  adopted: 'green',
  partly_adopted: 'blue',
  not_adopted: 'default',
};

/** 征求意见中 / 已结束 … */
export function ConsultationStatusTag({ status }: { status: ConsultationStatus }) {
  const t = useT();
  return <Tag color={CONSULTATION_COLORS[status]}>{t(`consultation.status.${status}`)}</Tag>;
}

/** 待审核 / 已公开 / 不予公开 */
export function CommentStatusTag({ status }: { status: CommentStatus }) {
  const t = useT();
  return <Tag color={COMMENT_COLORS[status]}>{t(`consultation.commentStatus.${status}`)}</Tag>;
}

/** 采纳 / 部分采纳 / 未采纳 */
export function DecisionTag({ decision }: { decision: AdoptionDecision }) {
  const t = useT();
  return <Tag color={DECISION_COLORS[decision]}>{t(`consultation.decision.${decision}`)}</Tag>;
}
