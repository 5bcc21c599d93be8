import type { ErrorCode } from '@zhijiao/contracts';
import type { Kysely } from 'kysely';
import { auditActorOf, type Actor } from '../auth/actor.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Clock } from '../clock/clock.ts';
import type { Executor } from '../db/database.ts';
import type { Database } from '../db/database.types.ts';
import { AppError } from '../errors/app-error.ts';

/** One step of a workflow: the states it leaves, the state it reaches, who may take it. */
export interface Transition<State extends string, Facts> {
  /** States the step may start from. */
  from: readonly State[];
  /** The state after the step; omitted for a step that keeps the state (an edit). */
  to?: State;
  /** Whether the actor may take this step at all, whatever the state (false → 403). */
  may: (actor: Actor, facts: Facts) => boolean;
  /** The code refused with (409) when the actor may but the state does not allow it. */
  conflict?: ErrorCode;
  /** The action written to the history and the audit log (default: the step's name). */
  action?: string;
  /**
   * The step writes or changes the record's content (create, edit, submit, answer): its actor is
   * one of the record's authors from then on, as its history shows.
   */
  authors?: boolean;
  /**
   * The step judges the content (approve, return, verify): none of the record's authors may take
   * it, whatever their permissions (403 `SELF_REVIEW`). Needs the workflow's history.
   */
  reviews?: boolean;
}

/**
 * Who wrote or changed a record's content: the actors of its authoring steps (`authors`), from
 * `Workflow.authorsOf`. A subject that carries them gets abilities without review steps for its
 * authors; the guarded write refuses those steps to them either way.
 */
export interface Authored {
  authorIds: readonly string[];
}

/** Where a workflow writes: its table, its history rows and its audit rows. */
export interface WorkflowTables {
  /** The table holding the record and its `state` column (Kysely name, e.g. `rectificationOrder`). */
  table: keyof Database & string;
  /**
   * The history table (`{ [key]: id, at, actorId, action, comment }`), if the workflow keeps one;
   * `unitColumn`, if the table has it, keeps the unit the actor acted for (their unit at the step).
   */
  history?: { table: keyof Database & string; key: string; unitColumn?: string };
  /** Audit rows: `action` is `${auditPrefix}.${step action}`, `objectType` this. */
  auditPrefix: string;
  objectType: string;
  /** Set to the step's time on every move (default `updatedAt`; null for a table without one). */
  stampColumn?: string | null;
  /** The column holding the state (default `state`; e.g. `shareState`). */
  stateColumn?: string;
}

export interface WorkflowDefinition<State extends string, Facts, Step extends string> extends WorkflowTables {
  /** The 409 code for a step the state does not allow, unless the step names its own. */
  conflict: ErrorCode;
  steps: Record<Step, Transition<State, Facts>>;
}

/** What the workflow needs to know of a record: its state, and the facts its rules read. */
export type Subject<State extends string, Facts> = Facts & { state: State };

/** What a step writes besides the state (the record's own columns) and says in its history. */
export interface StepWrite {
  set?: Record<string, unknown>;
  comment?: string | null;
  details?: Record<string, unknown>;
}

/** The dependencies a step's write needs. */
export interface WorkflowDeps {
  audit: AuditLog;
  clock: Clock;
}

/**
 * A state machine declared once: the steps, the states each leaves and reaches, and who may take
 * each. From that one declaration come the abilities sent to the UI, the refusal (403 when the
 * actor may never take the step, 409 when the record's state does not allow it now) and the
 * guarded write: `UPDATE … SET state WHERE id AND state IN (from)`, a history row and an audit
 * row, in the caller's transaction.
 *
 * @example
 * const orders = defineWorkflow({
 *   table: 'rectificationOrder', history: { table: 'rectificationEvent', key: 'orderId' },
 *   auditPrefix: 'supervision.order', objectType: 'rectification_order',
 *   conflict: 'SUPERVISION_ORDER_NOT_ANSWERABLE',
 *   steps: { answer: { from: ['issued', 'returned'], to: 'answered', may: mayRespond, action: 'answered' } },
 * });
 * orders.abilities(actor, order);                     // { answer: true }
 * await orders.apply(deps, trx, 'answer', actor, order, { set: { answeredAt: now } });
 */
export class Workflow<State extends string, Facts, Step extends string> {
  constructor(readonly definition: WorkflowDefinition<State, Facts, Step>) {
    const reviewing = Object.values<Transition<State, Facts>>(definition.steps).some((s) => s.reviews);
    if (reviewing && !definition.history)
      throw new Error(`${definition.table}: review steps need a history to know the record's authors`);
  }

  /** The step names, in declaration order. */
  get steps(): Step[] {
    return Object.keys(this.definition.steps) as Step[];
  }

  /** Whether `actor` may take `step` on the record now. */
  can(step: Step, actor: Actor, subject: Subject<State, Facts>): boolean {
    const rule = this.definition.steps[step];
    return (
      rule.from.includes(subject.state) && rule.may(actor, subject) && !this.selfReview(step, actor, subject)
    );
  }

  /** The step judges content the actor wrote or changed (as far as the subject's `authorIds` say). */
  private selfReview(step: Step, actor: Actor, subject: Subject<State, Facts>): boolean {
    const authorIds = (subject as Partial<Authored>).authorIds;
    return this.definition.steps[step].reviews === true && (authorIds?.includes(actor.userId) ?? false);
  }

  /** The history actions that make their actor an author of the record. */
  private authorActions(): string[] {
    return Object.entries<Transition<State, Facts>>(this.definition.steps)
      .filter(([, rule]) => rule.authors)
      .map(([name, rule]) => rule.action ?? name);
  }

  /**
   * The authors of each record (`authors` steps in its history), on a set of ids at once: the
   * `authorIds` its subject carries so that abilities and refusals leave the review steps out.
   * Records with no authoring step in their history are absent.
   *
   * @example
   * const authors = await reports.authorsOf(db, rows.map((r) => r.id));
   * rows.map((r) => ({ ...r, authorIds: authors.get(r.id) ?? [] }));
   */
  async authorsOf(db: Executor, ids: readonly string[]): Promise<Map<string, string[]>> {
    const history = this.definition.history;
    const actions = this.authorActions();
    const wanted = [...new Set(ids)];
    if (!history || actions.length === 0 || wanted.length === 0) return new Map();
    const hdb = db as unknown as Kysely<Record<string, Record<string, string | null>>>;
    const rows = await hdb
      .selectFrom(history.table)
      .select([`${history.key} as recordId`, 'actorId'])
      .distinct()
      .where(history.key, 'in', wanted)
      .where('action', 'in', actions)
      .where('actorId', 'is not', null)
      .execute();
    const out = new Map<string, string[]>();
    for (const r of rows as Array<{ recordId: string; actorId: string }>)
      out.set(r.recordId, [...(out.get(r.recordId) ?? []), r.actorId]);
    return out;
  }

  /** Every step with whether the actor may take it now: the `abilities` the UI reads. */
  abilities(actor: Actor, subject: Subject<State, Facts>): Record<Step, boolean> {
    return Object.fromEntries(this.steps.map((s) => [s, this.can(s, actor, subject)])) as Record<
      Step,
      boolean
    >;
  }

  /**
   * Throws 403 when the actor may never take the step (`SELF_REVIEW` when it judges their own
   * work), 409 when the state does not allow it.
   */
  assert(step: Step, actor: Actor, subject: Subject<State, Facts>): void {
    const rule = this.definition.steps[step];
    if (!rule.may(actor, subject)) throw new AppError('FORBIDDEN', 403);
    if (this.selfReview(step, actor, subject)) throw selfReview();
    if (!rule.from.includes(subject.state)) throw this.conflict(step);
  }

  /** The 409 a step is refused with when the record is not in one of its states. */
  conflict(step: Step): AppError {
    return new AppError(this.definition.steps[step].conflict ?? this.definition.conflict, 409);
  }

  /**
   * Takes the step inside `trx`: checks it (403 / 409), moves the state only if the record is still
   * in one of the step's states (409 otherwise: someone moved it meanwhile) and, for a review step,
   * only if the actor is none of its authors in its history (403 `SELF_REVIEW`, whatever the
   * subject said), writes `write.set` with it, a history row and an audit row. Returns the new state.
   */
  async apply(
    deps: WorkflowDeps,
    trx: Executor,
    step: Step,
    actor: Actor,
    subject: Subject<State, Facts> & { id: string },
    write: StepWrite = {},
  ): Promise<State> {
    this.assert(step, actor, subject);
    const def = this.definition;
    const rule = def.steps[step];
    const now = deps.clock.now();
    const stamp = def.stampColumn === undefined ? 'updatedAt' : def.stampColumn;
    const column = def.stateColumn ?? 'state';
    // The table is named by the declaration: Kysely cannot type a table chosen at run time.
    const db = trx as unknown as Kysely<Record<string, Record<string, unknown>>>;
    // A step that keeps the state (an edit) never writes it: the state read earlier may be stale,
    // and writing it back would undo a move someone made meanwhile between the step's states.
    let update = db
      .updateTable(def.table)
      .set({ ...write.set, ...(rule.to ? { [column]: rule.to } : {}), ...(stamp ? { [stamp]: now } : {}) })
      .where('id', '=', subject.id)
      .where(column, 'in', [...rule.from]);
    const history = def.history;
    const authorActions = this.authorActions();
    if (rule.reviews && history && authorActions.length > 0)
      update = update.where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom(history.table)
              .select('actorId')
              .where(history.key, '=', subject.id)
              .where('actorId', '=', actor.userId)
              .where('action', 'in', authorActions),
          ),
        ),
      );
    const moved = await update.returning(column).executeTakeFirst();
    if (!moved) {
      if (rule.reviews && (await this.authorsOf(trx, [subject.id])).get(subject.id)?.includes(actor.userId))
        throw selfReview();
      throw this.conflict(step);
    }
    await this.record(deps, trx, step, actor, subject.id, write);
    return (rule.to ?? moved[column]) as State;
  }

  /**
   * Writes the history and audit rows of a step without moving the state (for a record the
   * caller has just created, or a step whose write the caller makes itself).
   */
  async record(
    deps: WorkflowDeps,
    trx: Executor,
    step: Step,
    actor: Actor,
    id: string,
    write: Pick<StepWrite, 'comment' | 'details'> = {},
  ): Promise<void> {
    const def = this.definition;
    const action = def.steps[step].action ?? step;
    const comment = write.comment ?? null;
    if (def.history) {
      const db = trx as unknown as Kysely<Record<string, Record<string, unknown>>>;
      await db
        .insertInto(def.history.table)
        .values({
          [def.history.key]: id,
          at: deps.clock.now(),
          actorId: actor.userId,
          ...(def.history.unitColumn ? { [def.history.unitColumn]: actor.orgUnitId } : {}),
          action,
          comment,
        })
        .execute();
    }
    const details = write.details ?? {};
    await deps.audit.record(trx, auditActorOf(actor), {
      action: `${def.auditPrefix}.${action}`,
      objectType: def.objectType,
      objectId: id,
      details: comment ? { ...details, comment } : details,
    });
  }
}

/** A review step refused to one of the record's authors. */
function selfReview(): AppError {
  return new AppError('SELF_REVIEW', 403);
}

/** Declares a workflow (see `Workflow`). */
export function defineWorkflow<const State extends string, Facts, const Step extends string>(
  definition: WorkflowDefinition<State, Facts, Step>,
): Workflow<State, Facts, Step> {
  return new Workflow(definition);
}
