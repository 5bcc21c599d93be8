import type { Permission } from '@zhijiao/contracts';
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

/**
 * Where a user lands after signing in: the account page a restriction demands, the page saying
 * the account waits for a role (no role granted yet), else the first page their role can use
 * (plan dashboard, then the admin pages).
 */
export function landingPath(me: Me): string {
  if (me.restriction === 'password_change') return '/account/password';
  if (me.restriction === 'totp_enrolment') return '/account/totp';
  if (me.role === null) return AWAITING_ROLE_PAGE;
  if (can(me, 'plan.read')) return '/plans';
  if (canAny(me, ['user.manage', 'user.security'])) return '/admin/users';
  if (can(me, 'org.manage')) return '/admin/org-units';
  if (can(me, 'audit.read')) return '/admin/audit';
  return '/';
}

/** Only same-site paths may be a post-login destination (no `//evil.example`). */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return null;
  return next;
}
