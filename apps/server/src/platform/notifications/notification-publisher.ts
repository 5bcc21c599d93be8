import type { Clock } from '../clock/clock.ts';
import type { Executor } from '../db/database.ts';
import { insertNotification } from './notifications.repository.ts';

/** A text in both UI languages. */
export interface BilingualText {
  zh: string;
  en: string;
}

/** What a module tells an org unit about a change to one of its records. */
export interface Notice {
  /** The org unit whose accounts are told (the reporting unit, the school …). */
  unitId: string;
  /** One account of that unit, when only it is meant; omitted: every account of the unit. */
  userId?: string | null;
  /** What happened, `<record>.<event>`, e.g. `progress_report.approved`. */
  kind: string;
  /** Names the record (report, order, application), never an ID number or a phone. */
  title: BilingualText;
  body?: BilingualText | null;
  /** The web path of the record, e.g. `/progress/reports/<id>`. */
  link: string;
  object: { type: string; id: string };
}

/** How modules notify: inside the transaction of the change, so a rolled-back change tells nobody. */
export interface NotificationPublisher {
  /**
   * Writes the notification in `trx`, the transaction that makes the change it tells of (never
   * the bare database: a change rolled back must leave no notification).
   *
   * @example
   * await deps.transaction(async (trx) => {
   *   await reportWorkflow.apply(deps, trx, 'approve', actor, row, { set });
   *   await deps.notifications.publish(trx, {
   *     unitId: row.orgUnitId, kind: 'progress_report.approved', link: `/progress/${row.id}`,
   *     title: { zh: '进展报告已通过', en: 'Progress report approved' },
   *     object: { type: 'progress_report', id: row.id },
   *   });
   * });
   */
  publish(trx: Executor, notice: Notice): Promise<void>;
}

/** The platform's publisher, stamping each notification with the clock's time. */
export function createNotificationPublisher(clock: Clock): NotificationPublisher {
  return {
    async publish(trx, notice) {
      await insertNotification(trx, {
        recipientUnitId: notice.unitId,
        recipientUserId: notice.userId ?? null,
        kind: notice.kind,
        titleZh: notice.title.zh,
        titleEn: notice.title.en,
        bodyZh: notice.body?.zh ?? null,
        bodyEn: notice.body?.en ?? null,
        link: notice.link,
        objectType: notice.object.type,
        objectId: notice.object.id,
        createdAt: clock.now(),
      });
    },
  };
}
