/** Public consultation (征求意见) on a draft plan: comments, moderation, replies, adoption: enums and error messages shared by server and web. */

/** A consultation: prepared (draft), open for comment during its period, closed with its feedback summary. */
export const CONSULTATION_STATUSES = ['draft', 'open', 'closed'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

/** A public comment: waiting for moderation, published (visible), or rejected (never shown). */
export const COMMENT_STATUSES = ['pending', 'published', 'rejected'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/** The editors' decision on a published comment (采纳 / 部分采纳 / 未采纳). */
export const ADOPTION_DECISIONS = ['adopted', 'partly_adopted', 'not_adopted'] as const;
export type AdoptionDecision = (typeof ADOPTION_DECISIONS)[number];

/** Alert kinds the consultation module raises (see /api/alerts, `source: consultation`). */
export const CONSULTATION_ALERT_KINDS = ['comments_backlog_due', 'comments_backlog_overdue'] as const;
export type ConsultationAlertKind = (typeof CONSULTATION_ALERT_KINDS)[number];

export const ADOPTION_LABELS: Record<AdoptionDecision, { zh: string; en: string }> = {
  adopted: { zh: '采纳', en: 'Adopted' },
  partly_adopted: { zh: '部分采纳', en: 'Partly adopted' },
  not_adopted: { zh: '未采纳', en: 'Not adopted' },
};

/** Limits of a public comment, checked by the server and shown by the form. */
export const COMMENT_LIMITS = { bodyMax: 2000, nameMax: 40, contactMax: 100 } as const;

/** Error codes of this module with their Chinese and English messages (merged into ERROR_MESSAGES). */
export const CONSULTATION_ERRORS = {
  CONSULTATION_PLAN_NOT_DRAFT: {
    zh: '只有草案状态的计划版本可以征求意见',
    en: 'Only a draft plan version can be opened for comment',
  },
  CONSULTATION_EXISTS: { zh: '该计划版本已有征求意见', en: 'This plan version already has a consultation' },
  CONSULTATION_INVALID_PERIOD: {
    zh: '征求意见期限无效：截止时间须晚于开始时间和当前时间',
    en: 'Invalid period: the end must be after the start and after now',
  },
  CONSULTATION_INVALID_TRANSITION: {
    zh: '征求意见当前状态下不能执行此操作',
    en: 'Not allowed in the consultation’s current state',
  },
  CONSULTATION_NOT_OPEN: { zh: '征求意见尚未开始', en: 'The consultation has not opened yet' },
  CONSULTATION_PERIOD_CLOSED: {
    zh: '征求意见期限已结束，不再接收意见',
    en: 'The comment period has ended; no more comments are accepted',
  },
  CONSULTATION_PERIOD_NOT_ENDED: {
    zh: '征求意见期限尚未结束，不能结束征求意见',
    en: 'The comment period has not ended yet',
  },
  CONSULTATION_CLOSED: {
    zh: '征求意见已结束，不能再修改',
    en: 'The consultation is closed; nothing can change',
  },
  CONSULTATION_NOT_CLOSED: { zh: '征求意见尚未结束', en: 'The consultation is not closed yet' },
  CONSULTATION_UNANSWERED_COMMENTS: {
    zh: '仍有待审核或未答复的意见，不能结束征求意见',
    en: 'Some comments are still unmoderated or unanswered',
  },
  CONSULTATION_UNKNOWN_CLAUSE: { zh: '该条款不存在', en: 'No such clause' },
  CONSULTATION_CHALLENGE_INVALID: {
    zh: '人机验证失败，请重新提交',
    en: 'The anti-spam check failed; please submit again',
  },
  CONSULTATION_CHALLENGE_EXPIRED: {
    zh: '人机验证已过期，请重新提交',
    en: 'The anti-spam check expired; please submit again',
  },
  CONSULTATION_CHALLENGE_USED: {
    zh: '人机验证已使用过，请重新提交',
    en: 'The anti-spam check was already used; please submit again',
  },
  CONSULTATION_SPAM: { zh: '提交被识别为垃圾信息', en: 'The submission was classified as spam' },
  CONSULTATION_COMMENT_MODERATED: { zh: '该意见已审核', en: 'This comment has already been moderated' },
  CONSULTATION_COMMENT_NOT_PUBLISHED: {
    zh: '只能答复已公开的意见',
    en: 'Only a published comment can be answered',
  },
  CONSULTATION_REASON_REQUIRED: { zh: '请填写理由', en: 'A reason is required' },
  CONSULTATION_BATCH_REFUSED: {
    zh: '部分意见无法批量处理，本次未作任何更改',
    en: 'Some comments cannot take this action; nothing was changed',
  },
  CONSULTATION_COMMENT_NOT_IN_BATCH: {
    zh: '该意见不存在或不属于本次征求意见',
    en: 'No such comment in this consultation',
  },
  CONSULTATION_REVISION_EXISTS: {
    zh: '已根据本次征求意见生成修订稿',
    en: 'A revised version was already created from this consultation',
  },
  CONSULTATION_NO_REVISION: { zh: '尚无可比较的新版本', en: 'There is no newer version to compare with' },
  CONSULTATION_RENDERER_UNAVAILABLE: {
    zh: '文档生成服务暂不可用',
    en: 'Document rendering is not available',
  },
} as const satisfies Record<string, { zh: string; en: string }>;
