import { api } from '@/lib/api-client';
import type { ApplicationContent } from '../types';
import { useTeacherMutation } from './mutate';

/** `POST /api/teachers/{id}/dq-applications`: the school applies for a 双师型 level, with evidence. */
export async function applyForRecognition({
  teacherId,
  body,
}: {
  teacherId: string;
  body: ApplicationContent;
}) {
  return (await api.post('/api/teachers/{id}/dq-applications', { path: { id: teacherId }, body }))
    .application;
}

export function useApplyForRecognition() {
  return useTeacherMutation(applyForRecognition);
}
