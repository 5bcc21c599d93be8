import type { Kysely } from 'kysely';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import { chinaDate, type Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.types.ts';
import { AppError, fieldError, notFound } from '../../platform/errors/app-error.ts';
import { mayManageMeeting } from './meetings.policy.ts';
import type { DecisionInput } from './meetings.schema.ts';
import { loadMeeting, refusal } from './meetings.service.ts';
import { listActionItemRows, listMembers } from './meetings.repository.ts';
import { meetingDetail } from './meetings.view.ts';
import { buildMinutes } from './minutes.ts';

/**
 * After the meeting: record its decisions (议定事项), each with a responsible unit and a
 * deadline; make the minutes (会议纪要) final, which turns the decisions into action items the
 * units must carry out; close the meeting once every action item is 销号; export the minutes.
 */
export function createMinutesService(deps: { db: Kysely<Database>; audit: AuditLog; clock: Clock }) {
  const { db, audit, clock } = deps;
  const today = () => chinaDate(clock.now());

  /** A meeting the actor manages in `state`; 404 / 403 / 409 (`MEETING_NOT_HELD` before it is held) otherwise. */
  async function managed(actor: Actor, id: string, state: 'held' | 'minutes_final') {
    const { meeting } = await loadMeeting(db, actor, id);
    const manage = mayManageMeeting(actor, meeting);
    if (!manage) throw new AppError('FORBIDDEN', 403);
    if (meeting.state === 'planned') throw new AppError('MEETING_NOT_HELD', 409);
    if (meeting.state !== state) throw refusal(manage, 'MEETING_INVALID_TRANSITION');
    return meeting;
  }

  async function addDecision(actor: Actor, id: string, input: DecisionInput) {
    await managed(actor, id, 'held');
    const unit = await db
      .selectFrom('orgUnit')
      .select('id')
      .where('id', '=', input.responsibleUnitId)
      .executeTakeFirst();
    if (!unit || !(actor.scope.all || actor.scope.orgUnitIds.includes(unit.id)))
      throw fieldError(
        'responsibleUnitId',
        'ORG_UNIT_UNKNOWN',
        '责任单位不存在或不在本区范围内',
        'Unknown unit, or not in your district',
      );
    await db.transaction().execute(async (trx) => {
      const held = await trx
        .selectFrom('meeting')
        .select('state')
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (held.state !== 'held') throw new AppError('MEETING_INVALID_TRANSITION', 409);
      const last = await trx
        .selectFrom('actionItem')
        .select((eb) => eb.fn.max('number').as('n'))
        .where('meetingId', '=', id)
        .executeTakeFirst();
      const now = clock.now();
      const row = await trx
        .insertInto('actionItem')
        .values({
          meetingId: id,
          number: Number(last?.n ?? 0) + 1,
          decision: input.decision.trim(),
          responsibleUnitId: input.responsibleUnitId,
          deadline: input.deadline,
          state: 'draft',
          completedOn: null,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit.record(trx, auditActorOf(actor), {
        action: 'meeting.decision_added',
        objectType: 'action_item',
        objectId: row.id,
        details: { meetingId: id, responsibleUnitId: input.responsibleUnitId, deadline: input.deadline },
      });
    });
    return detail(actor, id);
  }

  async function removeDecision(actor: Actor, id: string, itemId: string) {
    await managed(actor, id, 'held');
    await db.transaction().execute(async (trx) => {
      const removed = await trx
        .deleteFrom('actionItem')
        .where('id', '=', itemId)
        .where('meetingId', '=', id)
        .where('state', '=', 'draft')
        .returning('id')
        .executeTakeFirst();
      if (!removed) throw notFound();
      // Keep the minutes numbered 一、二、… without gaps.
      const rest = await trx
        .selectFrom('actionItem')
        .select(['id', 'number'])
        .where('meetingId', '=', id)
        .orderBy('number')
        .execute();
      for (const [i, r] of rest.entries())
        if (r.number !== i + 1)
          await trx
            .updateTable('actionItem')
            .set({ number: i + 1 })
            .where('id', '=', r.id)
            .execute();
      await audit.record(trx, auditActorOf(actor), {
        action: 'meeting.decision_removed',
        objectType: 'action_item',
        objectId: itemId,
        details: { meetingId: id },
      });
    });
    return detail(actor, id);
  }

  async function finaliseMinutes(actor: Actor, id: string, summary: string) {
    await managed(actor, id, 'held');
    await db.transaction().execute(async (trx) => {
      const now = clock.now();
      const done = await trx
        .updateTable('meeting')
        .set({ state: 'minutes_final', minutesFinalAt: now, minutesSummary: summary.trim(), updatedAt: now })
        .where('id', '=', id)
        .where('state', '=', 'held')
        .returning('id')
        .executeTakeFirst();
      if (!done) throw new AppError('MEETING_INVALID_TRANSITION', 409);
      const items = await trx
        .updateTable('actionItem')
        .set({ state: 'open', updatedAt: now })
        .where('meetingId', '=', id)
        .where('state', '=', 'draft')
        .returning('id')
        .execute();
      if (items.length === 0) throw new AppError('MEETING_NO_DECISIONS', 409);
      await audit.record(trx, auditActorOf(actor), {
        action: 'meeting.minutes_finalised',
        objectType: 'meeting',
        objectId: id,
        details: { actionItems: items.length },
      });
    });
    return detail(actor, id);
  }

  async function closeMeeting(actor: Actor, id: string) {
    await managed(actor, id, 'minutes_final');
    await db.transaction().execute(async (trx) => {
      const now = clock.now();
      const done = await trx
        .updateTable('meeting')
        .set({ state: 'closed', closedAt: now, updatedAt: now })
        .where('id', '=', id)
        .where('state', '=', 'minutes_final')
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('actionItem')
                .select('id')
                .where('meetingId', '=', id)
                .where('state', '<>', 'completed'),
            ),
          ),
        )
        .returning('id')
        .executeTakeFirst();
      if (!done) throw new AppError('MEETING_ACTION_ITEMS_OPEN', 409);
      await audit.record(trx, auditActorOf(actor), {
        action: 'meeting.closed',
        objectType: 'meeting',
        objectId: id,
      });
    });
    return detail(actor, id);
  }

  /**
   * The minutes as an official document, once final. Issued minutes go to every member unit
   * (印发各成员单位), so whoever sees the meeting may download them. Audited as an export.
   */
  async function minutesDocument(actor: Actor, id: string, lang: 'zh' | 'en', format: 'docx' | 'pdf') {
    const { meeting } = await loadMeeting(db, actor, id);
    if (meeting.state !== 'minutes_final' && meeting.state !== 'closed')
      throw new AppError('MEETING_MINUTES_NOT_FINAL', 409);
    // The minutes carry every member and every decision, not only the reader's.
    const [members, items] = await Promise.all([
      listMembers(db, [id]),
      listActionItemRows(db, { scope: null, meetingId: id }),
    ]);
    await db.transaction().execute((trx) =>
      audit.record(trx, auditActorOf(actor), {
        action: 'meeting.minutes_exported',
        objectType: 'meeting',
        objectId: id,
        details: { format, lang },
      }),
    );
    const doc = buildMinutes(
      {
        ...meeting,
        district: { name: meeting.districtName },
        conveningUnit: { name: meeting.conveningUnitName },
        minutesDate: meeting.minutesFinalAt ? chinaDate(meeting.minutesFinalAt) : null,
        members: members.map((m) => ({ ...m, unit: { name: m.unitName } })),
        decisions: items.map((i) => ({ ...i, responsibleUnit: { name: i.unitName } })),
      },
      lang,
    );
    return { doc, fileName: `${meeting.meetingDate}-${meeting.title}-纪要` };
  }

  function detail(actor: Actor, id: string) {
    return loadMeeting(db, actor, id).then(({ meeting }) => meetingDetail(db, actor, meeting, today()));
  }

  return { addDecision, removeDecision, finaliseMinutes, closeMeeting, minutesDocument };
}

export type MinutesService = ReturnType<typeof createMinutesService>;
