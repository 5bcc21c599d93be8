import type { FindingState, OrderState } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { findingsQuery, ordersQuery } from './supervision.repository.ts';
import { findingAbilities, orderAbilities } from './supervision.policy.ts';
import { orderDaysLate, orderTier } from './supervision.rules.ts';

type FindingRow = Awaited<ReturnType<ReturnType<typeof findingsQuery>['execute']>>[number];
type OrderRow = Awaited<ReturnType<ReturnType<typeof ordersQuery>['execute']>>[number];

/** Tier and lateness of an order: none once closed. */
export function orderTiming(state: OrderState, dueDate: string, closedOn: string | null, today: string) {
  const open = state !== 'closed';
  return {
    daysLate: open ? orderDaysLate(dueDate, today) : orderDaysLate(dueDate, closedOn ?? dueDate),
    tier: open ? orderTier(dueDate, today) : null,
    closedOnTime: closedOn ? closedOn <= dueDate : null,
  };
}

/** A finding as the API answers it, with what the actor may do next. */
export function findingOut(actor: Actor, r: FindingRow, inspectorIds: readonly string[], today: string) {
  return {
    id: r.id,
    inspection: { id: r.inspectionId, title: r.inspectionTitle, kind: r.inspectionKind },
    unit: { id: r.orgUnitId, code: r.unitCode, name: r.unitName },
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    subjectLabel: r.subjectLabel,
    evidence: r.evidence,
    title: r.title,
    description: r.description,
    severity: r.severity,
    state: r.state as FindingState,
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
    abilities: findingAbilities(actor, {
      districtId: r.districtId,
      state: r.inspectionState,
      inspectorIds,
      findingState: r.state,
      hasOrder: r.orderId !== null,
    }),
  };
}

/** An order as the API answers it, with its tier on `today` and what the actor may do next. */
export function orderOut(actor: Actor, r: OrderRow, inspectorIds: readonly string[], today: string) {
  return {
    id: r.id,
    finding: { id: r.findingId, title: r.findingTitle },
    inspection: { id: r.inspectionId, title: r.inspectionTitle },
    unit: { id: r.orgUnitId, code: r.unitCode, name: r.unitName },
    title: r.title,
    requirements: r.requirements,
    state: r.state,
    issuedOn: r.issuedOn,
    originalDueDate: r.originalDueDate,
    dueDate: r.dueDate,
    closedOn: r.closedOn,
    ...orderTiming(r.state, r.dueDate, r.closedOn, today),
    pendingExtension: Boolean(r.pendingExtension),
    link: `/supervision/orders/${r.id}`,
    abilities: orderAbilities(actor, {
      districtId: r.districtId,
      orgUnitId: r.orgUnitId,
      inspectorIds,
      state: r.state,
      pendingExtension: Boolean(r.pendingExtension),
    }),
  };
}
