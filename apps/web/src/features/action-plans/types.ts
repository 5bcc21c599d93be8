/**
 * The plan's shapes, named by the route that answers them (`@zhijiao/contracts/api`), so a
 * changed server schema is a compile error here.
 */
import type { ApiBody, ApiQuery, ApiResponse } from '@/lib/api-client';

export type PlanSummary = ApiResponse<'get', '/api/plans'>['items'][number];
export type Period = ApiResponse<'get', '/api/plans/{code}/periods'>['items'][number];

export type Dashboard = ApiResponse<'get', '/api/plans/{code}/dashboard'>;
export type DashboardKpis = Dashboard['kpis'];
export type DashboardSection = Dashboard['sections'][number];
export type UnitStatus = Dashboard['units'][number];
export type TaskSummary = DashboardSection['tasks'][number];

export type Indicator = ApiResponse<'get', '/api/plans/{code}/indicators'>['items'][number];
export type IndicatorDetail = ApiResponse<'get', '/api/indicators/{id}'>;
export type IndicatorPoint = IndicatorDetail['history'][number];
export type PlanMilestone = ApiResponse<'get', '/api/plans/{code}/milestones'>['items'][number];

export type TaskDetail = ApiResponse<'get', '/api/tasks/{id}'>;

export type ReportSummary = ApiResponse<'get', '/api/progress-reports'>['items'][number];
export type ReportDetail = ApiResponse<'get', '/api/progress-reports/{id}'>['report'];
export type ReportFilter = NonNullable<ApiQuery<'get', '/api/progress-reports'>>;
/** What a unit writes in a report (the form's answer). */
export type ReportBody = ApiBody<'put', '/api/progress-reports/{id}'>;

export type Alert = ApiResponse<'get', '/api/alerts'>['items'][number];

export type PublicPlan = ApiResponse<'get', '/api/public/plans/{code}'>;
export type PublicIndicator = PublicPlan['indicators'][number];
export type PublicSection = PublicPlan['sections'][number];

export type Evaluation = ApiResponse<'get', '/api/plans/{code}/evaluation'>['evaluation'];
export type EvaluationBody = ApiBody<'put', '/api/plans/{code}/evaluation'>;
export type Lifecycle = Dashboard['lifecycle'];
