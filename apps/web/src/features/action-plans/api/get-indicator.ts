import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { IndicatorDetail } from '../types';

/** One indicator with its value per period (reported or computed) and, for metrics, a breakdown. */
export async function getIndicator(id: string): Promise<IndicatorDetail> {
  return api.get('/api/indicators/{id}', { path: { id } });
}

export function useIndicator(id: string) {
  return useQuery({ queryKey: queryKeys.indicator(id), queryFn: () => getIndicator(id) });
}
