import type { IndicatorStatus } from '@zhijiao/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { Period, PlanSummary, TaskSummary, UnitRef } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

export interface DashboardKpis {
  tasks: number;
  tasksOnTrack: number;
  /** 0..1 */
  tasksOnTrackShare: number;
  tasksAtRisk: number;
  tasksBehind: number;
  tasksCompleted: number;
  tasksNotReported: number;
  indicators: number;
  indicatorsByStatus: Record<IndicatorStatus, number>;
  overdueReports: number;
  milestonesDue: number;
  milestonesOverdue: number;
  pendingReviews: number;
}

export interface DashboardSection {
  id: string;
  number: number;
  label: string;
  title: string;
  titleEn: string | null;
  tasks: TaskSummary[];
}

export interface UnitStatus {
  unit: UnitRef;
  lead: number;
  onTrack: number;
  atRisk: number;
  behind: number;
  completed: number;
  notReported: number;
}

export interface Dashboard {
  plan: PlanSummary;
  period: Period;
  kpis: DashboardKpis;
  sections: DashboardSection[];
  units: UnitStatus[];
}

/** The plan overview for one reporting period (the current one when `periodId` is empty). */
export async function getDashboard(planCode: string, periodId?: string): Promise<Dashboard> {
  return legacyApi<Dashboard>(`/api/plans/${encodeURIComponent(planCode)}/dashboard`, {
    query: { periodId },
  });
}

/** Keeps showing the previous period while the next one loads, so the page does not flash. */
export function useDashboard(planCode: string, periodId?: string) {
  return useQuery({
    queryKey: queryKeys.dashboard(planCode, periodId),
    queryFn: () => getDashboard(planCode, periodId),
    placeholderData: keepPreviousData,
  });
}
