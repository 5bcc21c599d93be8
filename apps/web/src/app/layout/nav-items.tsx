import {
  AlertOutlined,
  ApartmentOutlined,
  BookOutlined,
  BuildOutlined,
  ClusterOutlined,
  AuditOutlined,
  CommentOutlined,
  ContactsOutlined,
  CarryOutOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  FormOutlined,
  HomeOutlined,
  IdcardOutlined,
  LineChartOutlined,
  PartitionOutlined,
  ScheduleOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShopOutlined,
  ReconciliationOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { PERMISSIONS, takesPartInEnrollment, type Permission } from '@zhijiao/contracts';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { worksOnCertification } from '@/features/certification';
import { worksOnInternships } from '@/features/internships';
import { worksOnCooperation } from '@/features/cooperation';
import { worksOnBases, worksOnGroups } from '@/features/training-bases';
import { SETTINGS_PERMISSIONS } from '@/features/settings';
import type { Me } from '@/lib/session';
import type { MessageKey } from '@/lib/i18n';
import { can, canAny, WORKBENCH_PAGE, worksOnRecords, worksOnSchoolRecords } from '@/lib/permissions';

interface NavEntry {
  key: string;
  label: MessageKey;
  icon: ReactNode;
  path: string;
  /** Shown when the user holds any of these. */
  permissions: readonly Permission[];
  /** And only when this holds of the user's unit (a school's records, the enrolment's schools). */
  appliesTo?: (me: Me) => boolean;
  group?: 'admin';
}

/**
 * Whether the plan's work pages are the unit's: an enterprise's account holds a unit clerk's
 * permissions (for its posts and interns), but an enterprise is no 责任单位 of the plan — it reports
 * no progress, is not inspected and sits on no joint meeting — so those menus would only ever be
 * empty for it.
 */
const worksOnPlan = (me: Me) => me.orgUnit.type !== 'enterprise';

/**
 * Navigation in menu order; each entry shows only for users holding one of its permissions, and
 * whose unit the entry applies to: the teacher register and the majors only where such records
 * are kept (not at a bureau or a junior high), the enrolment only for 招生办 and the schools.
 */
export function navEntries(planPath: string): NavEntry[] {
  return [
    {
      key: 'workbench',
      label: 'workbench.nav',
      icon: <HomeOutlined />,
      path: WORKBENCH_PAGE,
      permissions: PERMISSIONS,
      appliesTo: worksOnRecords,
    },
    {
      key: 'overview',
      label: 'nav.overview',
      icon: <DashboardOutlined />,
      path: planPath,
      permissions: ['plan.read'],
    },
    {
      key: 'indicators',
      label: 'nav.indicators',
      icon: <LineChartOutlined />,
      path: '/indicators',
      permissions: ['plan.read'],
    },
    {
      key: 'progress',
      label: 'nav.progress',
      icon: <FormOutlined />,
      path: '/progress',
      permissions: ['progress.report'],
      appliesTo: worksOnPlan,
    },
    {
      key: 'review',
      label: 'nav.review',
      icon: <AuditOutlined />,
      path: '/review',
      permissions: ['progress.review'],
    },
    {
      key: 'alerts',
      label: 'nav.alerts',
      icon: <AlertOutlined />,
      path: '/alerts',
      permissions: ['alert.read'],
    },
    {
      key: 'supervision',
      label: 'supervision.nav',
      icon: <SafetyCertificateOutlined />,
      path: '/supervision',
      permissions: ['supervision.read'],
      appliesTo: worksOnPlan,
    },
    {
      key: 'teachers',
      label: 'teachers.nav',
      icon: <SolutionOutlined />,
      path: '/teachers',
      permissions: ['teacher.read'],
      appliesTo: (me) => worksOnSchoolRecords(me, 'teacher.manage'),
    },
    {
      key: 'learners',
      label: 'learners.nav',
      icon: <ContactsOutlined />,
      path: '/learners',
      permissions: ['learner.read'],
      appliesTo: (me) => worksOnSchoolRecords(me, 'learner.manage'),
    },
    {
      key: 'enrollment',
      label: 'enrollment.nav',
      icon: <ReconciliationOutlined />,
      path: '/enrollment',
      permissions: ['enrollment.read'],
      appliesTo: (me) => can(me, 'enrollment.manage') || takesPartInEnrollment(me.orgUnit),
    },
    {
      key: 'programs',
      label: 'programs.nav',
      icon: <BookOutlined />,
      path: '/programs',
      permissions: ['program.read'],
      appliesTo: (me) => worksOnSchoolRecords(me, 'program.manage'),
    },
    {
      key: 'enterprises',
      label: 'enterprises.nav',
      icon: <ShopOutlined />,
      path: '/enterprises',
      permissions: ['enterprise.read'],
    },
    {
      key: 'internships',
      label: 'internships.nav',
      icon: <IdcardOutlined />,
      path: '/internships/posts',
      permissions: ['internship.read'],
      appliesTo: worksOnInternships,
    },
    {
      key: 'cooperation',
      label: 'cooperation.nav',
      icon: <PartitionOutlined />,
      path: '/cooperation/agreements',
      permissions: ['cooperation.read'],
      appliesTo: worksOnCooperation,
    },
    {
      key: 'certification',
      label: 'certification.nav',
      icon: <SafetyCertificateOutlined />,
      path: '/certification/applications',
      permissions: ['certification.read'],
      appliesTo: worksOnCertification,
    },
    {
      key: 'training-bases',
      label: 'trainingBases.nav',
      icon: <BuildOutlined />,
      path: '/training-bases',
      permissions: ['trainingBase.read'],
      appliesTo: worksOnBases,
    },
    {
      key: 'vet-groups',
      label: 'vetGroups.nav',
      icon: <ClusterOutlined />,
      path: '/vet-groups',
      permissions: ['vetGroup.read'],
      appliesTo: worksOnGroups,
    },
    {
      key: 'meetings',
      label: 'meetings.nav',
      icon: <ScheduleOutlined />,
      path: '/meetings',
      permissions: ['meeting.read'],
      appliesTo: worksOnPlan,
    },
    {
      key: 'action-items',
      label: 'meetings.navItems',
      icon: <CarryOutOutlined />,
      path: '/meetings/action-items',
      permissions: ['meeting.read'],
      appliesTo: worksOnPlan,
    },
    {
      key: 'consultation',
      label: 'consultation.nav',
      icon: <CommentOutlined />,
      path: '/consultation',
      permissions: ['consultation.manage'],
    },
    {
      key: 'settings',
      label: 'settings.nav',
      icon: <SettingOutlined />,
      path: '/settings',
      permissions: SETTINGS_PERMISSIONS,
    },
    {
      key: 'users',
      label: 'nav.users',
      icon: <TeamOutlined />,
      path: '/admin/users',
      permissions: ['user.manage', 'user.security'],
      group: 'admin',
    },
    {
      key: 'org-units',
      label: 'nav.orgUnits',
      icon: <ApartmentOutlined />,
      path: '/admin/org-units',
      permissions: ['org.manage'],
      group: 'admin',
    },
    {
      key: 'audit',
      label: 'nav.audit',
      icon: <FileSearchOutlined />,
      path: '/admin/audit',
      permissions: ['audit.read'],
      group: 'admin',
    },
  ];
}

/** Which menu entry a path belongs to (`/tasks/…` and `/indicators/…` count as the plan). */
export function selectedNavKey(pathname: string): string | undefined {
  if (pathname.startsWith(WORKBENCH_PAGE)) return 'workbench';
  if (pathname.startsWith('/plans') || pathname.startsWith('/tasks')) return 'overview';
  if (pathname.startsWith('/indicators')) return 'indicators';
  if (pathname.startsWith('/progress')) return 'progress';
  if (pathname.startsWith('/review')) return 'review';
  if (pathname.startsWith('/alerts')) return 'alerts';
  if (pathname.startsWith('/consultation')) return 'consultation';
  if (pathname.startsWith('/supervision')) return 'supervision';
  if (pathname.startsWith('/enrollment')) return 'enrollment';
  if (pathname.startsWith('/teachers')) return 'teachers';
  if (pathname.startsWith('/learners')) return 'learners';
  if (pathname.startsWith('/programs')) return 'programs';
  if (pathname.startsWith('/enterprises')) return 'enterprises';
  if (pathname.startsWith('/internships')) return 'internships';
  if (pathname.startsWith('/cooperation')) return 'cooperation';
  if (pathname.startsWith('/certification')) return 'certification';
  if (pathname.startsWith('/training-bases')) return 'training-bases';
  if (pathname.startsWith('/vet-groups')) return 'vet-groups';
  if (pathname.startsWith('/meetings/action-items')) return 'action-items';
  if (pathname.startsWith('/meetings')) return 'meetings';
  if (pathname.startsWith('/settings')) return 'settings';
  if (pathname.startsWith('/admin/users')) return 'users';
  if (pathname.startsWith('/admin/org-units')) return 'org-units';
  if (pathname.startsWith('/admin/audit')) return 'audit';
  return undefined;
}

/** antd Menu items for the user; links carry `data-testid="nav-<key>"`. */
export function menuItems(
  me: Me,
  planPath: string,
  t: (key: MessageKey) => string,
): NonNullable<MenuProps['items']> {
  const visible = navEntries(planPath).filter(
    (entry) => canAny(me, entry.permissions) && (entry.appliesTo?.(me) ?? true),
  );
  const toItem = (entry: NavEntry) => ({
    key: entry.key,
    icon: entry.icon,
    label: (
      <Link to={entry.path} data-testid={`nav-${entry.key}`}>
        {t(entry.label)}
      </Link>
    ),
  });
  const main = visible.filter((e) => !e.group).map(toItem);
  const admin = visible.filter((e) => e.group === 'admin').map(toItem);
  if (admin.length === 0) return main;
  if (main.length === 0) return admin;
  return [...main, { type: 'group' as const, key: 'admin', label: t('nav.admin'), children: admin }];
}
