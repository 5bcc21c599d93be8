import type { Permission } from '@zhijiao/contracts';
import { Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import type { MessageKey } from '@/lib/i18n';
import { useT } from '@/lib/i18n';
import { canAny } from '@/lib/permissions';
import { useSession } from '@/lib/session';

const TABS: { path: string; label: MessageKey; permissions: Permission[] }[] = [
  { path: '/supervision', label: 'supervision.tab.overview', permissions: ['supervision.read'] },
  {
    path: '/supervision/inspections',
    label: 'supervision.tab.inspections',
    permissions: ['supervision.manage', 'supervision.inspect'],
  },
  { path: '/supervision/orders', label: 'supervision.tab.orders', permissions: ['supervision.read'] },
  {
    path: '/supervision/interviews',
    label: 'supervision.tab.interviews',
    permissions: ['supervision.manage', 'supervision.inspect'],
  },
  { path: '/supervision/assessment', label: 'supervision.tab.assessment', permissions: ['supervision.read'] },
];

/**
 * The pages of 督导评估 as tabs under the one menu entry: 总览, 督导检查, 整改通知, 约谈记录, 年度考评.
 * A unit clerk sees the ones that concern it (no inspections or interviews).
 */
export function SupervisionTabs() {
  const t = useT();
  const me = useSession();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const visible = TABS.filter((tab) => canAny(me, tab.permissions));
  const active = [...visible].reverse().find((tab) => pathname.startsWith(tab.path))?.path ?? '/supervision';
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => navigate(key)}
      style={{ marginTop: -8, marginBottom: 8 }}
      items={visible.map((tab) => ({
        key: tab.path,
        label: (
          <span data-testid={`supervision-tab-${tab.path.split('/')[2] ?? 'overview'}`}>{t(tab.label)}</span>
        ),
      }))}
    />
  );
}
