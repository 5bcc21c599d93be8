import type { Kysely } from 'kysely';
import type { AuditLog } from '../audit/audit-log.ts';
import { auditActorOf, type Actor } from '../auth/actor.ts';
import type { Clock } from '../clock/clock.ts';
import type { Database } from '../db/database.types.ts';
import { AppError, notFound } from '../errors/app-error.ts';
import * as repo from './notifications.repository.ts';

/*
 * The message centre (消息中心): an account reads the notifications addressed to its own unit and
 * to itself — never another unit's, whatever its scope (a district bureau's scope holds its
 * schools, their notifications are theirs) — and marks them read for itself only.
 */

export interface NotificationsDeps {
  db: Kysely<Database>;
  audit: AuditLog;
  clock: Clock;
}

/** The account a session acts for; a session that must first change its password or enrol TOTP reads none. */
function recipientOf(actor: Actor): repo.Recipient {
  if (actor.restriction === 'password_change') throw new AppError('AUTH_PASSWORD_CHANGE_REQUIRED', 403);
  if (actor.restriction === 'totp_enrolment') throw new AppError('AUTH_TOTP_ENROLMENT_REQUIRED', 403);
  return { userId: actor.userId, orgUnitId: actor.orgUnitId };
}

/** A page of the actor's notifications, newest first, with the total and how many are unread. */
export async function listNotifications(
  deps: NotificationsDeps,
  actor: Actor,
  page: { offset: number; limit: number },
) {
  const to = recipientOf(actor);
  const [rows, counts] = await Promise.all([
    repo.listNotificationRows(deps.db, to, page),
    repo.countNotifications(deps.db, to),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: { zh: r.titleZh, en: r.titleEn },
      body: r.bodyZh !== null && r.bodyEn !== null ? { zh: r.bodyZh, en: r.bodyEn } : null,
      link: r.link,
      objectType: r.objectType,
      objectId: r.objectId,
      createdAt: r.createdAt,
      readAt: r.readAt,
    })),
    ...counts,
  };
}

/** How many of the actor's notifications it has not read (the bell's number). */
export async function countUnread(deps: NotificationsDeps, actor: Actor) {
  const { unread } = await repo.countNotifications(deps.db, recipientOf(actor));
  return { unread };
}

/** Marks one notification read for the actor (404 when it is not addressed to them); the unread count after. */
export async function markRead(deps: NotificationsDeps, actor: Actor, id: string) {
  const to = recipientOf(actor);
  await deps.db.transaction().execute(async (trx) => {
    const notification = await repo.findNotificationFor(trx, to, id);
    if (!notification) throw notFound();
    const marked = await repo.markNotificationRead(trx, to.userId, id, deps.clock.now());
    if (marked)
      await deps.audit.record(trx, auditActorOf(actor), {
        action: 'notification.read',
        objectType: 'notification',
        objectId: id,
        details: { objectType: notification.objectType, objectId: notification.objectId },
      });
  });
  return countUnread(deps, actor);
}

/** 全部标为已读: marks every unread notification of the actor read; how many it marked. */
export async function markAllRead(deps: NotificationsDeps, actor: Actor) {
  const to = recipientOf(actor);
  const marked = await deps.db.transaction().execute(async (trx) => {
    const count = await repo.markAllNotificationsRead(trx, to, deps.clock.now());
    if (count > 0)
      await deps.audit.record(trx, auditActorOf(actor), {
        action: 'notification.read_all',
        objectType: 'notification',
        details: { count },
      });
    return count;
  });
  return { marked, ...(await countUnread(deps, actor)) };
}
