import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { Items } from '@/lib/api-types';
import type { DqSettings, Hire, Hires, Ratio, RatioTeacher } from '../types';
import { enc, teacherKeys } from './keys';
import { useTeacherMutation } from './mutate';

/** `GET /api/dq-ratio`: the ratio per school at a date (default today), within what the user sees. */
export function useRatio(date: string | undefined) {
  return useQuery({
    queryKey: teacherKeys.ratio(date),
    queryFn: () => legacyApi<Ratio>('/api/dq-ratio', { query: { date } }),
  });
}

/** The teachers counted in a school's ratio at a date, recognised ones marked. */
export function useRatioTeachers(orgUnitId: string | undefined, date: string | undefined) {
  return useQuery({
    queryKey: teacherKeys.ratioTeachers(orgUnitId ?? '', date),
    queryFn: async () =>
      (
        await legacyApi<Items<RatioTeacher>>('/api/dq-ratio/teachers', {
          query: { orgUnitId, date, limit: 1000 },
        })
      ).items,
    enabled: Boolean(orgUnitId),
  });
}

/** The district's settings (part-time teachers in the ratio, per-level criteria). */
export function useDqSettings() {
  return useQuery({
    queryKey: teacherKeys.settings,
    queryFn: () => legacyApi<DqSettings>('/api/dq-settings'),
  });
}

/** Records whether part-time teachers count (criteria kept as they are). */
export function useSaveCountPartTime() {
  return useTeacherMutation(({ countPartTime, criteria }: { countPartTime: boolean; criteria: unknown }) =>
    legacyApi<DqSettings>('/api/dq-settings', { method: 'PUT', body: { countPartTime, criteria } }),
  );
}

/** `GET /api/teacher-hires`: 2020+ 专业课 hires checked against the recruitment rule. */
export function useHires() {
  return useQuery({ queryKey: teacherKeys.hires, queryFn: () => legacyApi<Hires>('/api/teacher-hires') });
}

/** Grants an exception to the recruitment rule, with its reason. */
export function useGrantException() {
  return useTeacherMutation(({ teacherId, reason }: { teacherId: string; reason: string }) =>
    legacyApi<{ hire: Hire }>(`/api/teachers/${enc(teacherId)}/hire-exception`, {
      method: 'POST',
      body: { reason },
    }),
  );
}
