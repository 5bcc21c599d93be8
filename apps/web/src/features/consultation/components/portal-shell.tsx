import { HomeOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { LangSwitch } from '@/components/lang-switch';
import { useT } from '@/lib/i18n';

/** Frame of the public consultation pages: the portal's red header, a link home, the content. */
export function PortalShell({ children }: { children: ReactNode }) {
  const t = useT();
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
          style={{ width: '100%', maxWidth: 1000, margin: '0 auto' }}
        >
          <Typography.Text style={{ color: '#fff', fontSize: 18, fontWeight: 600 }}>
            {t('consultation.portal.title')}
          </Typography.Text>
          <Flex gap={8} align="center">
            <span style={{ color: '#fff' }}>
              <LangSwitch ghost />
            </span>
            <Link to="/">
              <Button ghost icon={<HomeOutlined />}>
                {t('consultation.portal.home')}
              </Button>
            </Link>
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ width: '100%', maxWidth: 1000, margin: '0 auto', padding: 24 }}>
        {children}
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: '#8c8c8c', background: 'transparent' }}>
        {t('app.footer')}
      </Layout.Footer>
    </Layout>
  );
}
