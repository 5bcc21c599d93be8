import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { Indicator } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

export interface IndicatorPoint {
  periodId: string;
  periodLabel: string;
  endsOn: string;
  value: number | null;
  source: 'report' | 'metric';
}

export interface IndicatorDetail {
  indicator: Indicator;
  history: IndicatorPoint[];
  drillDown?: { label: string; value: number | null }[];
}

/** One indicator with its value per period (reported or computed) and, for metrics, a breakdown. */
export async function getIndicator(id: string): Promise<IndicatorDetail> {
  return legacyApi<IndicatorDetail>(`/api/indicators/${encodeURIComponent(id)}`);
}

export function useIndicator(id: string) {
  return useQuery({ queryKey: queryKeys.indicator(id), queryFn: () => getIndicator(id) });
}
