import { api, type ApiBody } from '@/lib/api-client';
import { useInternshipMutation } from './mutate';

export type PlacementInput = ApiBody<'post', '/api/internship-placements'>;

/** Places a student of the user's school on a published post. */
export async function createPlacement(body: PlacementInput) {
  return (await api.post('/api/internship-placements', { body })).placement;
}

export const useCreatePlacement = () => useInternshipMutation(createPlacement);
