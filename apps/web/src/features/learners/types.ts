import type { ApiBody, ApiResponse } from '@/lib/api-client';

/** Shapes of the learners API, named by their routes. */

export type LearnerSummary = ApiResponse<'get', '/api/learners'>['items'][number];
export type LearnerList = ApiResponse<'get', '/api/learners'>;
export type LearnerDetail = ApiResponse<'get', '/api/learners/{id}'>['learner'];
export type StatusHistoryLine = LearnerDetail['history'][number];
export type CohortBody = ApiBody<'post', '/api/learners/enrollment-cohorts'>;
export type CohortResult = ApiResponse<'post', '/api/learners/enrollment-cohorts'>;
export type StatusChangeBody = ApiBody<'post', '/api/learners/{id}/status-changes'>;
/** A school as the learners API names it. */
export type School = LearnerSummary['school'];
export type LearningOutcome = ApiResponse<'get', '/api/learners/{id}/outcomes'>['items'][number];
export type CreditAccount = ApiResponse<'get', '/api/learners/{id}/credit-account'>['account'];
export type OutcomeListItem = ApiResponse<'get', '/api/learning-outcomes'>['items'][number];
export type OutcomeBody = ApiBody<'post', '/api/learners/{id}/outcomes'>;
export type Catalogue = ApiResponse<'get', '/api/outcome-catalogues'>['items'][number];
export type CatalogueBody = ApiBody<'post', '/api/outcome-catalogues'>;
export type ConversionRule = ApiResponse<'get', '/api/conversion-rules'>['items'][number];
export type ConversionRuleBody = ApiBody<'post', '/api/conversion-rules'>;
export type Conversion = ApiResponse<'get', '/api/learners/{id}/conversions'>['items'][number];
export type QueuedConversion = ApiResponse<'get', '/api/credit-conversions'>['items'][number];
