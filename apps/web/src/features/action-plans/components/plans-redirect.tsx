import { Navigate } from 'react-router';
import { Result } from 'antd';
import { QueryState } from '@/components/query-state';
import { useT } from '@/lib/i18n';
import { usePlans } from '../api/get-plans';
import { rememberedPlan } from '../remember-plan';

/** `/plans`: opens the last plan visited, else the first (published first) plan the user may read. */
export function PlansRedirect() {
  const t = useT();
  const plans = usePlans();
  return (
    <QueryState query={plans}>
      {(items) => {
        const remembered = rememberedPlan();
        const plan =
          items.find((p) => p.code === remembered) ?? items.find((p) => p.status === 'published') ?? items[0];
        if (!plan) return <Result status="info" title={t('plan.noPlan')} />;
        return <Navigate to={`/plans/${encodeURIComponent(plan.code)}`} replace />;
      }}
    </QueryState>
  );
}
