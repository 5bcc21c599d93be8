import type { OutcomeStatus } from '@zhijiao/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, download, postForm } from '@/lib/api-client';
import type { CatalogueBody, OutcomeBody } from '../types';
import { learnerKeys } from './keys';
import { useLearnerMutation } from './mutate';

/** `GET /api/learning-outcomes`: outcomes of the learners the user sees, of one status or all, paged. */
export async function getOutcomeList(query: { status?: OutcomeStatus; limit: number; offset: number }) {
  return api.get('/api/learning-outcomes', { query });
}

export function useOutcomeList(query: { status?: OutcomeStatus; limit: number; offset: number }) {
  return useQuery({
    queryKey: learnerKeys.outcomeList(query),
    queryFn: () => getOutcomeList(query),
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/outcome-catalogues?year=`: the district's catalogue versions of a year, newest first. */
export function useCatalogues(year: number) {
  return useQuery({
    queryKey: learnerKeys.catalogues(year),
    queryFn: async () => (await api.get('/api/outcome-catalogues', { query: { year } })).items,
  });
}

/**
 * `GET /api/learning-outcomes/{id}/recognition-check`: what recognising the outcome today would do —
 * the catalogue's suggested credits (tenths), or every reason it would be refused.
 */
export function useRecognitionCheck(id: string) {
  return useQuery({
    queryKey: learnerKeys.recognitionCheck(id),
    queryFn: () => api.get('/api/learning-outcomes/{id}/recognition-check', { path: { id } }),
  });
}

/** `POST /api/learners/{id}/outcomes`: the school's clerk records an outcome (待认定). */
export function useRecordOutcome() {
  return useLearnerMutation(async ({ id, body }: { id: string; body: OutcomeBody }) =>
    api.post('/api/learners/{id}/outcomes', { path: { id }, body }),
  );
}

/** `POST /api/learning-outcomes/{id}/recognition`: 认定, credits in tenths (default the catalogue's). */
export function useRecogniseOutcome() {
  return useLearnerMutation(async ({ id, body }: { id: string; body: { credits?: number; note?: string } }) =>
    api.post('/api/learning-outcomes/{id}/recognition', { path: { id }, body }),
  );
}

/** `POST /api/learning-outcomes/{id}/refusal` (不予认定) or `…/revocation` (撤销), with the reason. */
export function useDecideOutcome(decision: 'refusal' | 'revocation') {
  return useLearnerMutation(async ({ id, reason }: { id: string; reason: string }) =>
    decision === 'refusal'
      ? api.post('/api/learning-outcomes/{id}/refusal', { path: { id }, body: { reason } })
      : api.post('/api/learning-outcomes/{id}/revocation', { path: { id }, body: { reason } }),
  );
}

/** `POST /api/learning-outcomes/imports`: 1+X results for the clerk's school (all or nothing). */
export function useImportOutcomes() {
  return useLearnerMutation((file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return postForm('/api/learning-outcomes/imports', form);
  });
}

/** `GET /api/learning-outcomes/import-template.xlsx`: the blank 1+X results template. */
export function downloadOutcomesTemplate() {
  return download('get', '/api/learning-outcomes/import-template.xlsx', {}, '1+X证书结果导入模板.xlsx');
}

/** `GET /api/outcome-catalogues`: every version of the district's catalogue, newest first. */
export function useAllCatalogues() {
  return useQuery({
    queryKey: [...learnerKeys.all, 'outcome-catalogues', 'all'],
    queryFn: async () => (await api.get('/api/outcome-catalogues', { query: {} })).items,
  });
}

/** `POST /api/outcome-catalogues`: the district's reviewer publishes a year's next version. */
export function useCreateCatalogue() {
  return useLearnerMutation(async (body: CatalogueBody) => api.post('/api/outcome-catalogues', { body }));
}
