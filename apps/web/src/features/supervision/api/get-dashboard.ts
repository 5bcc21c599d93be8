import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { supervisionKeys } from './keys';

/** Orders by state and colour tier, findings by state, per unit, and the most overdue orders, in the actor's scope. */
export function getSupervisionDashboard() {
  return api.get('/api/supervision/dashboard', { query: { limit: 50 } });
}

export function useSupervisionDashboard() {
  return useQuery({ queryKey: supervisionKeys.dashboard, queryFn: getSupervisionDashboard });
}
