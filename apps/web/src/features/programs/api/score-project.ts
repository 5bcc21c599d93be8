import { api, type ApiBody } from '@/lib/api-client';
import { useProgramMutation } from './mutate';

export type ScoreInput = ApiBody<'put', '/api/program-projects/{id}/score'>;

/** Records or revises the user's review score and opinion (评审). */
export async function scoreProject({ id, body }: { id: string; body: ScoreInput }) {
  return (await api.put('/api/program-projects/{id}/score', { path: { id }, body })).project;
}

export function useScoreProject() {
  return useProgramMutation(scoreProject);
}
