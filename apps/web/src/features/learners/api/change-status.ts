import { api } from '@/lib/api-client';
import type { StatusChangeBody } from '../types';
import { useLearnerMutation } from './mutate';

/** `POST /api/learners/{id}/status-changes`: 休学, 复学, 转学, 退学 or 毕业 on a day, with a reason. */
export async function changeStatus({ id, body }: { id: string; body: StatusChangeBody }) {
  return (await api.post('/api/learners/{id}/status-changes', { path: { id }, body })).learner;
}

export function useChangeStatus() {
  return useLearnerMutation(changeStatus);
}
