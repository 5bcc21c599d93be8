import type { ApiResponse } from '@/lib/api-client';

/** Shapes of the consultation API (editors' `/api/consultations…`, the portal's `/api/public/consultations…`). */
export type EditorConsultationSummary = ApiResponse<'get', '/api/consultations'>['items'][number];
export type EditorConsultationDetail = ApiResponse<'get', '/api/consultations/{id}'>;
export type EditorComment = EditorConsultationDetail['comments'][number];
export type Clause = EditorConsultationDetail['clauses'][number];
export type PublicConsultationSummary = ApiResponse<'get', '/api/public/consultations'>['items'][number];
export type PublicConsultationDetail = ApiResponse<'get', '/api/public/consultations/{id}'>;
export type PublicComment = PublicConsultationDetail['comments'][number];
export type VersionDiff = ApiResponse<'get', '/api/consultations/{id}/diff'>;
export type DiffOp = VersionDiff['clauses'][number]['ops'][number];
export type SummaryDocument = ApiResponse<'get', '/api/public/consultations/{id}/summary'>;
