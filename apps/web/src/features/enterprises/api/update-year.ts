import { api } from '@/lib/api-client';
import type { YearChange } from '../types';
import { useEnterpriseMutation } from './mutate';

/** `PUT /api/enterprises/{id}/years/{year}`: a year's staff count, revenue and statistics-list answer. */
export async function updateYear({ id, year, body }: { id: string; year: number; body: YearChange }) {
  return (await api.put('/api/enterprises/{id}/years/{year}', { path: { id, year }, body })).enterprise;
}

export function useUpdateYear() {
  return useEnterpriseMutation(updateYear);
}
