/**
 * Shapes of the supervision (督导) API, named by their routes (the server's schemas are the only
 * definition: `apps/server/src/modules/supervision/*.schema.ts`).
 */
import type { ApiResponse } from '@/lib/api-client';

export type InspectionSummary = ApiResponse<'get', '/api/supervision/inspections'>['items'][number];
export type InspectionDetail = ApiResponse<'get', '/api/supervision/inspections/{id}'>['inspection'];
export type Finding = ApiResponse<'get', '/api/supervision/findings/{id}'>['finding'];
export type OrderSummary = ApiResponse<'get', '/api/supervision/orders'>['items'][number];
export type OrderDetail = ApiResponse<'get', '/api/supervision/orders/{id}'>['order'];
export type Extension = OrderDetail['extensions'][number];
export type Interview = ApiResponse<'get', '/api/supervision/inspections/{id}/interviews'>['items'][number];
export type Sanction = ApiResponse<'get', '/api/supervision/sanctions'>['items'][number];
export type Assessment = ApiResponse<'get', '/api/supervision/assessment'>;
export type AssessmentGrade = Assessment['rows'][number]['grade'];
export type SupervisionDashboard = ApiResponse<'get', '/api/supervision/dashboard'>;
export type PublicReportSummary = ApiResponse<'get', '/api/public/supervision-reports'>['items'][number];
export type PublicReport = ApiResponse<'get', '/api/public/supervision-reports/{id}'>;
export type DocumentBlock = PublicReport['document']['blocks'][number];
