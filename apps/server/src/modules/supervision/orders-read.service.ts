import type { Actor } from '../../platform/auth/actor.ts';
import { findUserRefs } from '../../platform/auth/users.repository.ts';
import { firstReadable } from '../../platform/files/attachments.ts';
import { findStoredFiles } from '../../platform/files/files.repository.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { listExtensions, listOrderEvents, listOrderIdsWithFile, listOrderRows } from './orders.repository.ts';
import { loadOrder, todayOf, listContext, unitNamer } from './supervision.access.ts';
import { supervisionView } from './supervision.policy.ts';
import { blueFrom } from './supervision.rules.ts';
import type { OrdersFilter } from './supervision.schema.ts';
import { orderOut } from './supervision.views.ts';

/**
 * An order with the file `fileId` among its answer's evidence that the actor may read (as
 * `getOrder` would let them), or null: the file route serves evidence through it.
 */
export async function readableOrderWithFile(deps: ModuleDeps, actor: Actor, fileId: string) {
  const ids = await listOrderIdsWithFile(deps.db, fileId);
  return firstReadable(ids, (id) => loadOrder(deps.db, actor, id));
}

/** One order with the unit's answer, its evidence files, extension requests and history. */
export async function getOrder(deps: ModuleDeps, actor: Actor, id: string) {
  const order = await loadOrder(deps.db, actor, id);
  const [files, extensions, events, unit] = await Promise.all([
    findStoredFiles(deps.db, order.evidenceFileIds),
    listExtensions(deps.db, id),
    listOrderEvents(deps.db, id),
    unitNamer(deps.db, [order.orgUnitId]),
  ]);
  const actors = await findUserRefs(
    deps.db,
    events.map((e) => e.actorId),
  );
  return {
    ...orderOut(actor, order, unit(order.orgUnitId), order.inspectorIds, todayOf(deps)),
    measures: order.measures,
    reviewComment: order.reviewComment,
    answeredAt: order.answeredAt,
    verifiedAt: order.verifiedAt,
    files: order.evidenceFileIds.flatMap((fileId) => {
      const f = files.get(fileId);
      return f ? [{ id: f.id, name: f.name, sizeBytes: f.sizeBytes, mime: f.mime }] : [];
    }),
    extensions,
    events: events.map(({ actorId, ...e }) => ({
      ...e,
      actor: (actorId && actors.get(actorId)?.displayName) ?? '',
    })),
  };
}

/** Orders the actor sees (a unit: its own), by deadline; `overdue`, `dueSoon`: open ones only. */
export async function listOrders(deps: ModuleDeps, actor: Actor, q: OrdersFilter) {
  const today = todayOf(deps);
  const rows = await listOrderRows(
    deps.db,
    {
      view: supervisionView(actor),
      state: q.state,
      inspectionId: q.inspectionId,
      orgUnitId: q.orgUnitId,
      dueBefore: q.overdue ? today : undefined,
      dueBy: q.dueSoon ? blueFrom(today) : undefined,
    },
    q,
  );
  const { inspectorsOf, unit } = await listContext(deps.db, rows);
  return rows.map((r) => orderOut(actor, r, unit(r.orgUnitId), inspectorsOf(r), today));
}
