import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { Items } from '@/lib/api-types';
import type { ApplicationDetail, ApplicationSummary } from '../types';
import { enc, teacherKeys } from './keys';
import { useTeacherMutation } from './mutate';

type Detail = { application: ApplicationDetail };

/** `GET /api/dq-applications`: applications of the schools the user sees (queues filter by state). */
export function useApplications(filter: { state?: string; teacherId?: string }) {
  return useQuery({
    queryKey: teacherKeys.applications(filter),
    queryFn: async () =>
      (
        await legacyApi<Items<ApplicationSummary>>('/api/dq-applications', {
          query: { ...filter, limit: 500 },
        })
      ).items,
  });
}

/** One application with evidence, history and the criteria met / not met. */
export function useApplication(id: string | undefined) {
  return useQuery({
    queryKey: teacherKeys.application(id ?? ''),
    queryFn: async () => (await legacyApi<Detail>(`/api/dq-applications/${enc(id!)}`)).application,
    enabled: Boolean(id),
  });
}

export interface ApplicationBody {
  level: string;
  statement: string;
  evidenceFileIds: string[];
}

/** Files a 双师型 application for a teacher. */
export function useApply() {
  return useTeacherMutation(
    async ({ teacherId, body }: { teacherId: string; body: ApplicationBody }) =>
      (await legacyApi<Detail>(`/api/teachers/${enc(teacherId)}/dq-applications`, { method: 'POST', body }))
        .application,
  );
}

/** One step of the workflow: `resubmission`, `withdrawal`, `school-review` or `decision`. */
export function useApplicationStep() {
  return useTeacherMutation(
    async ({
      id,
      step,
      body,
    }: {
      id: string;
      step: 'resubmission' | 'withdrawal' | 'school-review' | 'decision';
      body?: unknown;
    }) =>
      (await legacyApi<Detail>(`/api/dq-applications/${enc(id)}/${step}`, { method: 'POST', body }))
        .application,
  );
}
