import type { ApiBody, ApiResponse } from '@/lib/api-client';

/** Shapes of the enterprises API, named by their routes. */

export type EnterpriseList = ApiResponse<'get', '/api/enterprises'>;
export type EnterpriseSummary = EnterpriseList['items'][number];
export type EnterpriseDetail = ApiResponse<'get', '/api/enterprises/{id}'>['enterprise'];
export type EnterpriseYear = EnterpriseDetail['years'][number];
export type EnterpriseContact = EnterpriseDetail['contacts'][number];
export type NewEnterprise = ApiBody<'post', '/api/enterprises'>;
export type EnterpriseChange = ApiBody<'put', '/api/enterprises/{id}'>;
export type YearChange = ApiBody<'put', '/api/enterprises/{id}/years/{year}'>;
export type ContactsChange = ApiBody<'put', '/api/enterprises/{id}/contacts'>;
export type UnitOption = ApiResponse<'get', '/api/enterprises/unregistered-units'>['items'][number];
