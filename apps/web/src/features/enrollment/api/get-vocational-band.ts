import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { useCurrentPlan } from '@/lib/current-plan';
import { queryKeys } from '@/lib/query-keys';
import { VOCATIONAL_SHARE_METRIC, DEFAULT_BAND, type VocationalBand } from '../lib/vocational-band';

/**
 * The plan's target band for 职普比: the current plan's indicator computed from enrolment (metric
 * `enrollment.vocationalShare`, comparator `between`), else the plan's “大体相当” read as 45–55 %.
 * Shares the plan-indicator cache with the indicator pages.
 */
export function useVocationalBand(): VocationalBand {
  const plan = useCurrentPlan();
  const indicators = useQuery({
    queryKey: queryKeys.planIndicators(plan?.code ?? ''),
    queryFn: async () =>
      (await api.get('/api/plans/{code}/indicators', { path: { code: plan!.code } })).items,
    enabled: !!plan,
    staleTime: 5 * 60_000,
  });
  const found = indicators.data?.find(
    (i) =>
      i.metric === VOCATIONAL_SHARE_METRIC &&
      i.comparator === 'between' &&
      i.targetLow !== null &&
      i.targetHigh !== null,
  );
  return found
    ? { low: found.targetLow! / 100, high: found.targetHigh! / 100, indicator: found.code }
    : DEFAULT_BAND;
}
