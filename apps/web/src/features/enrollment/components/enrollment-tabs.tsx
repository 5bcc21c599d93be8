import type { Permission } from '@zhijiao/contracts';
import { Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import type { MessageKey } from '@/lib/i18n';
import { useT } from '@/lib/i18n';
import { canAny } from '@/lib/permissions';
import { useSession } from '@/lib/session';

const TABS: { key: string; path: string; label: MessageKey; permissions: Permission[] }[] = [
  { key: 'seasons', path: '/enrollment', label: 'enrollment.tab.seasons', permissions: ['enrollment.read'] },
  {
    key: 'preferences',
    path: '/enrollment/preferences',
    label: 'enrollment.tab.preferences',
    permissions: ['enrollment.preferences'],
  },
  {
    key: 'matching',
    path: '/enrollment/matching',
    label: 'enrollment.tab.matching',
    permissions: ['enrollment.manage'],
  },
  {
    key: 'admissions',
    path: '/enrollment/admissions',
    label: 'enrollment.tab.admissions',
    permissions: ['enrollment.manage', 'enrollment.register'],
  },
  {
    key: 'simulation',
    path: '/enrollment/simulation',
    label: 'enrollment.tab.simulation',
    permissions: ['enrollment.manage'],
  },
];

/** Which tab a path belongs to: season pages count as 招生季, run pages as 录取. */
function activeTab(pathname: string): string {
  if (/^\/enrollment\/seasons\/[^/]+\/runs\//.test(pathname)) return 'matching';
  return (
    [...TABS].reverse().find((tab) => tab.path !== '/enrollment' && pathname.startsWith(tab.path))?.key ??
    'seasons'
  );
}

/**
 * The pages of 统一招生 as tabs under the one menu entry: 招生季, 志愿填报 (junior highs), 录取 and
 * 招生计划模拟 (招生办), 录取名单与报到 (receiving schools and 招生办).
 */
export function EnrollmentTabs() {
  const t = useT();
  const me = useSession();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const visible = TABS.filter((tab) => canAny(me, tab.permissions));
  return (
    <Tabs
      activeKey={activeTab(pathname)}
      onChange={(key) => navigate(TABS.find((tab) => tab.key === key)!.path)}
      style={{ marginTop: -8, marginBottom: 8 }}
      items={visible.map((tab) => ({
        key: tab.key,
        label: <span data-testid={`enrollment-tab-${tab.key}`}>{t(tab.label)}</span>,
      }))}
    />
  );
}
