/** Programs (专业与课程): majors, courses, textbooks, recognised projects and the teaching resource library: enums and error messages shared by server and web. */

type Label = { zh: string; en: string };

/** A school's major: 在办 (enrolling), 停招 (no new intake), 撤销 (closed). */
export const MAJOR_STATUSES = ['active', 'suspended', 'closed'] as const;
export type MajorStatus = (typeof MAJOR_STATUSES)[number];

/** National standards a major applies: 专业教学标准, 课程标准, 岗位实习标准, 实训条件建设标准. */
export const NATIONAL_STANDARDS = ['teaching', 'curriculum', 'internship', 'training_facility'] as const;
export type NationalStandard = (typeof NATIONAL_STANDARDS)[number];

/** 公共基础课 / 专业课. */
export const COURSE_CATEGORIES = ['public_basic', 'professional'] as const;
export type CourseCategory = (typeof COURSE_CATEGORIES)[number];

/** 传统教材 / 新型活页式 / 工作手册式. */
export const TEXTBOOK_TYPES = ['traditional', 'loose_leaf', 'workbook'] as const;
export type TextbookType = (typeof TEXTBOOK_TYPES)[number];

/** Every kind of recognised project the plan counts (one lifecycle for all). */
export const PROJECT_KINDS = [
  'brand_major',
  'quality_course',
  'master_studio',
  'innovation_team',
  'master_teacher',
  'ideology_studio',
  'culture_brand',
  'ideology_micro_course',
] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

/** Kinds about a teacher or a team of teachers (they name a teacher). */
export const TEACHER_PROJECT_KINDS: readonly ProjectKind[] = [
  'master_studio',
  'innovation_team',
  'master_teacher',
];

/** 区级 / 市级 / 省级 / 国家级, lowest first. */
export const PROJECT_LEVELS = ['district', 'city', 'provincial', 'national'] as const;
export type ProjectLevel = (typeof PROJECT_LEVELS)[number];

/**
 * 申报 (draft → applied) → 评审 (reviewing: scores) → 立项 (approved, with a level) or 不予立项
 * (rejected) → 中期检查 (midterm_passed, or failed) → 验收 (accepted, or failed). A school may
 * withdraw an application before it is decided.
 */
export const PROJECT_STATES = [
  'draft',
  'applied',
  'reviewing',
  'approved',
  'rejected',
  'midterm_passed',
  'accepted',
  'failed',
  'withdrawn',
] as const;
export type ProjectState = (typeof PROJECT_STATES)[number];

/** Alert kinds the programs module raises for projects (see /api/alerts, `source: programs`). */
export const PROJECT_ALERT_KINDS = [
  'project_midterm_due',
  'project_midterm_overdue',
  'project_acceptance_due',
  'project_acceptance_overdue',
] as const;
export type ProjectAlertKind = (typeof PROJECT_ALERT_KINDS)[number];

/** Stages a project's files belong to. */
export const PROJECT_FILE_STAGES = ['application', 'midterm', 'acceptance'] as const;
export type ProjectFileStage = (typeof PROJECT_FILE_STAGES)[number];

/** 课件 / 教案 / 视频 / 微课 / 习题 / 实训指导 / 案例 / 其他. */
export const RESOURCE_TYPES = [
  'courseware',
  'lesson_plan',
  'video',
  'micro_lecture',
  'exercise',
  'training_guide',
  'case',
  'other',
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** Licences a school may put on a resource; `school_only` (校内使用) cannot be shared district-wide. */
export const RESOURCE_LICENCES = [
  'cc_by_4',
  'cc_by_sa_4',
  'cc_by_nc_4',
  'cc_by_nc_sa_4',
  'cc_by_nc_nd_4',
  'school_only',
] as const;
export type ResourceLicence = (typeof RESOURCE_LICENCES)[number];

/** private (only its school) → pending (asked to share) → shared (district-wide) | refused (with a reason). */
export const RESOURCE_SHARE_STATES = ['private', 'pending', 'shared', 'refused'] as const;
export type ResourceShareState = (typeof RESOURCE_SHARE_STATES)[number];

export const MAJOR_STATUS_LABELS: Record<MajorStatus, Label> = {
  active: { zh: '在办', en: 'Enrolling' },
  suspended: { zh: '停招', en: 'No intake' },
  closed: { zh: '撤销', en: 'Closed' },
};

export const NATIONAL_STANDARD_LABELS: Record<NationalStandard, Label> = {
  teaching: { zh: '专业教学标准', en: 'Teaching standard of the major' },
  curriculum: { zh: '课程标准', en: 'Curriculum standards' },
  internship: { zh: '岗位实习标准', en: 'Internship standard' },
  training_facility: { zh: '实训条件建设标准', en: 'Training-facility standard' },
};

export const COURSE_CATEGORY_LABELS: Record<CourseCategory, Label> = {
  public_basic: { zh: '公共基础课', en: 'General course' },
  professional: { zh: '专业课', en: 'Specialised course' },
};

export const TEXTBOOK_TYPE_LABELS: Record<TextbookType, Label> = {
  traditional: { zh: '传统教材', en: 'Conventional' },
  loose_leaf: { zh: '活页式', en: 'Loose-leaf' },
  workbook: { zh: '工作手册式', en: 'Workbook' },
};

export const PROJECT_KIND_LABELS: Record<ProjectKind, Label> = {
  brand_major: { zh: '品牌专业', en: 'Brand major' },
  quality_course: { zh: '精品课程', en: 'Quality course' },
  master_studio: { zh: '“双师型”名师工作室', en: 'Master-teacher studio' },
  innovation_team: { zh: '教师教学创新团队', en: 'Teaching innovation team' },
  master_teacher: { zh: '“双师型”教学名师', en: 'Master teacher' },
  ideology_studio: { zh: '思政教育工作室', en: 'Ideological education studio' },
  culture_brand: { zh: '特色文化育人品牌', en: 'Culture education brand' },
  ideology_micro_course: { zh: '思政微课', en: 'Ideological micro-course' },
};

export const PROJECT_LEVEL_LABELS: Record<ProjectLevel, Label> = {
  district: { zh: '区级', en: 'District' },
  city: { zh: '市级', en: 'City' },
  provincial: { zh: '省级', en: 'Provincial' },
  national: { zh: '国家级', en: 'National' },
};

export const PROJECT_STATE_LABELS: Record<ProjectState, Label> = {
  draft: { zh: '草稿', en: 'Draft' },
  applied: { zh: '已申报', en: 'Applied' },
  reviewing: { zh: '评审中', en: 'Under review' },
  approved: { zh: '已立项', en: 'Approved' },
  rejected: { zh: '未立项', en: 'Rejected' },
  midterm_passed: { zh: '中期检查通过', en: 'Mid-term passed' },
  accepted: { zh: '验收通过', en: 'Accepted' },
  failed: { zh: '未通过', en: 'Failed' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

export const RESOURCE_TYPE_LABELS: Record<ResourceType, Label> = {
  courseware: { zh: '课件', en: 'Courseware' },
  lesson_plan: { zh: '教案', en: 'Lesson plan' },
  video: { zh: '视频', en: 'Video' },
  micro_lecture: { zh: '微课', en: 'Micro-lecture' },
  exercise: { zh: '习题', en: 'Exercises' },
  training_guide: { zh: '实训指导', en: 'Practical guide' },
  case: { zh: '案例', en: 'Case study' },
  other: { zh: '其他', en: 'Other' },
};

export const RESOURCE_LICENCE_LABELS: Record<ResourceLicence, Label> = {
  cc_by_4: { zh: 'CC BY 4.0（署名）', en: 'CC BY 4.0' },
  cc_by_sa_4: { zh: 'CC BY-SA 4.0（署名-相同方式共享）', en: 'CC BY-SA 4.0' },
  cc_by_nc_4: { zh: 'CC BY-NC 4.0（署名-非商业性使用）', en: 'CC BY-NC 4.0' },
  cc_by_nc_sa_4: { zh: 'CC BY-NC-SA 4.0（署名-非商业性使用-相同方式共享）', en: 'CC BY-NC-SA 4.0' },
  cc_by_nc_nd_4: { zh: 'CC BY-NC-ND 4.0（署名-非商业性使用-禁止演绎）', en: 'CC BY-NC-ND 4.0' },
  school_only: { zh: '校内使用', en: 'Own school only' },
};

export const RESOURCE_SHARE_STATE_LABELS: Record<ResourceShareState, Label> = {
  private: { zh: '仅本校可见', en: 'Own school only' },
  pending: { zh: '共享待审核', en: 'Awaiting review' },
  shared: { zh: '全区共享', en: 'Shared district-wide' },
  refused: { zh: '共享未通过', en: 'Sharing refused' },
};

/** Error codes of this module with their Chinese and English messages (merged into ERROR_MESSAGES). */
export const PROGRAM_ERRORS = {
  PROGRAM_INVALID_TRANSITION: { zh: '当前状态下不能执行此操作', en: 'Not allowed in the current state' },
  PROGRAM_NOT_A_SCHOOL: { zh: '所选单位不是学校', en: 'The unit is not a school' },
  PROGRAM_MAJOR_NOT_IN_CATALOGUE: {
    zh: '专业不在所选版本的专业目录中',
    en: 'The major is not in that version of the catalogue',
  },
  PROGRAM_MAJOR_DUPLICATE: {
    zh: '本校已开设该专业（同一专业方向）',
    en: 'The school already runs this major (same direction)',
  },
  PROGRAM_OTHER_SCHOOL: {
    zh: '所选专业、课程不属于该学校',
    en: 'The major or course belongs to another school',
  },
  PROGRAM_PROJECT_SUBJECT_REQUIRED: {
    zh: '该类项目须指明所属专业、课程或教师',
    en: 'This kind of project must name its major, course or teacher',
  },
  PROGRAM_PROJECT_NOT_SCORED: {
    zh: '尚无评审评分，不能立项',
    en: 'The project cannot be approved before it has been scored',
  },
  PROGRAM_REASON_REQUIRED: { zh: '请填写理由或意见', en: 'A reason or opinion is required' },
  PROGRAM_RESOURCE_NOT_SHAREABLE: {
    zh: '许可为“校内使用”的资源不能申请全区共享',
    en: 'A resource licensed for its own school only cannot be shared',
  },
  PROGRAM_SEARCH_QUERY_TOO_SHORT: {
    zh: '检索词过短：请输入至少两个汉字或两个字母',
    en: 'The query is too short: type at least two Chinese characters or two letters',
  },
} as const satisfies Record<string, Label>;
