import type { Generated } from 'kysely';

/** What a module told an org unit (or one account of it) about a change to its records (migration 0019). */
export interface NotificationTable {
  id: Generated<string>;
  /** The unit whose accounts see it. */
  recipientUnitId: string;
  /** One account of that unit, when it is meant for that account only; null: every account of the unit. */
  recipientUserId: string | null;
  /** What happened, `<record>.<event>`, e.g. `progress_report.approved`. */
  kind: string;
  titleZh: string;
  titleEn: string;
  bodyZh: string | null;
  bodyEn: string | null;
  /** The web path of the record, e.g. `/progress/reports/<id>`. */
  link: string;
  objectType: string;
  objectId: string;
  createdAt: Date;
}

/** One account has read one notification (reads are per account, not per unit). */
export interface NotificationReadTable {
  notificationId: string;
  userId: string;
  readAt: Date;
}

export interface NotificationTables {
  notification: NotificationTable;
  notificationRead: NotificationReadTable;
}
