import { sql, type ExpressionBuilder, type Insertable } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { Database } from '../db/database.types.ts';
import type { NotificationTable } from './notifications.tables.ts';

/** The account a list is for: its own id and its unit's. */
export interface Recipient {
  userId: string;
  orgUnitId: string;
}

/** Writes one notification. */
export async function insertNotification(db: Executor, row: Insertable<NotificationTable>) {
  await db.insertInto('notification').values(row).execute();
}

/** Notifications to the account's unit as a whole, and to the account itself: never another unit's. */
function addressedTo(to: Recipient) {
  return (eb: ExpressionBuilder<Database, 'notification'>) =>
    eb.and([
      eb('notification.recipientUnitId', '=', to.orgUnitId),
      eb.or([
        eb('notification.recipientUserId', 'is', null),
        eb('notification.recipientUserId', '=', to.userId),
      ]),
    ]);
}

/** Not yet read by the account (reads are per account). */
function unreadBy(userId: string) {
  return (eb: ExpressionBuilder<Database, 'notification'>) =>
    eb.not(
      eb.exists(
        eb
          .selectFrom('notificationRead')
          .select('notificationRead.notificationId')
          .whereRef('notificationRead.notificationId', '=', 'notification.id')
          .where('notificationRead.userId', '=', userId),
      ),
    );
}

/** A page of the account's notifications, newest first, each with when the account read it. */
export function listNotificationRows(db: Executor, to: Recipient, page: { offset: number; limit: number }) {
  return db
    .selectFrom('notification')
    .leftJoin('notificationRead', (join) =>
      join
        .onRef('notificationRead.notificationId', '=', 'notification.id')
        .on('notificationRead.userId', '=', to.userId),
    )
    .selectAll('notification')
    .select('notificationRead.readAt')
    .where(addressedTo(to))
    .orderBy('notification.createdAt', 'desc')
    .orderBy('notification.id', 'desc')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
}

/** How many notifications the account has, and how many of them it has not read. */
export async function countNotifications(db: Executor, to: Recipient) {
  const row = await db
    .selectFrom('notification')
    .select((eb) => [
      eb.fn.countAll<string>().as('total'),
      eb.fn.count<string>('notification.id').filterWhere(unreadBy(to.userId)).as('unread'),
    ])
    .where(addressedTo(to))
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), unread: Number(row.unread) };
}

/** One notification, if it is addressed to the account. */
export function findNotificationFor(db: Executor, to: Recipient, id: string) {
  return db
    .selectFrom('notification')
    .select(['id', 'objectType', 'objectId'])
    .where('id', '=', id)
    .where(addressedTo(to))
    .executeTakeFirst();
}

/** Marks one notification read by the account (a second read keeps the first time); true when new. */
export async function markNotificationRead(db: Executor, userId: string, notificationId: string, at: Date) {
  const rows = await db
    .insertInto('notificationRead')
    .values({ notificationId, userId, readAt: at })
    .onConflict((oc) => oc.columns(['notificationId', 'userId']).doNothing())
    .returning('notificationId')
    .execute();
  return rows.length > 0;
}

/** Marks every notification addressed to the account that it has not read as read now; how many. */
export async function markAllNotificationsRead(db: Executor, to: Recipient, at: Date) {
  const rows = await db
    .insertInto('notificationRead')
    .columns(['notificationId', 'userId', 'readAt'])
    .expression((eb) =>
      eb
        .selectFrom('notification')
        .select([
          'notification.id',
          sql<string>`${to.userId}::uuid`.as('userId'),
          sql<Date>`${at}::timestamptz`.as('readAt'),
        ])
        .where(addressedTo(to))
        .where(unreadBy(to.userId)),
    )
    .onConflict((oc) => oc.columns(['notificationId', 'userId']).doNothing())
    .returning('notificationId')
    .execute();
  return rows.length;
}
