import { useQuery } from '@tanstack/react-query';
import { api, type ApiBody } from '@/lib/api-client';
import { learnerKeys } from './keys';
import { useLearnerMutation } from './mutate';

export type ClassAssignmentBody = ApiBody<'post', '/api/learners/class-assignments'>;

/** `GET /api/learners/classes`: the classes (班级) of the registers the user sees, with their learners at school. */
export function getClasses(schoolId?: string) {
  return api.get('/api/learners/classes', { query: schoolId ? { schoolId } : {} });
}

export function useClasses(schoolId?: string) {
  return useQuery({ queryKey: learnerKeys.classes(schoolId ?? null), queryFn: () => getClasses(schoolId) });
}

/** `POST /api/learners/class-assignments`: 分班 — puts the chosen learners of one school into a class. */
export function assignClass(body: ClassAssignmentBody) {
  return api.post('/api/learners/class-assignments', { body });
}

export function useAssignClass() {
  return useLearnerMutation(assignClass);
}
