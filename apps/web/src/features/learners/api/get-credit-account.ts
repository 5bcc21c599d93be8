import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { learnerKeys } from './keys';

/** `GET /api/learners/{id}/credit-account`: the learner's credit-bank account — balance (tenths) and entries. */
export async function getCreditAccount(id: string) {
  return (await api.get('/api/learners/{id}/credit-account', { path: { id } })).account;
}

export function useCreditAccount(id: string) {
  return useQuery({ queryKey: learnerKeys.account(id), queryFn: () => getCreditAccount(id) });
}
