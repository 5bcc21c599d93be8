import type { ApiBody, ApiResponse } from '@/lib/api-client';

/** Shapes of the teachers API, named by their routes. */

export type TeacherSummary = ApiResponse<'get', '/api/teachers'>['items'][number];
export type TeacherDetail = ApiResponse<'get', '/api/teachers/{id}'>['teacher'];
/** A school as the teachers API names it. */
export type School = TeacherSummary['school'];
export type NewTeacher = ApiBody<'post', '/api/teachers'>;
export type TeacherChange = ApiBody<'put', '/api/teachers/{id}'>;

export type ApplicationSummary = ApiResponse<'get', '/api/dq-applications'>['items'][number];
export type ApplicationDetail = ApiResponse<'get', '/api/dq-applications/{id}'>['application'];
export type ApplicationContent = ApiBody<'post', '/api/teachers/{id}/dq-applications'>;

export type Ratio = ApiResponse<'get', '/api/dq-ratio'>;
export type Hire = ApiResponse<'get', '/api/teacher-hires'>['items'][number];
