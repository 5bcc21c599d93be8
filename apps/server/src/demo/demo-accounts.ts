import type { Role } from '@zhijiao/contracts';
import type { Runtime } from '../runtime.ts';

/**
 * Demo accounts: the coordinator, four bureaus, five schools, two enterprises' liaisons (易通集团,
 * 振东集团: their register entry, internship posts and attendance), an inspector, the three
 * administrators, and a newcomer without a role (as the system administrator creates accounts),
 * waiting for the security administrator to grant one.
 */
export const DEMO_ACCOUNTS: Array<{ username: string; displayName: string; role: Role | null; org: string }> =
  [
    { username: 'coordinator', displayName: '区教育局 计划统筹', role: 'coordinator', org: 'SD-EDU' },
    { username: 'hrss', displayName: '区人社局 填报员', role: 'unit_clerk', org: 'SD-HRSS' },
    { username: 'finance', displayName: '区财政局 填报员', role: 'unit_clerk', org: 'SD-FIN' },
    { username: 'vhs', displayName: '区职业高中 填报员', role: 'unit_clerk', org: 'SD-VHS' },
    { username: 'vec', displayName: '区职教中心 填报员', role: 'unit_clerk', org: 'SD-VEC' },
    { username: 'jhs1', displayName: '上党区第一初级中学 招生联络员', role: 'unit_clerk', org: 'SD-JHS1' },
    { username: 'jhs2', displayName: '上党区实验初级中学 招生联络员', role: 'unit_clerk', org: 'SD-JHS2' },
    { username: 'hs1', displayName: '上党区第一中学 招生办', role: 'unit_clerk', org: 'SD-HS1' },
    { username: 'iit', displayName: '区工信局 填报员', role: 'unit_clerk', org: 'SD-IIT' },
    { username: 'drc', displayName: '区发改科技局 填报员', role: 'unit_clerk', org: 'SD-DRC' },
    { username: 'yitong', displayName: '易通集团 联络员', role: 'unit_clerk', org: 'SD-YITONG' },
    { username: 'zhendong', displayName: '振东集团 联络员', role: 'unit_clerk', org: 'SD-ZHENDONG' },
    { username: 'inspector', displayName: '区教育督导室 督学', role: 'inspector', org: 'SD-EDU' },
    { username: 'sysadmin', displayName: '系统管理员', role: 'system_admin', org: 'SD' },
    { username: 'secadmin', displayName: '安全管理员', role: 'security_admin', org: 'SD' },
    { username: 'auditadmin', displayName: '审计管理员', role: 'audit_admin', org: 'SD' },
    { username: 'newcomer', displayName: '区职教中心 新同事（待授予角色）', role: null, org: 'SD-VEC' },
  ];

/** Creates the demo accounts with random one-time passwords, returned once for printing. */
export async function createDemoAccounts(
  rt: Runtime,
): Promise<Array<{ username: string; displayName: string; role: Role | null; password: string }>> {
  const out = [];
  for (const a of DEMO_ACCOUNTS) {
    const { initialPassword } = await rt.services.org.users.createUser(null, {
      username: a.username,
      displayName: a.displayName,
      ...(a.role ? { role: a.role } : {}),
      orgUnitCode: a.org,
    });
    out.push({ username: a.username, displayName: a.displayName, role: a.role, password: initialPassword! });
  }
  return out;
}
