import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { LangSwitch } from '@/components/lang-switch';
import { useT } from '@/lib/i18n';
import { BRAND_RED } from '@/lib/brand';

/**
 * The login page's frame: a red band with the product name (the page's h1), the card overlapping
 * it; the band and the card are the page's main landmark.
 */
export function AuthShell({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  return (
    <main style={{ minHeight: '100vh', background: '#f3f4f6' }}>
      <div style={{ background: BRAND_RED, height: 240, position: 'relative' }}>
        <div style={{ position: 'absolute', top: 16, right: 24, color: '#fff' }}>
          <LangSwitch ghost />
        </div>
        <Flex vertical align="center" style={{ paddingTop: 64 }}>
          <Typography.Title level={1} style={{ color: '#fff', margin: 0, fontSize: 30, letterSpacing: 4 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text style={{ color: 'rgba(255,255,255,0.85)', marginTop: 8 }}>
            {t('app.fullName')}
          </Typography.Text>
        </Flex>
      </div>
      <Flex vertical align="center" style={{ marginTop: -64, padding: '0 16px 32px' }}>
        <Card
          style={{ width: 400, maxWidth: '100%', boxShadow: '0 6px 24px rgba(0,0,0,0.08)' }}
          title={title}
        >
          {children}
        </Card>
        <Link to="/" style={{ marginTop: 16 }}>
          {t('auth.toPublic')}
        </Link>
      </Flex>
    </main>
  );
}
