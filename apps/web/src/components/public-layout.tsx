import {
  CommentOutlined,
  FileTextOutlined,
  HomeOutlined,
  LineChartOutlined,
  LoginOutlined,
  MenuOutlined,
  SafetyCertificateOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Layout, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { BRAND_RED } from '@/lib/brand';
import { useT } from '@/lib/i18n';
import { useSession } from '@/lib/session';
import { LangSwitch } from './lang-switch';
import { PageHeader } from './page-header';

/** The public portal's sections, in the order the header shows them. */
const SECTIONS = [
  { to: '/', label: 'public.nav.home', icon: <HomeOutlined />, testId: 'public-home-link' },
  {
    to: '/consultations',
    label: 'consultation.portal.link',
    icon: <CommentOutlined />,
    testId: 'public-consultations-link',
  },
  {
    to: '/public/supervision-reports',
    label: 'supervision.public.link',
    icon: <FileTextOutlined />,
    testId: 'public-supervision-link',
  },
  {
    to: '/public/enrollment/results',
    label: 'enrollment.public.lookupNav',
    icon: <TrophyOutlined />,
    testId: 'public-enrollment-link',
  },
  {
    to: '/public/enrollment/cutoffs',
    label: 'enrollment.public.cutoffsNav',
    icon: <LineChartOutlined />,
    testId: 'public-enrollment-cutoffs-link',
  },
  {
    to: '/public/credentials/verify',
    label: 'credentials.nav',
    icon: <SafetyCertificateOutlined />,
    testId: 'public-credentials-link',
  },
] as const;

const isCurrent = (pathname: string, to: string) =>
  to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);

/**
 * The one frame of every public page: the portal title (a link home), the same navigation
 * (征求意见, 督导报告, 录取查询, 分数线, 证书验证), the language switch and the way in, the page, a footer.
 * On a phone the navigation folds into a drawer so nothing scrolls sideways. `title` is the page's
 * one h1 (a page that sets its own h1 inside its content leaves it out).
 */
export function PublicLayout({
  children,
  footer,
  title,
}: {
  children: ReactNode;
  footer?: ReactNode;
  title?: ReactNode;
}) {
  const t = useT();
  const me = useSession();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const [menuOpen, setMenuOpen] = useState(false);
  const wide = screens.lg ?? true;
  const signIn = (
    <Link to={me ? '/start' : '/login'}>
      <Button icon={<LoginOutlined />} data-testid="public-login">
        {me ? t('public.enter') : t('public.login')}
      </Button>
    </Link>
  );
  const nav = SECTIONS.map((s) => (
    <Link key={s.to} to={s.to} data-testid={s.testId} onClick={() => setMenuOpen(false)}>
      <Button
        ghost={wide && !isCurrent(pathname, s.to)}
        type={isCurrent(pathname, s.to) ? 'default' : wide ? undefined : 'text'}
        icon={s.icon}
        block={!wide}
        style={wide ? undefined : { justifyContent: 'flex-start' }}
      >
        {t(s.label)}
      </Button>
    </Link>
  ));
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f6f8' }}>
      <Layout.Header
        style={{
          background: BRAND_RED,
          paddingInline: 16,
          height: 64,
          display: 'flex',
          alignItems: 'center',
        }}
      >
        <Flex
          justify="space-between"
          align="center"
          gap={12}
          style={{ width: '100%', maxWidth: 1200, margin: '0 auto' }}
        >
          <Link
            to="/"
            data-testid="public-title"
            style={{ minWidth: 0, display: 'flex', alignItems: 'center', gap: 10 }}
          >
            <span
              aria-hidden
              style={{
                display: 'inline-flex',
                flex: 'none',
                width: 36,
                height: 36,
                borderRadius: 6,
                background: '#fff',
                color: BRAND_RED,
                fontWeight: 700,
                fontSize: 20,
                alignItems: 'center',
                justifyContent: 'center',
              }}
            >
              职
            </span>
            <Typography.Text
              ellipsis
              style={{ color: '#fff', fontSize: wide ? 18 : 15, fontWeight: 600, letterSpacing: 1 }}
            >
              {t(screens.xxl ? 'app.portalTitle' : 'app.portalShortTitle')}
            </Typography.Text>
          </Link>
          {wide ? (
            <Space size={6}>
              {nav}
              <span style={{ color: '#fff' }}>
                <LangSwitch ghost />
              </span>
              {signIn}
            </Space>
          ) : (
            <Button
              ghost
              icon={<MenuOutlined />}
              aria-label={t('public.nav.menu')}
              data-testid="public-menu"
              onClick={() => setMenuOpen(true)}
            />
          )}
        </Flex>
      </Layout.Header>
      {!wide && (
        <Drawer
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          title={t('app.portalShortTitle')}
          size="default"
        >
          <Flex vertical gap={8}>
            {nav}
            <LangSwitch />
            {signIn}
          </Flex>
        </Drawer>
      )}
      <Layout.Content style={{ width: '100%', maxWidth: 1200, margin: '0 auto', padding: wide ? 24 : 12 }}>
        {title && <PageHeader title={title} />}
        {children}
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: '#595959', background: 'transparent' }}>
        {footer ?? t('app.footer')}
      </Layout.Footer>
    </Layout>
  );
}
