import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { supervisionKeys } from './keys';

/** One inspection with inspectors, scope, schedule, findings and publication. */
export async function getInspection(id: string) {
  return (await api.get('/api/supervision/inspections/{id}', { path: { id } })).inspection;
}

export function useInspection(id: string) {
  return useQuery({ queryKey: supervisionKeys.inspection(id), queryFn: () => getInspection(id) });
}
