import type { OrderState } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { UnitRef } from '../org/index.ts';
import type { FindingRow } from './findings.repository.ts';
import { findingWorkflow } from './findings.workflow.ts';
import { inspectionAbilities } from './inspections.workflow.ts';
import type { LoadedInspection } from './supervision.access.ts';
import type { OrderRow } from './orders.repository.ts';
import { orderAbilities } from './orders.workflow.ts';
import type { InterviewRow } from './records.repository.ts';
import { mayInspect } from './supervision.policy.ts';
import { orderDaysLate, orderTier } from './supervision.rules.ts';

/** Records as the API answers them, with what the actor may do next. */

/** Tier and lateness of an order: none once closed. */
export function orderTiming(state: OrderState, dueDate: string, closedOn: string | null, today: string) {
  const open = state !== 'closed';
  return {
    daysLate: open ? orderDaysLate(dueDate, today) : orderDaysLate(dueDate, closedOn ?? dueDate),
    tier: open ? orderTier(dueDate, today) : null,
    closedOnTime: closedOn ? closedOn <= dueDate : null,
  };
}

/** An inspection's summary with its counts. */
export function inspectionSummary(
  actor: Actor,
  i: Omit<LoadedInspection, 'schedule' | 'purpose' | 'conclusion'>,
  findingCount: number,
  openOrderCount: number,
) {
  return {
    id: i.id,
    kind: i.kind,
    state: i.state,
    title: i.title,
    documentNumber: i.documentNumber,
    startsOn: i.startsOn,
    endsOn: i.endsOn,
    findingCount,
    openOrderCount,
    completedAt: i.completedAt,
    abilities: inspectionAbilities(actor, i),
  };
}

/** A finding with its order's timing. */
export function findingOut(
  actor: Actor,
  r: FindingRow,
  unit: UnitRef,
  inspectorIds: readonly string[],
  today: string,
) {
  return {
    id: r.id,
    inspection: { id: r.inspectionId, title: r.inspectionTitle, kind: r.inspectionKind },
    unit,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    subjectLabel: r.subjectLabel,
    evidence: r.evidence,
    title: r.title,
    description: r.description,
    severity: r.severity,
    state: r.state,
    createdAt: r.createdAt,
    order:
      r.orderId && r.orderState && r.orderDueDate
        ? {
            id: r.orderId,
            state: r.orderState,
            dueDate: r.orderDueDate,
            ...orderTiming(r.orderState, r.orderDueDate, r.orderClosedOn, today),
          }
        : null,
    abilities: {
      issueOrder: r.orderId === null && findingWorkflow.can('issueOrder', actor, { ...r, inspectorIds }),
    },
  };
}

/** An order with its tier on `today`. */
export function orderOut(
  actor: Actor,
  r: OrderRow,
  unit: UnitRef,
  inspectorIds: readonly string[],
  today: string,
) {
  const pendingExtension = Boolean(r.pendingExtension);
  return {
    id: r.id,
    finding: { id: r.findingId, title: r.findingTitle },
    inspection: { id: r.inspectionId, title: r.inspectionTitle },
    unit,
    title: r.title,
    requirements: r.requirements,
    state: r.state,
    issuedOn: r.issuedOn,
    originalDueDate: r.originalDueDate,
    dueDate: r.dueDate,
    closedOn: r.closedOn,
    ...orderTiming(r.state, r.dueDate, r.closedOn, today),
    pendingExtension,
    link: `/supervision/orders/${r.id}`,
    abilities: orderAbilities(actor, { ...r, inspectorIds, pendingExtension }),
  };
}

/** An interview with its unit; who may follow up its commitments. */
export function interviewOut(actor: Actor, r: InterviewRow, unit: UnitRef, inspectorIds: readonly string[]) {
  const { districtId, orgUnitId: _u, findingIds: _f, ...rest } = r;
  return { ...rest, unit, abilities: { followUp: mayInspect(actor, { districtId, inspectorIds }) } };
}
