/**
 * Permission names (`module.action`) and the roles that hold them. Shared by the server (route
 * guards, policies) and the web app (navigation), so both read the same table.
 */
export const PERMISSIONS = [
  'plan.read',
  'plan.manage',
  'progress.report',
  'progress.review',
  'alert.read',
  // 知悉: a unit takes notice of an alert addressed to it (not the read-only leaders' role).
  'alert.acknowledge',
  'file.upload',
  'org.read',
  'org.manage',
  'user.manage',
  'user.security',
  'audit.read',
  'audit.verify',
  // 督导: read inspections, findings and orders in scope; run inspections; answer orders.
  'supervision.read',
  'supervision.manage',
  'supervision.inspect',
  'supervision.respond',
  // 联席会议: read meetings and action items in scope; convene; add a unit's remarks.
  'meeting.read',
  'meeting.manage',
  'meeting.remark',
  // 征求意见: moderate and answer public comments on a draft plan.
  'consultation.manage',
  // 统一招生: read the season in scope; set it up and run matches (招生办); fill preferences for a
  // school's candidates; confirm registrations (报到) at a receiving school.
  'enrollment.read',
  'enrollment.manage',
  'enrollment.preferences',
  'enrollment.register',
  // 教师队伍: read teacher records in scope; keep a school's register and review its applications;
  // decide 双师型 recognitions at the district.
  'teacher.read',
  'teacher.manage',
  'teacher.review',
  // 专业与课程: majors, courses, recognised projects and teaching resources; district review.
  'program.read',
  'program.manage',
  'program.review',
  // 企业名录: read the register (an enterprise: its own record); keep it (the registrar unit and the
  // coordinator), or keep an enterprise's own contacts and this year's staff count.
  'enterprise.read',
  'enterprise.manage',
  // 学生实习: read posts and placements in scope (other units: the aggregate numbers only);
  // publish an enterprise's posts and keep its interns' attendance; place a school's students.
  'internship.read',
  'internship.post',
  'internship.place',
  // 校企合作: read agreements, apprenticeships and co-built centres in scope (a school its own, an
  // enterprise those it is party to); keep a school's own records and give a party's approval.
  'cooperation.read',
  'cooperation.manage',
  // 产教融合型企业: read applications and the incentive ledger in scope (an enterprise: its own);
  // apply (the enterprise, or the register's keeper for it); review (the certifying bureau decides,
  // re-checks and revokes; the joint-review bureaus sign the 会签单); record incentives granted.
  'certification.read',
  'certification.apply',
  'certification.review',
  'certification.incentive',
  // 实训基地: read bases in scope (a school or enterprise also the district's bases in operation,
  // which it may book); keep a base (区发改科技局 the high-level ones, a school its own); book sessions.
  'trainingBase.read',
  'trainingBase.manage',
  'trainingBase.book',
  // 职教集团: read groups the unit belongs to (the district: all); keep them (区教育局, the lead unit).
  'vetGroup.read',
  'vetGroup.manage',
  // 学籍: read the student register in scope (a school its own, the coordinator the district);
  // keep a school's own register (cohorts from 报到, status changes).
  'learner.read',
  'learner.manage',
  // 学分银行: the district's reviewer (区教育局's coordinator) recognises (认定) or refuses learning
  // outcomes, revokes them, and keeps the district's learning-outcome catalogue (学习成果名录).
  'creditBank.review',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Marker for routes anyone may call (public portal, login, health). */
export const PUBLIC = 'public' as const;
/** Marker for routes any signed-in user may call (own profile, logout, password change). */
export const AUTHENTICATED = 'authenticated' as const;
/** A route needs one permission, or any one of a list (the service then checks the finer rule). */
export type RoutePermission = Permission | readonly Permission[] | typeof PUBLIC | typeof AUTHENTICATED;

export const ROLES = [
  'coordinator',
  'unit_clerk',
  'inspector',
  'viewer',
  'system_admin',
  'security_admin',
  'audit_admin',
] as const;
export type Role = (typeof ROLES)[number];

/** The three separated administrator roles (三权分立); each needs a second factor (TOTP). */
export const ADMIN_ROLES: readonly Role[] = ['system_admin', 'security_admin', 'audit_admin'];

/**
 * The roles the security administrator grants (授予角色) to an account the system administrator
 * created: every role but the administrators' (those come from the command line only).
 */
export const BUSINESS_ROLES: readonly Role[] = ROLES.filter((r) => !ADMIN_ROLES.includes(r));

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // 区教育局 plan coordinator: keeps the plan, reviews progress, sees every unit.
  coordinator: [
    'plan.read',
    'plan.manage',
    'progress.report',
    'progress.review',
    'alert.read',
    'alert.acknowledge',
    'file.upload',
    'org.read',
    'supervision.read',
    'supervision.manage',
    'supervision.inspect',
    'meeting.read',
    'meeting.manage',
    'consultation.manage',
    'enrollment.read',
    'enrollment.manage',
    'teacher.read',
    'teacher.review',
    'program.read',
    'program.review',
    'enterprise.read',
    'enterprise.manage',
    'internship.read',
    'cooperation.read',
    'certification.read',
    'certification.review',
    'trainingBase.read',
    'vetGroup.read',
    'vetGroup.manage',
    'learner.read',
    'creditBank.review',
  ],
  // Clerk of a 责任单位 (bureau, school, enterprise): reports on its own tasks, answers its orders.
  unit_clerk: [
    'plan.read',
    'progress.report',
    'alert.read',
    'alert.acknowledge',
    'file.upload',
    'org.read',
    'supervision.read',
    'supervision.respond',
    'meeting.read',
    'meeting.remark',
    'enrollment.read',
    'enrollment.preferences',
    'enrollment.register',
    'teacher.read',
    'teacher.manage',
    'program.read',
    'program.manage',
    'enterprise.read',
    'enterprise.manage',
    'internship.read',
    'internship.post',
    'internship.place',
    'cooperation.read',
    'cooperation.manage',
    'certification.read',
    'certification.apply',
    'certification.review',
    'certification.incentive',
    'trainingBase.read',
    'trainingBase.manage',
    'trainingBase.book',
    'vetGroup.read',
    'vetGroup.manage',
    'learner.read',
    'learner.manage',
  ],
  // 督学 / inspector: works on the inspections they are named on (findings, orders, verification).
  inspector: [
    'plan.read',
    'alert.read',
    'alert.acknowledge',
    'file.upload',
    'org.read',
    'supervision.read',
    'supervision.inspect',
  ],
  // Leaders and observers: read only.
  viewer: [
    'plan.read',
    'alert.read',
    'org.read',
    'supervision.read',
    'meeting.read',
    'teacher.read',
    'program.read',
    'enterprise.read',
    'internship.read',
    'cooperation.read',
    'certification.read',
    'trainingBase.read',
    'vetGroup.read',
  ],
  // 系统管理员: org units and accounts (never roles of administrators, never the audit log).
  system_admin: ['org.read', 'org.manage', 'user.manage'],
  // 安全管理员: roles, unlocks, password resets, second factors.
  security_admin: ['org.read', 'user.security'],
  // 审计管理员: reads and verifies the audit log; changes nothing.
  audit_admin: ['audit.read', 'audit.verify'],
};

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  coordinator: { zh: '计划统筹（教育局）', en: 'Plan coordinator' },
  unit_clerk: { zh: '责任单位填报员', en: 'Unit reporter' },
  inspector: { zh: '督学（督导检查）', en: 'Inspector' },
  viewer: { zh: '领导查阅', en: 'Viewer' },
  system_admin: { zh: '系统管理员', en: 'System administrator' },
  security_admin: { zh: '安全管理员', en: 'Security administrator' },
  audit_admin: { zh: '审计管理员', en: 'Audit administrator' },
};

/**
 * What a role may do. An account without a role (`null`: created by the system administrator,
 * not yet granted one by the security administrator) may do nothing.
 */
export function permissionsOf(role: Role | null): readonly Permission[] {
  return role === null ? [] : ROLE_PERMISSIONS[role];
}

export function isAdminRole(role: Role | null): boolean {
  return role !== null && ADMIN_ROLES.includes(role);
}

/** Groups of schools that are not vocational: they keep no teacher register, majors or projects. */
export const NON_VOCATIONAL_SCHOOL_GROUPS: readonly string[] = ['junior-high', 'general-high'];

/**
 * Whether a unit keeps a vocational school's records — its teacher register (双师型), majors,
 * courses and projects: a school that is neither a junior high nor a general high school. A
 * bureau, a junior high's enrolment liaison or 区一中 holds the permissions as a unit clerk, but
 * has no such records to keep; the server refuses them and the menus leave those pages out.
 *
 * @example keepsVocationalRecords({ type: 'school', groups: ['public', 'junior-high'] }) // false
 */
export function keepsVocationalRecords(unit: { type: string; groups: readonly string[] }): boolean {
  return unit.type === 'school' && !unit.groups.some((g) => NON_VOCATIONAL_SCHOOL_GROUPS.includes(g));
}

/**
 * Whether a unit takes part in the 中考 enrolment as a school: a junior high fills its candidates'
 * preferences, a high school or vocational school records 报到. A bureau has no part in it.
 */
export function takesPartInEnrollment(unit: { type: string }): boolean {
  return unit.type === 'school';
}
