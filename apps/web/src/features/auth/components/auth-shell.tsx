import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { LangSwitch } from '@/components/lang-switch';
import { useT } from '@/lib/i18n';

/** Centred card on a quiet background for the login page. */
export function AuthShell({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{
        minHeight: '100vh',
        background: 'linear-gradient(180deg, #a61d24 0, #a61d24 220px, #f3f4f6 220px)',
        padding: 24,
      }}
    >
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LangSwitch ghost />
      </div>
      <Typography.Title level={2} style={{ color: '#fff', marginBottom: 4, letterSpacing: 2 }}>
        {t('app.name')}
      </Typography.Title>
      <Typography.Text style={{ color: 'rgba(255,255,255,0.85)', marginBottom: 24 }}>
        {t('app.fullName')}
      </Typography.Text>
      <Card style={{ width: 400, maxWidth: '100%', boxShadow: '0 6px 24px rgba(0,0,0,0.08)' }} title={title}>
        {children}
      </Card>
      <Link to="/" style={{ marginTop: 16 }}>
        {t('auth.toPublic')}
      </Link>
    </Flex>
  );
}
