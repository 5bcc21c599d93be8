/** The joint meeting (联席会议): meetings, unit status reports, decisions and action items: enums and error messages shared by server and web. */

/**
 * A meeting's life: 筹备中 (planned: status reports generated, remarks collected) → 已召开 (held:
 * attendance recorded, decisions drafted) → 纪要已印发 (minutes_final: decisions become action
 * items) → 已办结 (closed: every action item 销号).
 */
export const MEETING_STATES = ['planned', 'held', 'minutes_final', 'closed'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

/** Attendance of a member unit: not yet recorded, 出席, 缺席. */
export const ATTENDANCE_STATES = ['pending', 'present', 'absent'] as const;
export type AttendanceState = (typeof ATTENDANCE_STATES)[number];

/**
 * An action item (议定事项落实): draft (a decision in minutes not yet final) → open → submitted
 * (the responsible unit reported) → open again when accepted, or returned with a comment, or
 * completed (销号) when an update claiming completion is accepted.
 */
export const ACTION_ITEM_STATES = ['draft', 'open', 'submitted', 'returned', 'completed'] as const;
export type ActionItemState = (typeof ACTION_ITEM_STATES)[number];

/** Review of one progress update on an action item. */
export const ACTION_UPDATE_STATES = ['submitted', 'accepted', 'returned'] as const;
export type ActionUpdateState = (typeof ACTION_UPDATE_STATES)[number];

type Label = { zh: string; en: string };

export const MEETING_STATE_LABELS: Record<MeetingState, Label> = {
  planned: { zh: '筹备中', en: 'Planned' },
  held: { zh: '已召开', en: 'Held' },
  minutes_final: { zh: '纪要已印发', en: 'Minutes issued' },
  closed: { zh: '已办结', en: 'Closed' },
};

export const ATTENDANCE_LABELS: Record<AttendanceState, Label> = {
  pending: { zh: '待登记', en: 'Not recorded' },
  present: { zh: '出席', en: 'Present' },
  absent: { zh: '缺席', en: 'Absent' },
};

export const ACTION_ITEM_STATE_LABELS: Record<ActionItemState, Label> = {
  draft: { zh: '待纪要定稿', en: 'Draft' },
  open: { zh: '落实中', en: 'In progress' },
  submitted: { zh: '待审核', en: 'Submitted' },
  returned: { zh: '已退回', en: 'Returned' },
  completed: { zh: '已销号', en: 'Completed' },
};

/** Error codes of this module with their Chinese and English messages (merged into ERROR_MESSAGES). */
export const MEETING_ERRORS = {
  MEETING_INVALID_TRANSITION: {
    zh: '会议当前状态下不能执行此操作',
    en: 'Not allowed in the meeting’s current state',
  },
  MEETING_NOT_HELD: {
    zh: '会议尚未召开，不能记录议定事项或印发纪要',
    en: 'The meeting has not been held yet; decisions and minutes come after it',
  },
  MEETING_ALREADY_HELD: {
    zh: '会议已召开，情况汇报不能再修改',
    en: 'The meeting has been held; status reports can no longer change',
  },
  MEETING_NOT_PREPARED: {
    zh: '尚未生成各成员单位情况汇报',
    en: 'The member units’ status reports have not been generated yet',
  },
  MEETING_NOT_MEMBER: {
    zh: '本单位不是该会议的成员单位',
    en: 'Your unit is not a member of this meeting',
  },
  MEETING_DATE_NOT_REACHED: {
    zh: '会议日期未到，不能登记出席情况',
    en: 'The meeting date has not come yet; attendance cannot be recorded',
  },
  MEETING_NO_DECISIONS: {
    zh: '纪要须至少包含一项议定事项',
    en: 'The minutes need at least one decision',
  },
  MEETING_ACTION_ITEMS_OPEN: {
    zh: '尚有议定事项未销号，不能办结会议',
    en: 'Some action items are not completed; the meeting cannot be closed',
  },
  MEETING_MINUTES_NOT_FINAL: {
    zh: '会议纪要尚未定稿',
    en: 'The minutes are not final yet',
  },
  MEETING_NO_DISTRICT: {
    zh: '您所在单位不属于任何区县，不能召集联席会议',
    en: 'Your unit belongs to no district; you cannot convene a joint meeting',
  },
  ACTION_ITEM_INVALID_TRANSITION: {
    zh: '议定事项当前状态下不能执行此操作',
    en: 'Not allowed in the action item’s current state',
  },
  ACTION_ITEM_NOT_RESPONSIBLE: {
    zh: '本单位不是该议定事项的责任单位',
    en: 'Your unit is not responsible for this action item',
  },
  ACTION_ITEM_SELF_REVIEW: {
    zh: '不能审核本人报送的落实情况',
    en: 'You cannot review an update you submitted yourself',
  },
} as const satisfies Record<string, { zh: string; en: string }>;
