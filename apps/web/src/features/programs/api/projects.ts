import { useQuery } from '@tanstack/react-query';
import type { ProjectKind, ProjectLevel, ProjectState } from '@zhijiao/contracts';
import { legacyApi } from '@/lib/api-client';
import type { Items } from '@/lib/api-types';
import type { ProjectDetail, ProjectSummary } from '../types';
import { enc, programKeys } from './keys';
import { useProgramMutation } from './mutate';

export interface ProjectFilter {
  kind?: ProjectKind;
  level?: ProjectLevel;
  state?: ProjectState;
}

/** `GET /api/program-projects`: projects of the schools the user sees, newest first. */
export function useProjects(filter: ProjectFilter) {
  return useQuery({
    queryKey: programKeys.projects({ ...filter }),
    queryFn: async () =>
      (await legacyApi<Items<ProjectSummary>>('/api/program-projects', { query: { limit: 500, ...filter } }))
        .items,
  });
}

/** `GET /api/program-projects/:id`: one project with files, reviews and history. */
export function useProject(id: string | null) {
  return useQuery({
    queryKey: programKeys.project(id ?? ''),
    enabled: !!id,
    queryFn: async () =>
      (await legacyApi<{ project: ProjectDetail }>(`/api/program-projects/${enc(id!)}`)).project,
  });
}

export interface ProjectBody {
  kind: ProjectKind;
  title: string;
  summary: string;
  majorId?: string | null;
  courseId?: string | null;
  teacherName: string;
  fileIds: string[];
  submit: boolean;
}

/** Writes an application (a draft, or applied at once). */
export function useCreateProject() {
  return useProgramMutation((body: ProjectBody) =>
    legacyApi<{ project: ProjectDetail }>('/api/program-projects', { method: 'POST', body }),
  );
}

/** A step of the lifecycle: `submission`, `withdrawal`, `score`, `approval`, `rejection`, `midterm`, `acceptance`. */
export function useProjectStep() {
  return useProgramMutation(
    ({ id, step, body }: { id: string; step: string; body?: Record<string, unknown> }) =>
      legacyApi<{ project: ProjectDetail }>(`/api/program-projects/${enc(id)}/${step}`, {
        method: step === 'score' ? 'PUT' : 'POST',
        body,
      }),
  );
}
