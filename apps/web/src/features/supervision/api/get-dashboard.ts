import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { SupervisionDashboard } from '../types';
import { supervisionKeys } from './keys';

/** Orders by state and colour tier, findings by state, per unit, and the most overdue orders, in the actor's scope. */
export async function getSupervisionDashboard(): Promise<SupervisionDashboard> {
  return legacyApi<SupervisionDashboard>('/api/supervision/dashboard', { query: { limit: 50 } });
}

export function useSupervisionDashboard() {
  return useQuery({ queryKey: supervisionKeys.dashboard, queryFn: getSupervisionDashboard });
}
