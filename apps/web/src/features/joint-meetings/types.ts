import type { ApiResponse } from '@/lib/api-client';

/** Shapes of the joint-meeting API (`/api/meetings`, `/api/action-items`), named by route. */
export type MeetingSummary = ApiResponse<'get', '/api/meetings'>['items'][number];
export type MeetingDetail = ApiResponse<'get', '/api/meetings/{id}'>['meeting'];
export type StatusReport = MeetingDetail['statusReports'][number];
export type ActionItem = ApiResponse<'get', '/api/action-items'>['items'][number];
export type ActionItemDetail = ApiResponse<'get', '/api/action-items/{id}'>['actionItem'];
export type OrgUnitOption = ApiResponse<'get', '/api/org-units'>['items'][number];
