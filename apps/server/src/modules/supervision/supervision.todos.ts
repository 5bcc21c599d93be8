import type { OrderState } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { daysLateOf, type TodoItem, type TodoSource } from '../../platform/todos/todo-sources.ts';
import { unitRefsByIds } from '../org/index.ts';
import { listInspectionsWithCounts } from './inspections.repository.ts';
import { listOrderRows, type OrderRow } from './orders.repository.ts';
import { supervisionView } from './supervision.policy.ts';

type Lang = 'zh' | 'en';

/** Orders of one state listed at most per todo kind (the orders page pages through the rest). */
const LIMIT = 200;

const STEP = {
  answer: { zh: '整改反馈', en: 'Answer the order' },
  verify: { zh: '复核整改', en: 'Verify the answer' },
  close: { zh: '整改销号', en: 'Close the order' },
  extension: { zh: '审批延期申请', en: 'Decide the extension request' },
} as const;
type Step = keyof typeof STEP;

/**
 * Todo source `supervision`:
 * - `order_to_answer`: orders issued or returned to the actor's own unit (its clerks answer);
 * - `order_to_verify`, `order_to_close`, `extension_to_decide`: for an inspector, the orders of
 *   the inspections they are named on (the coordinator: the district's) that wait for them;
 * - `inspection_in_progress`: inspections under way the actor is named on as inspector.
 */
export function createSupervisionTodos(deps: { db: Executor }): TodoSource {
  return async (actor: Actor, lang: Lang, today: string) => {
    const p = actor.permissions;
    const out: TodoItem[] = [];
    const orders = (state: OrderState) =>
      listOrderRows(deps.db, { view: supervisionView(actor), state }, { limit: LIMIT, offset: 0 });
    if (p.has('supervision.respond')) {
      const own = [...(await orders('issued')), ...(await orders('returned'))];
      out.push(...own.filter((o) => o.orgUnitId === actor.orgUnitId).map((o) => orderItem('answer', o)));
    }
    if (p.has('supervision.inspect')) {
      const answered = await orders('answered');
      const open = [...(await orders('issued')), ...(await orders('returned')), ...answered];
      out.push(
        ...answered.map((o) => orderItem('verify', o)),
        ...(await orders('verified')).map((o) => orderItem('close', o)),
        ...open.filter((o) => o.pendingExtension).map((o) => orderItem('extension', o)),
        ...(await inspectionItems(deps.db, actor, lang, today)),
      );
    }
    const units = await unitRefsByIds(
      deps.db,
      out.map((t) => t.unit.id),
    );
    return out.flatMap((t) => {
      const unit = units.get(t.unit.id);
      return unit ? [{ ...t, unit: { id: unit.id, code: unit.code, name: unit.name } }] : [];
    });

    function orderItem(step: Step, o: OrderRow): TodoItem {
      const dueDate = step === 'close' ? null : o.dueDate;
      return {
        id: `supervision:${step}:${o.id}`,
        source: 'supervision',
        kind: step === 'extension' ? 'extension_to_decide' : `order_to_${step}`,
        title: `${STEP[step][lang]}${lang === 'zh' ? '：' : ': '}${o.title}`,
        unit: { id: o.orgUnitId, code: '', name: '' },
        dueDate,
        daysLate: daysLateOf(dueDate, today),
        link: `/supervision/orders/${o.id}`,
        count: null,
      };
    }
  };
}

/** Inspections under way that name the actor as an inspector (not merely visible to them). */
async function inspectionItems(db: Executor, actor: Actor, lang: Lang, today: string): Promise<TodoItem[]> {
  const named = { kind: 'inspector', userId: actor.userId, districtId: actor.districtId } as const;
  const rows = await listInspectionsWithCounts(db, named, { state: 'in_progress', limit: LIMIT, offset: 0 });
  return rows.map((i) => ({
    id: `supervision:inspection:${i.id}`,
    source: 'supervision',
    kind: 'inspection_in_progress',
    title:
      lang === 'zh'
        ? `督导检查：${i.title}（记录发现问题，已记 ${i.findings} 个）`
        : `Inspection: ${i.title} (record findings; ${i.findings} so far)`,
    unit: { id: i.districtId, code: '', name: '' },
    dueDate: i.endsOn,
    daysLate: daysLateOf(i.endsOn, today),
    link: `/supervision/inspections/${i.id}`,
    count: i.findings,
  }));
}
