import type { alertsZh } from './alerts.zh';

/** Alert acknowledgements on the alerts page: English strings, with exactly the keys of `alerts.zh.ts`. */
export const alertsEn: Record<keyof typeof alertsZh, string> = {
  'alerts.ack.column': 'Acknowledged',
  'alerts.ack.filter': 'Filter by acknowledgement',
  'alerts.ack.done': 'Acknowledged',
  'alerts.ack.pending': 'Not acknowledged',
  'alerts.ack.byAt': '{by} · {at}',
  'alerts.ack.action': 'Acknowledge',
  'alerts.ack.batch': 'Acknowledge selected ({count})',
  'alerts.ack.select': 'Select alert: {name}',
  'alerts.ack.selectAll': 'Select every alert you can acknowledge',
  'alerts.ack.titleOne': 'Acknowledge alert',
  'alerts.ack.titleMany': 'Acknowledge {count} alerts',
  'alerts.ack.intro':
    'Acknowledging says your unit has seen these alerts and will act on them; an alert that worsens (blue → yellow → red) asks again.',
  'alerts.ack.more': 'and {count} more',
  'alerts.ack.note': 'Note (optional)',
  'alerts.ack.notePlaceholder': 'e.g. a colleague is on it; the report follows this week',
  'alerts.ack.ok': 'Acknowledge',
  'alerts.ack.result': '{count} acknowledged',
  'alerts.ack.resultAlready': '{count} acknowledged; {already} your unit had already acknowledged',
};
