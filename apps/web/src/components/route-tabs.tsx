import { Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';

/** One page of a feature shown as a tab. */
export interface RouteTab {
  path: string;
  label: ReactNode;
  /** `data-testid` of the tab's label. */
  testId?: string;
}

/**
 * The pages of one menu entry as tabs (实习岗位 | 实习安排): the tab of the page shown — the longest
 * tab path the address is in, so a record's page keeps its list's tab — else the first; choosing
 * a tab opens its page.
 *
 * @example
 * <RouteTabs tabs={[{ path: '/internships/posts', label: t('internships.tab.posts') }, …]} />
 */
export function RouteTabs({ tabs }: { tabs: readonly RouteTab[] }) {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const within = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  const active =
    tabs.filter((tab) => within(tab.path)).sort((a, b) => b.path.length - a.path.length)[0]?.path ??
    tabs[0]?.path;
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => navigate(key)}
      style={{ marginTop: -8, marginBottom: 8 }}
      items={tabs.map((tab) => ({
        key: tab.path,
        label: tab.testId ? <span data-testid={tab.testId}>{tab.label}</span> : tab.label,
      }))}
    />
  );
}
