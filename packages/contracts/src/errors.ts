import { CONSULTATION_ERRORS } from './consultation.ts';
import { COOPERATION_ERRORS } from './cooperation.ts';
import { CREDENTIAL_ERRORS } from './credentials.ts';
import { ENTERPRISE_ERRORS } from './enterprises.ts';
import { ENROLLMENT_ERRORS } from './enrollment.ts';
import { MEETING_ERRORS } from './joint-meetings.ts';
import { PROGRAM_ERRORS } from './programs.ts';
import { CERTIFICATION_ERRORS } from './certification.ts';
import { INTERNSHIP_ERRORS } from './internships.ts';
import { DESTINATION_ERRORS } from './graduate-destinations.ts';
import { LEARNER_ERRORS } from './learners.ts';
import { TRAINING_BASE_ERRORS } from './training-bases.ts';
import { SUPERVISION_ERRORS } from './supervision.ts';
import { TEACHER_ERRORS } from './teachers.ts';

/**
 * Stable error codes with their Chinese and English messages. The server sends `code` and the
 * message in the request's language; the web client maps `code` to text in one place (here).
 */
export const ERROR_MESSAGES = {
  VALIDATION_FAILED: { zh: '提交的数据不符合要求', en: 'The submitted data is invalid' },
  NOT_FOUND: { zh: '未找到该记录，或您无权查看', en: 'Not found, or not visible to you' },
  ROUTE_NOT_FOUND: { zh: '接口不存在', en: 'No such endpoint' },
  INTERNAL: { zh: '服务器内部错误，请稍后重试', en: 'Internal error, please try again later' },
  CONFLICT: { zh: '记录已存在或与现有数据冲突', en: 'The record already exists or conflicts' },
  REFERENCE_CONFLICT: {
    zh: '记录仍被引用，或引用的记录不存在',
    en: 'The record is referenced, or refers to a missing record',
  },
  RATE_LIMITED: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests, please wait' },
  AUTH_REQUIRED: { zh: '请先登录', en: 'Please sign in' },
  AUTH_INVALID_CREDENTIALS: { zh: '用户名或密码错误', en: 'Wrong username or password' },
  AUTH_THROTTLED: {
    zh: '此网络地址登录失败次数过多，已暂停从此地址登录，请稍后再试',
    en: 'Too many failed sign-ins from this network address; sign-in from it is paused, try again later',
  },
  AUTH_DISABLED: { zh: '账号已停用', en: 'The account is disabled' },
  AUTH_TOTP_REQUIRED: { zh: '请输入动态验证码', en: 'Enter the code from your authenticator app' },
  AUTH_TOTP_INVALID: { zh: '动态验证码错误', en: 'The authenticator code is wrong' },
  AUTH_TOTP_ENROLMENT_REQUIRED: {
    zh: '管理员须先绑定动态验证码',
    en: 'Administrators must set up a second factor first',
  },
  AUTH_PASSWORD_CHANGE_REQUIRED: { zh: '首次登录须修改密码', en: 'You must change your password first' },
  AUTH_PASSWORD_POLICY: { zh: '密码不符合安全要求', en: 'The password does not meet the policy' },
  AUTH_PASSWORD_REUSED: {
    zh: '新密码不能与最近 5 次使用过的密码相同',
    en: 'The new password must differ from your last 5 passwords',
  },
  AUTH_CSRF: { zh: '请求来源校验失败，请刷新页面后重试', en: 'Request origin check failed; reload the page' },
  FORBIDDEN: { zh: '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  SELF_REVIEW: {
    zh: '不能审核本人编写、修改或提交过的内容',
    en: 'You cannot review what you wrote, changed or submitted yourself',
  },
  FILE_TOO_LARGE: { zh: '文件过大', en: 'The file is too large' },
  FILE_TYPE_NOT_ALLOWED: { zh: '不允许上传此类型的文件', en: 'This file type is not allowed' },
  FILE_TYPE_MISMATCH: { zh: '文件内容与扩展名不符', en: 'The file content does not match its extension' },
  FILE_EMPTY: { zh: '文件为空', en: 'The file is empty' },
  FILE_REJECTED: { zh: '文件未通过安全检查', en: 'The file failed the safety checks' },
  PLAN_FILE_INVALID: { zh: '计划文件有误', en: 'The plan file has errors' },
  PLAN_VERSION_EXISTS: { zh: '该计划的此版本已存在', en: 'This version of the plan already exists' },
  PLAN_NOT_PUBLISHED: { zh: '计划尚未发布', en: 'The plan is not published' },
  PLAN_NOT_ENDED: {
    zh: '计划尚未到期，不能开展终期评估或关闭',
    en: 'The plan has not ended yet; it cannot be evaluated or closed',
  },
  PLAN_CLOSED: {
    zh: '计划已收官，不能再修改或填报',
    en: 'The plan is closed; nothing more can be changed or reported',
  },
  PLAN_REPORTS_PENDING: {
    zh: '仍有进展报告待审核，请先审核后再关闭计划',
    en: 'Progress reports are still waiting for review; review them before closing the plan',
  },
  PLAN_EVALUATION_INCOMPLETE: {
    zh: '终期评估尚不完整，请为每项任务选定完成情况',
    en: 'The final evaluation is incomplete: choose an outcome for every task',
  },
  PROGRESS_NOT_RESPONSIBLE: {
    zh: '本单位不是该任务的责任单位，不能填报',
    en: 'Your unit is not responsible for this task',
  },
  PROGRESS_INVALID_TRANSITION: { zh: '当前状态下不能执行此操作', en: 'Not allowed in the current state' },
  PROGRESS_NOT_WITHDRAWABLE: {
    zh: '只有待审核且尚未审核的报告可以撤回',
    en: 'Only a report waiting for review, not yet reviewed, can be withdrawn',
  },
  PROGRESS_PERIOD_NOT_OPEN: { zh: '该填报周期尚未开始', en: 'This reporting period has not started' },
  MILESTONE_COMPLETED_BY_RECORDS: {
    zh: '该里程碑由系统记录自动完成，不能手动勾选',
    en: 'This milestone is completed by system records and cannot be ticked by hand',
  },
  PROGRESS_INDICATOR_NOT_IN_TASK: {
    zh: '指标不属于该任务',
    en: 'The indicator does not belong to this task',
  },
  PROGRESS_INDICATOR_COMPUTED: {
    zh: '该指标由系统自动计算，不能填报',
    en: 'This indicator is computed and cannot be reported',
  },
  PROGRESS_RETURN_COMMENT_REQUIRED: {
    zh: '退回时须填写意见',
    en: 'A comment is required when returning a report',
  },
  USER_ROLE_NOT_ASSIGNABLE: { zh: '无权分配该角色', en: 'You may not assign this role' },
  USER_ROLE_GRANTED_BY_SECURITY: {
    zh: '角色及其范围由安全管理员授予，系统管理员创建的账号没有角色',
    en: 'Roles and their scope are granted by the security administrator; an account the system administrator creates has none',
  },
  ORG_UNIT_UNKNOWN: { zh: '单位不存在', en: 'Unknown org unit' },
  AUDIT_CHAIN_BROKEN: { zh: '审计日志校验失败', en: 'The audit log failed verification' },
  BACKUP_FILE_UNSUPPORTED: {
    zh: '不是本系统可识别格式的备份文件',
    en: 'Not a Zhijiao backup of a format this version reads',
  },
  BACKUP_FILE_DAMAGED: {
    zh: '备份文件已损坏或不完整，未写入任何数据',
    en: 'The backup file is damaged or incomplete; nothing was written',
  },
  BACKUP_TARGET_NOT_EMPTY: {
    zh: '目标数据库已有数据：备份只能恢复到新建的空数据库，未写入任何数据',
    en: 'The target database already holds data: a backup is restored only into a new, empty database; nothing was written',
  },
  BACKUP_MIGRATION_MISMATCH: {
    zh: '备份与目标数据库的结构版本（迁移）不一致，未写入任何数据',
    en: 'The backup and the target database are at different migration levels; nothing was written',
  },
  DOCUMENT_RENDER_FAILED: {
    zh: '文档生成失败，请稍后重试或联系管理员',
    en: 'The document could not be rendered; try again or contact the administrator',
  },
  ALERT_ACKNOWLEDGEMENT_REFUSED: {
    zh: '以下预警无法知悉，本次未作任何知悉',
    en: 'Some alerts cannot be acknowledged; none of this request was',
  },
  ALERT_NOT_OWN_UNIT: {
    zh: '该预警发给其他单位，只能由该单位知悉',
    en: 'The alert is addressed to another unit; only that unit can acknowledge it',
  },
  ALERT_TIER_CHANGED: {
    zh: '该预警等级已变化，请刷新后按当前等级知悉',
    en: 'The alert’s tier has changed; reload and acknowledge it at its current tier',
  },
  // Each module keeps its own codes in its contracts file.
  ...SUPERVISION_ERRORS,
  ...MEETING_ERRORS,
  ...CONSULTATION_ERRORS,
  ...ENROLLMENT_ERRORS,
  ...TEACHER_ERRORS,
  ...PROGRAM_ERRORS,
  ...ENTERPRISE_ERRORS,
  ...INTERNSHIP_ERRORS,
  ...COOPERATION_ERRORS,
  ...CERTIFICATION_ERRORS,
  ...TRAINING_BASE_ERRORS,
  ...LEARNER_ERRORS,
  ...DESTINATION_ERRORS,
  ...CREDENTIAL_ERRORS,
} as const satisfies Record<string, { zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** Error body every non-2xx JSON response carries. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: unknown;
  };
}

/** One problem with one field (or one row of an import). */
export interface FieldIssue {
  row?: number;
  line?: number | null;
  field: string;
  code: string;
  message: string;
  messageEn?: string;
}
