/** The unified enrolment platform (统一招生): enums and error messages shared by server and web. */

/** A season's life: set up (batches, programs, candidates), open (preferences, matching), closed. */
export const ENROLLMENT_SEASON_STATES = ['setup', 'open', 'closed'] as const;
export type EnrollmentSeasonState = (typeof ENROLLMENT_SEASON_STATES)[number];

/** The two tracks whose placements make up 职普比: 普高 (general) and 中职 (vocational). */
export const ENROLLMENT_TRACKS = ['general', 'vocational'] as const;
export type EnrollmentTrack = (typeof ENROLLMENT_TRACKS)[number];

/** A matching run of one batch: draft → reviewed → published (placements take effect). */
export const ENROLLMENT_RUN_STATES = ['draft', 'reviewed', 'published'] as const;
export type EnrollmentRunState = (typeof ENROLLMENT_RUN_STATES)[number];

/** 报到: the receiving school's confirmation that an admitted candidate enrolled, or did not. */
export const ENROLLMENT_REGISTRATION_STATUSES = ['registered', 'declined'] as const;
export type EnrollmentRegistrationStatus = (typeof ENROLLMENT_REGISTRATION_STATUSES)[number];

/** Alert kinds the enrolment module raises (see /api/alerts, `source: enrollment`). */
export const ENROLLMENT_ALERT_KINDS = [
  'preferences_missing',
  'run_unpublished',
  'registration_pending',
] as const;
export type EnrollmentAlertKind = (typeof ENROLLMENT_ALERT_KINDS)[number];

/** Sex as written on the ID card and required by a few majors. */
export const ENROLLMENT_SEXES = ['M', 'F'] as const;
export type EnrollmentSex = (typeof ENROLLMENT_SEXES)[number];

/** States of a background job (platform/jobs). */
export const JOB_STATES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** Error codes of this module with their Chinese and English messages (merged into ERROR_MESSAGES). */
export const ENROLLMENT_ERRORS = {
  ENROLLMENT_SEASON_EXISTS: {
    zh: '该区本年度的招生季已存在',
    en: 'This district already has a season for that admission year',
  },
  ENROLLMENT_SEASON_STATE: {
    zh: '招生季当前状态下不能执行此操作',
    en: 'Not allowed in the current state of the season',
  },
  ENROLLMENT_WINDOW_NOT_OPEN: { zh: '志愿填报尚未开始', en: 'The preference window has not opened yet' },
  ENROLLMENT_WINDOW_CLOSED: {
    zh: '志愿填报已截止，志愿已锁定',
    en: 'The preference window has closed; preferences are locked',
  },
  ENROLLMENT_WINDOW_STILL_OPEN: {
    zh: '该批次志愿填报尚未截止，不能投档录取',
    en: 'The batch’s preference window is still open; it cannot be matched yet',
  },
  ENROLLMENT_BATCH_PUBLISHED: {
    zh: '该批次录取结果已公布，不能重新投档',
    en: 'The batch’s results are published; it cannot be matched again',
  },
  ENROLLMENT_EARLIER_BATCH_UNPUBLISHED: {
    zh: '前序批次的录取结果尚未公布',
    en: 'An earlier batch’s results are not published yet',
  },
  ENROLLMENT_RUN_NOT_REVIEWED: {
    zh: '录取结果未经审核，不能公布',
    en: 'The run has not been reviewed; it cannot be published',
  },
  ENROLLMENT_RUN_STATE: {
    zh: '录取结果当前状态下不能执行此操作',
    en: 'Not allowed in the run’s current state',
  },
  ENROLLMENT_RUN_STALE: {
    zh: '投档后数据已有变化，请重新投档',
    en: 'The data changed since this run; run the match again',
  },
  ENROLLMENT_CANDIDATE_PLACED: {
    zh: '该考生已在前序批次被录取',
    en: 'The candidate was already placed in an earlier batch',
  },
  ENROLLMENT_IMPORT_INVALID: {
    zh: '考生名单有误，未导入任何数据',
    en: 'The candidate file has errors; nothing was imported',
  },
  ENROLLMENT_NOT_ADMITTED: { zh: '该考生未被本校录取', en: 'The candidate is not admitted to your school' },
  ENROLLMENT_MATCH_INPUT_INVALID: {
    zh: '投档数据不完整，不能投档',
    en: 'The batch’s data is incomplete; it cannot be matched',
  },
  JOB_FAILED: { zh: '后台任务失败', en: 'The background job failed' },
  JOB_INTERRUPTED: {
    zh: '服务重启时任务仍在运行，已中断，请重新发起',
    en: 'The job was interrupted by a server restart; start it again',
  },
  JOB_LEASE_LOST: {
    zh: '任务运行超时，已被判定为中断，其结果未保存，请重新发起',
    en: 'The job ran past its lease and was taken for interrupted; its result was not saved, start it again',
  },
} as const satisfies Record<string, { zh: string; en: string }>;
