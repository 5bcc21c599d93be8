import type { Static } from 'typebox';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { AppError, fieldError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import { cancelRefusals, checkBooking, startRefusal } from './booking.rules.ts';
import { getBase, loadFor } from './bases.service.ts';
import { chinaNow, type TrainingBasesDeps } from './training-bases.deps.ts';
import { canSeeSession, mayCancelSession, mayKeepBase, readsBaseFully } from './training-bases.policy.ts';
import {
  bookedOnDay,
  cancelBookedSession,
  findBase,
  findSession,
  insertSession,
  lockBase,
} from './training-bases.repository.ts';
import type { SessionBody } from './training-bases.schema.ts';

/*
 * Sessions (预约): a vocational school or an enterprise books stations of a base in operation for a
 * time; refused (409, every reason field-named) outside the opening hours, over capacity, or where
 * the bookings already made leave too few stations (booking.rules.ts). Bookings of one base are
 * serialised on the base's row, so two at once cannot both take the last stations.
 */

const minuteOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * Books a session for the actor's unit; answers the base as the actor now sees it. A start already
 * past (China time: an earlier day, or earlier today) is refused, 400 naming `date` or `startTime`.
 */
export async function bookSession(
  deps: TrainingBasesDeps,
  actor: Actor,
  baseId: string,
  input: Static<typeof SessionBody>,
) {
  const { base, unit } = await loadFor(deps, actor, baseId);
  if (!actor.permissions.has('trainingBase.book')) throw forbidden();
  if (!unit.books) throw new AppError('TRAINING_BASE_NOT_A_BOOKER', 403);
  const request = {
    date: input.date,
    startMinute: minuteOf(input.startTime),
    minutes: Math.round(input.hours * 60),
    groupSize: input.groupSize,
  };
  const past = startRefusal(request, chinaNow(deps));
  if (past) throw fieldError(past.field, past.code, past.zh, past.en);
  await deps.transaction(async (trx) => {
    await lockBase(trx, baseId);
    const current = (await findBase(trx, baseId))!;
    const refusals = checkBooking(current, request, await bookedOnDay(trx, baseId, input.date), deps.opening);
    if (refusals.length > 0)
      throw new AppError(
        'TRAINING_SESSION_REFUSED',
        409,
        refusals.map((r) => ({ field: r.field, code: r.code, message: r.zh, messageEn: r.en })),
      );
    const id = await insertSession(trx, {
      baseId,
      bookerId: actor.orgUnitId,
      sessionDate: request.date,
      startMinute: request.startMinute,
      minutes: request.minutes,
      groupSize: request.groupSize,
      purpose: input.purpose,
      topic: input.topic.trim(),
      state: 'booked',
      cancelledOn: null,
      createdBy: actor.userId,
      createdAt: deps.clock.now(),
    });
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'trainingBases.session.booked',
      objectType: 'training_session',
      objectId: id,
      details: {
        baseId,
        base: base.name,
        date: input.date,
        startTime: input.startTime,
        hours: input.hours,
        groupSize: input.groupSize,
        purpose: input.purpose,
      },
    });
  });
  return getBase(deps, actor, baseId);
}

/**
 * Cancels a booking not yet started: the booking unit's own account, or whoever keeps the base.
 * The UPDATE itself requires the session still booked and its start still ahead, so a second
 * cancellation, or one the session's start overtook, is refused (409, the reason in zh and en).
 */
export async function cancelSession(deps: TrainingBasesDeps, actor: Actor, sessionId: string) {
  const session = await findSession(deps.db, sessionId);
  if (!session) throw notFound();
  const { base, unit, partnerIds } = await loadFor(deps, actor, session.baseId);
  const readsFully = readsBaseFully(actor, { ...base, partnerIds }, unit);
  if (!canSeeSession(actor, session.bookerId, readsFully)) throw notFound();
  if (!mayCancelSession(actor, session.bookerId, mayKeepBase(actor, base, unit))) throw forbidden();
  await deps.transaction(async (trx) => {
    const now = chinaNow(deps);
    if (!(await cancelBookedSession(trx, sessionId, now))) {
      const current = (await findSession(trx, sessionId))!;
      throw new AppError(
        'TRAINING_SESSION_NOT_CANCELLABLE',
        409,
        cancelRefusals(current, now).map((r) => ({
          field: r.field,
          code: r.code,
          message: r.zh,
          messageEn: r.en,
        })),
      );
    }
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'trainingBases.session.cancelled',
      objectType: 'training_session',
      objectId: sessionId,
      details: { baseId: base.id, date: session.sessionDate },
    });
  });
  return getBase(deps, actor, base.id);
}
