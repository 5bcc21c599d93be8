import { isAdminRole, keepsVocationalRecords, type Permission } from '@zhijiao/contracts';
import type { Me } from './session';

/** Where an account without a role (not yet granted by the security administrator) is sent. */
export const AWAITING_ROLE_PAGE = '/account/awaiting-role';

/** Whether the user holds a permission (a restricted session holds none). */
export function can(me: Me | null | undefined, permission: Permission): boolean {
  return !!me && me.permissions.includes(permission);
}

/** Whether the user holds any of the permissions. */
export function canAny(me: Me | null | undefined, permissions: readonly Permission[]): boolean {
  return permissions.some((p) => can(me, p));
}

/** The workbench (工作台, 我的待办): where every account with a role lands. */
export const WORKBENCH_PAGE = '/workbench';

/**
 * Whether the account works with the district's records (every business role): the three
 * separated administrators read none, so they have no workbench and no message centre.
 */
export function worksOnRecords(me: Me): boolean {
  return me.role !== null && !isAdminRole(me.role);
}

/**
 * Where a user lands after signing in: the account page a restriction demands, the page saying
 * the account waits for a role (no role granted yet), the workbench with what waits for a
 * business role (so a junior high's liaison no longer lands on a dashboard of zeros), an
 * administrator's own page.
 */
export function landingPath(me: Me): string {
  if (me.restriction === 'password_change') return '/account/password';
  if (me.restriction === 'totp_enrolment') return '/account/totp';
  if (me.role === null) return AWAITING_ROLE_PAGE;
  if (worksOnRecords(me)) return WORKBENCH_PAGE;
  if (canAny(me, ['user.manage', 'user.security'])) return '/admin/users';
  if (can(me, 'org.manage')) return '/admin/org-units';
  return '/admin/audit';
}

/**
 * Whether the user keeps a vocational school's records with `permission` (teacher register,
 * majors, courses, projects, resources): the permission, held at a vocational school — the
 * server refuses a bureau, a junior high and a general high school (`keepsVocationalRecords`).
 */
export function canKeepSchoolRecords(me: Me | null | undefined, permission: Permission): boolean {
  return !!me && can(me, permission) && keepsVocationalRecords(me.orgUnit);
}

/**
 * Whether the user's unit works on a page about a school's records: a district-wide reader
 * (coordinator, viewer: no own-unit keeping permission) always; a unit's clerk only at a unit that
 * keeps such records. `keep` is the permission of keeping them (`teacher.manage` …).
 */
export function worksOnSchoolRecords(me: Me | null | undefined, keep: Permission): boolean {
  if (!me) return false;
  return !can(me, keep) || keepsVocationalRecords(me.orgUnit);
}

/** Only same-site paths may be a post-login destination (no `//evil.example`). */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return null;
  return next;
}
