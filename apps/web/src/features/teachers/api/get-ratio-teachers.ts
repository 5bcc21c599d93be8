import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { teacherKeys } from './keys';

/** `GET /api/dq-ratio/teachers`: the teachers counted in a unit's ratio at a date, recognised ones marked. */
export async function getRatioTeachers(orgUnitId: string, date: string | undefined) {
  return (await api.get('/api/dq-ratio/teachers', { query: { orgUnitId, date, limit: 1000 } })).items;
}

export function useRatioTeachers(orgUnitId: string | undefined, date: string | undefined) {
  return useQuery({
    queryKey: teacherKeys.ratioTeachers(orgUnitId ?? '', date),
    queryFn: () => getRatioTeachers(orgUnitId!, date),
    enabled: Boolean(orgUnitId),
  });
}
