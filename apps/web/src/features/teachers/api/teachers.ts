import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { TeacherBody, TeacherDetail, TeacherSummary } from '../types';
import { enc, teacherKeys } from './keys';
import { useTeacherMutation } from './mutate';

export interface TeacherFilter {
  schoolId?: string;
  series?: string;
  status?: 'employed' | 'left' | 'all';
  specialised?: boolean;
  dq?: 'recognised' | 'not_recognised';
  q?: string;
  asOf?: string;
  limit?: number;
  offset?: number;
}

/** `GET /api/teachers`: the register of the schools the user sees (IDs and phones masked). */
export function useTeachers(filter: TeacherFilter) {
  return useQuery({
    queryKey: teacherKeys.list({ ...filter }),
    queryFn: () =>
      legacyApi<{ items: TeacherSummary[]; total: number }>('/api/teachers', {
        query: { limit: 100, ...filter } as Record<string, string | number | boolean | undefined>,
      }),
  });
}

/** `GET /api/teachers/:id`: one teacher with every part, recognitions and the recruitment check. */
export function useTeacher(id: string) {
  return useQuery({
    queryKey: teacherKeys.one(id),
    queryFn: async () => (await legacyApi<{ teacher: TeacherDetail }>(`/api/teachers/${enc(id)}`)).teacher,
  });
}

/** Creates (no id) or changes a teacher. */
export function useSaveTeacher() {
  return useTeacherMutation(async ({ id, body }: { id?: string; body: TeacherBody }) => {
    const res = await legacyApi<{ teacher: TeacherDetail }>(
      id ? `/api/teachers/${enc(id)}` : '/api/teachers',
      {
        method: id ? 'PUT' : 'POST',
        body,
      },
    );
    return res.teacher;
  });
}

/** The ID number, phone and birth date in clear (register keepers only; each view is audited). */
export function unmaskTeacher(id: string) {
  return legacyApi<{ idNumber: string; phone: string | null; birthDate: string }>(
    `/api/teachers/${enc(id)}/unmask`,
    {
      method: 'POST',
    },
  );
}

/** Records a recognition obtained before the system (district). */
export function useRecordRecognition() {
  return useTeacherMutation(
    ({
      id,
      body,
    }: {
      id: string;
      body: {
        level: string;
        certifyingBody: string;
        recognisedOn: string;
        validFrom?: string;
        validUntil?: string;
      };
    }) => legacyApi(`/api/teachers/${enc(id)}/recognitions`, { method: 'POST', body }),
  );
}
