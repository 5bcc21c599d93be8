import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { DestinationBody } from '../destination-types';
import { learnerKeys } from './keys';
import { useLearnerMutation } from './mutate';

/** `GET /api/learners/{id}/destination`: a graduate's destination (null until recorded). */
export async function getDestination(id: string) {
  return api.get('/api/learners/{id}/destination', { path: { id } });
}

export function useDestination(id: string) {
  return useQuery({ queryKey: learnerKeys.destination(id), queryFn: () => getDestination(id) });
}

/** `PUT /api/learners/{id}/destination`: records or corrects a graduate's destination. */
export async function recordDestination({ id, body }: { id: string; body: DestinationBody }) {
  return api.put('/api/learners/{id}/destination', { path: { id }, body });
}

export function useRecordDestination() {
  return useLearnerMutation(recordDestination);
}

/** `GET /api/graduate-destinations`: a year's graduates with their destinations and the figures. */
export async function getGraduateDestinations(query: { graduationYear: number; schoolId?: string }) {
  return api.get('/api/graduate-destinations', { query });
}

export function useGraduateDestinations(query: { graduationYear: number; schoolId?: string }) {
  return useQuery({
    queryKey: learnerKeys.destinations(query),
    queryFn: () => getGraduateDestinations(query),
  });
}
