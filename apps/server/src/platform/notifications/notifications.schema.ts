import { Type, type Static } from 'typebox';
import { Nullable, Offset, Timestamp } from '../http/schemas.ts';

const Bilingual = (description: string) =>
  Type.Object(
    {
      zh: Type.String({ description: 'Simplified Chinese' }),
      en: Type.String({ description: 'English' }),
    },
    { description },
  );

/** One notification as its recipient sees it. */
export const NotificationSchema = Type.Object({
  id: Type.String({ description: 'Notification id' }),
  kind: Type.String({ description: 'What happened, e.g. progress_report.approved' }),
  title: Bilingual('What happened, naming the record'),
  body: Nullable(Bilingual('More on it (a reviewer’s comment, a deadline)')),
  link: Type.String({ description: 'Web path of the record, e.g. /progress/reports/<id>' }),
  objectType: Type.String({ description: 'Type of the record, e.g. progress_report' }),
  objectId: Type.String({ description: 'Id of the record' }),
  createdAt: Timestamp,
  readAt: Nullable(Timestamp),
});

export const UnreadCountSchema = Type.Object({
  unread: Type.Integer({ minimum: 0, description: 'Notifications the account has not read' }),
});

export const NotificationPageSchema = Type.Object({
  items: Type.Array(NotificationSchema),
  total: Type.Integer({ minimum: 0, description: 'All notifications of the account' }),
  unread: Type.Integer({ minimum: 0, description: 'Notifications the account has not read' }),
});

export const MarkAllReadSchema = Type.Object({
  marked: Type.Integer({ minimum: 0, description: 'Notifications this call marked read' }),
  unread: Type.Integer({ minimum: 0, description: 'Notifications still unread (0 unless new ones came)' }),
});

export const NotificationQuery = Type.Object({
  offset: Offset(),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Page size' }),
});
export type NotificationQuery = Static<typeof NotificationQuery>;
