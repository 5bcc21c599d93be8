import { CommentOutlined, FileTextOutlined, LoginOutlined, TrophyOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Layout, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { LangSwitch } from '@/components/lang-switch';
import { Loading, QueryError } from '@/components/query-state';
import { useT } from '@/lib/i18n';
import { useSession } from '@/lib/session';
import { usePublicPlans } from '../api/get-public-plans';
import { PublicPlanView } from './public-plan-view';

/** `/`: the public portal — published plans with their tasks and public indicators; no login needed. */
export function PublicHome() {
  const t = useT();
  const me = useSession();
  const plans = usePublicPlans();
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
          <Space size={12}>
            <span
              style={{
                display: 'inline-flex',
                width: 36,
                height: 36,
                borderRadius: 6,
                background: '#fff',
                color: '#a61d24',
                fontWeight: 700,
                fontSize: 20,
                alignItems: 'center',
                justifyContent: 'center',
              }}
            >
              职
            </span>
            <Typography.Text style={{ color: '#fff', fontSize: 18, fontWeight: 600, letterSpacing: 1 }}>
              {t('app.portalTitle')}
            </Typography.Text>
          </Space>
          <Space>
            <span style={{ color: '#fff' }}>
              <LangSwitch ghost />
            </span>
            <Link to="/consultations" data-testid="public-consultations-link">
              <Button ghost icon={<CommentOutlined />}>
                {t('consultation.portal.link')}
              </Button>
            </Link>
            <Link to="/public/supervision-reports" data-testid="public-supervision-link">
              <Button ghost icon={<FileTextOutlined />}>
                {t('supervision.public.link')}
              </Button>
            </Link>
            <Link to="/public/enrollment/results" data-testid="public-enrollment-link">
              <Button ghost icon={<TrophyOutlined />}>
                {t('enrollment.public.link')}
              </Button>
            </Link>
            <Link to={me ? '/start' : '/login'}>
              <Button icon={<LoginOutlined />} data-testid="public-login">
                {me ? t('public.enter') : t('public.login')}
              </Button>
            </Link>
          </Space>
        </Flex>
      </Layout.Header>
      <div
        style={{
          background: 'linear-gradient(180deg, #a61d24 0, #a61d24 40px, transparent 40px)',
          height: 40,
        }}
      />
      <Layout.Content
        style={{ width: '100%', maxWidth: 1200, margin: '-24px auto 0', padding: '0 24px 24px' }}
      >
        {plans.isPending && <Loading />}
        {plans.isError && <QueryError error={plans.error} onRetry={() => void plans.refetch()} />}
        {plans.data?.length === 0 && (
          <Empty style={{ padding: 64, background: '#fff' }} description={t('public.noPlans')} />
        )}
        {plans.data?.map((plan) => (
          <PublicPlanView key={plan.code} summary={plan} />
        ))}
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: '#8c8c8c', background: 'transparent' }}>
        {t('app.footer')}
      </Layout.Footer>
    </Layout>
  );
}
