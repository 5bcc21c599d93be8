import { Drawer, Grid, Layout, Menu, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useMatch } from 'react-router';
import { Loading } from '@/components/query-state';
import { rememberedPlan, usePlans } from '@/features/action-plans';
import type { Me } from '@/lib/session';
import { CurrentPlanContext, type CurrentPlan } from '@/lib/current-plan';
import { useT } from '@/lib/i18n';
import { can } from '@/lib/permissions';
import { BRAND_RED } from '../theme';
import { HeaderBar } from './header-bar';
import { menuItems, selectedNavKey } from './nav-items';

/** The plan the pages work on: the one in the URL, else the last visited, else the first published. */
function useCurrentPlanValue(me: Me): { plan: CurrentPlan | null; loading: boolean } {
  const match = useMatch('/plans/:code');
  const plans = usePlans({ enabled: can(me, 'plan.read') });
  const plan = useMemo(() => {
    const items = plans.data ?? [];
    const wanted = match?.params.code ?? rememberedPlan();
    const plan =
      items.find((p) => p.code === wanted) ?? items.find((p) => p.status === 'published') ?? items[0];
    return plan ? { code: plan.code, title: plan.title, titleEn: plan.titleEn } : null;
  }, [plans.data, match?.params.code]);
  return { plan, loading: plans.isLoading };
}

/** The brand at the top of the navigation: the 职 mark and, unless collapsed, the app's name. */
function Brand({ collapsed }: { collapsed: boolean }) {
  const t = useT();
  return (
    <Link
      to="/start"
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 10,
        height: 64,
        paddingInline: collapsed ? 22 : 20,
        background: BRAND_RED,
        overflow: 'hidden',
      }}
    >
      <span
        style={{
          flexShrink: 0,
          display: 'inline-flex',
          width: 32,
          height: 32,
          borderRadius: 6,
          background: '#fff',
          color: BRAND_RED,
          fontWeight: 700,
          fontSize: 18,
          alignItems: 'center',
          justifyContent: 'center',
        }}
      >
        职
      </span>
      {!collapsed && (
        <Typography.Text
          style={{
            color: '#fff',
            fontSize: 18,
            fontWeight: 600,
            letterSpacing: 2,
            whiteSpace: 'nowrap',
          }}
        >
          {t('app.name')}
        </Typography.Text>
      )}
    </Link>
  );
}

/**
 * Signed-in shell: brand and role-aware menu on the left, header bar on top, the page in the middle.
 * On a phone (under `md`) the menu is a drawer opened from the header, so the page has the width.
 */
export function AppLayout({ me }: { me: Me }) {
  const t = useT();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const phone = Grid.useBreakpoint().md === false;
  const { plan, loading } = useCurrentPlanValue(me);
  const planPath = plan ? `/plans/${encodeURIComponent(plan.code)}` : '/plans';
  const selected = selectedNavKey(location.pathname);
  // A link followed from the drawer closes it.
  useEffect(() => setDrawerOpen(false), [location.pathname]);
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      items={menuItems(me, planPath, t)}
      style={{ borderInlineEnd: 0 }}
      data-testid="nav"
    />
  );

  return (
    <CurrentPlanContext.Provider value={plan}>
      <Layout style={{ minHeight: '100vh' }}>
        {phone ? (
          <Drawer
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            placement="left"
            size={260}
            closable={false}
            styles={{ body: { padding: 0 } }}
            data-testid="nav-drawer"
          >
            <Brand collapsed={false} />
            {menu}
          </Drawer>
        ) : (
          <Layout.Sider
            width={220}
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            breakpoint="lg"
            style={{ borderInlineEnd: '1px solid #f0f0f0' }}
            theme="light"
          >
            <Brand collapsed={collapsed} />
            {menu}
          </Layout.Sider>
        )}
        <Layout>
          <Layout.Header
            style={{
              paddingInline: phone ? 12 : 24,
              borderBottom: '1px solid #f0f0f0',
              borderTop: `3px solid ${BRAND_RED}`,
              position: 'sticky',
              top: 0,
              zIndex: 10,
            }}
          >
            <HeaderBar me={me} onMenu={phone ? () => setDrawerOpen(true) : undefined} />
          </Layout.Header>
          <Layout.Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
            {/* Pages filter by the current plan, so they wait for it rather than fetch twice. */}
            {loading ? <Loading /> : <Outlet />}
          </Layout.Content>
          <Layout.Footer style={{ textAlign: 'center', color: '#595959', paddingBlock: 12 }}>
            {t('app.footer')}
          </Layout.Footer>
        </Layout>
      </Layout>
    </CurrentPlanContext.Provider>
  );
}
