import type { ActionItemState } from '@zhijiao/contracts';
import type { Executor } from '../../platform/db/database.ts';
import { listActionItems, type ActionItemRow } from './action-items.repository.ts';

/** An action item as other modules see it (e.g. a supervision finding that names one). */
export interface ActionItemRef {
  id: string;
  meeting: { id: string; title: string; meetingDate: string };
  districtId: string;
  number: number;
  decision: string;
  responsibleUnit: { id: string; code: string; name: string };
  deadline: string;
  state: ActionItemState;
  completedOn: string | null;
}

/** An action item row as other modules (and the API) show it. */
export function toActionItemRef(r: ActionItemRow): ActionItemRef {
  return {
    id: r.id,
    meeting: { id: r.meetingId, title: r.meetingTitle, meetingDate: r.meetingDate },
    districtId: r.districtId,
    number: r.number,
    decision: r.decision,
    responsibleUnit: r.responsibleUnit,
    deadline: r.deadline,
    state: r.state,
    completedOn: r.completedOn,
  };
}

/**
 * Action items by id, unscoped (the caller applies its own access rules); unknown ids are left
 * out. For the supervision module, whose findings may reference an action item
 * (`subjectType: 'action_item'`).
 *
 * @example const [item] = await findActionItemsByIds(db, [finding.subjectId]);
 */
export async function findActionItemsByIds(db: Executor, ids: readonly string[]): Promise<ActionItemRef[]> {
  const rows = await listActionItems(db, { scope: null, ids: [...new Set(ids)] });
  return rows.map(toActionItemRef);
}
