import { useQuery } from '@tanstack/react-query';
import type { CourseCategory, TextbookType } from '@zhijiao/contracts';
import { legacyApi } from '@/lib/api-client';
import type { Items } from '@/lib/api-types';
import type { Course } from '../types';
import { enc, programKeys } from './keys';
import { useProgramMutation } from './mutate';

/** `GET /api/courses`: courses of the schools the user sees, with their textbooks. */
export function useCourses(filter: { schoolId?: string; majorId?: string } = {}) {
  return useQuery({
    queryKey: programKeys.courses(filter),
    queryFn: async () => (await legacyApi<Items<Course>>('/api/courses', { query: filter })).items,
  });
}

export interface CourseBody {
  majorId?: string | null;
  code: string;
  name: string;
  category: CourseCategory;
  hours?: number | null;
}

export interface TextbookBody {
  title: string;
  isbn: string;
  publisher: string;
  nationalPlanned: boolean;
  textbookType: TextbookType;
  hasDigitalResources: boolean;
  digitalResources: string;
}

/** Adds a course at the user's school. */
export function useAddCourse() {
  return useProgramMutation((body: CourseBody) =>
    legacyApi<{ course: Course }>('/api/courses', { method: 'POST', body }),
  );
}

/** Adds a textbook to a course. */
export function useAddTextbook() {
  return useProgramMutation(({ courseId, body }: { courseId: string; body: TextbookBody }) =>
    legacyApi<{ course: Course }>(`/api/courses/${enc(courseId)}/textbooks`, { method: 'POST', body }),
  );
}

/** Removes a textbook. */
export function useRemoveTextbook() {
  return useProgramMutation((id: string) =>
    legacyApi<{ course: Course }>(`/api/textbooks/${enc(id)}`, { method: 'DELETE' }),
  );
}
