import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, download } from '@/lib/api-client';
import type { ConversionRuleBody } from '../types';
import { learnerKeys } from './keys';
import { useLearnerMutation } from './mutate';

/** `GET /api/conversion-rules`: the conversion rules of the schools the user sees, newest first. */
export function useConversionRules() {
  return useQuery({
    queryKey: [...learnerKeys.all, 'conversion-rules'],
    queryFn: async () => (await api.get('/api/conversion-rules')).items,
  });
}

/** `POST /api/conversion-rules`: the school's clerk publishes a rule of its own school. */
export function useCreateConversionRule() {
  return useLearnerMutation(async (body: ConversionRuleBody) => api.post('/api/conversion-rules', { body }));
}

/** `GET /api/learners/{id}/conversions`: the learner's conversions, oldest first. */
export function useConversions(id: string) {
  return useQuery({
    queryKey: [...learnerKeys.all, 'conversions', id],
    queryFn: async () => (await api.get('/api/learners/{id}/conversions', { path: { id } })).items,
  });
}

/** `POST /api/learners/{id}/conversions`: 申请转换 under a rule (checked and explained by the server). */
export function useApplyForConversion() {
  return useLearnerMutation(async ({ id, ruleId }: { id: string; ruleId: string }) =>
    api.post('/api/learners/{id}/conversions', { path: { id }, body: { ruleId } }),
  );
}

/** `POST /api/credit-conversions/{id}/approval` or `…/refusal` (with the reason): the district's reviewer. */
export function useDecideConversion() {
  return useLearnerMutation(async ({ id, reason }: { id: string; reason?: string }) =>
    reason === undefined
      ? api.post('/api/credit-conversions/{id}/approval', { path: { id } })
      : api.post('/api/credit-conversions/{id}/refusal', { path: { id }, body: { reason } }),
  );
}

/** `GET /api/credit-conversions?status=applied`: the pending conversions the user sees (待审转换), a page and the total. */
export function useConversionQueue(query: { limit: number; offset: number }) {
  return useQuery({
    queryKey: [...learnerKeys.all, 'conversion-queue', query],
    queryFn: () => api.get('/api/credit-conversions', { query: { status: 'applied', ...query } }),
    placeholderData: keepPreviousData,
  });
}

/** `POST /api/credit-conversions/{id}/reverse`: 撤销转换 with the reason (the district's reviewer). */
export function useReverseConversion() {
  return useLearnerMutation(async ({ id, reason }: { id: string; reason: string }) =>
    api.post('/api/credit-conversions/{id}/reverse', { path: { id }, body: { reason } }),
  );
}

/** `GET /api/learners/{id}/credit-bank-export.xlsx` or `/api/credit-bank/export.xlsx`: the national credit bank's file. */
export function downloadCreditBankExport(learnerId?: string) {
  return learnerId
    ? download(
        'get',
        '/api/learners/{id}/credit-bank-export.xlsx',
        { path: { id: learnerId } },
        '国家学分银行学习成果.xlsx',
      )
    : download('get', '/api/credit-bank/export.xlsx', {}, '国家学分银行学习成果.xlsx');
}
