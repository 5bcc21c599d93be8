import { Empty } from 'antd';
import { PublicLayout } from '@/components/public-layout';
import { Loading, QueryError } from '@/components/query-state';
import { useT } from '@/lib/i18n';
import { usePublicPlans } from '../api/get-public-plans';
import { PublicPlanView } from './public-plan-view';

/** `/`: the public portal — published plans with their tasks and public indicators; no login needed. */
export function PublicHome() {
  const t = useT();
  const plans = usePublicPlans();
  return (
    <PublicLayout title={t('public.homeTitle')}>
      {plans.isPending && <Loading />}
      {plans.isError && <QueryError error={plans.error} onRetry={() => void plans.refetch()} />}
      {plans.data?.length === 0 && (
        <Empty style={{ padding: 64, background: '#fff' }} description={t('public.noPlans')} />
      )}
      {plans.data?.map((plan) => (
        <PublicPlanView key={plan.code} plan={plan} />
      ))}
    </PublicLayout>
  );
}
