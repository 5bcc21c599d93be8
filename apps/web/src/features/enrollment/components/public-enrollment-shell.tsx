import { LoginOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { LangSwitch } from '@/components/lang-switch';
import { useT } from '@/lib/i18n';

/** The portal frame of the public enrolment pages: red header with 录取查询 / 分数线, content, footer. */
export function PublicEnrollmentShell({ children }: { children: ReactNode }) {
  const t = useT();
  const { pathname } = useLocation();
  const link = (to: string, label: string, testId: string) => (
    <Link to={to} data-testid={testId}>
      <Button ghost={pathname !== to} type={pathname === to ? 'default' : undefined}>
        {label}
      </Button>
    </Link>
  );
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f6f8' }}>
      <Layout.Header
        style={{
          background: '#a61d24',
          paddingInline: 24,
          height: 64,
          display: 'flex',
          alignItems: 'center',
        }}
      >
        <Flex
          justify="space-between"
          align="center"
          style={{ width: '100%', maxWidth: 1200, margin: '0 auto' }}
        >
          <Link to="/">
            <Typography.Text style={{ color: '#fff', fontSize: 18, fontWeight: 600, letterSpacing: 1 }}>
              {t('app.portalTitle')}
            </Typography.Text>
          </Link>
          <Space>
            {link(
              '/public/enrollment/results',
              t('enrollment.public.lookupNav'),
              'public-enrollment-lookup-link',
            )}
            {link(
              '/public/enrollment/cutoffs',
              t('enrollment.public.cutoffsNav'),
              'public-enrollment-cutoffs-link',
            )}
            <span style={{ color: '#fff' }}>
              <LangSwitch ghost />
            </span>
            <Link to="/login">
              <Button icon={<LoginOutlined />}>{t('public.login')}</Button>
            </Link>
          </Space>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ width: '100%', maxWidth: 1000, margin: '24px auto', padding: '0 24px' }}>
        {children}
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: '#8c8c8c', background: 'transparent' }}>
        {t('enrollment.public.footer')}
      </Layout.Footer>
    </Layout>
  );
}
