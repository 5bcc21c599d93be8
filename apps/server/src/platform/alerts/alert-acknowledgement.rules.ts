import { ALERT_KIND_LABELS, ALERT_TIER_LABELS, type AlertTier, type AnyAlertKind } from '@zhijiao/contracts';

/*
 * Who may say 已知悉 (we have seen this) of an alert: an account of the unit the alert is
 * addressed to, of an alert that is in its own list now, at the tier the alert has now. The
 * coordinator sees every unit's alerts but acknowledges only its own unit's: the point of an
 * acknowledgement is that the addressed unit itself took notice.
 */

/** How many alerts one request may acknowledge. */
export const MAX_ACKNOWLEDGEMENTS = 200;
/** The longest note an acknowledgement may carry. */
export const MAX_ACKNOWLEDGEMENT_NOTE = 200;

/** What the rules need of one alert in the actor's current list. */
export interface AcknowledgeableAlert {
  id: string;
  /** Its kind (`report_overdue`, `rectification_overdue` …), named in a refusal. */
  kind: string;
  tier: AlertTier;
  unit: { id: string; name: string };
  /** One line naming the object (task, order …), to name the alert in a refusal; null: none. */
  title: string | null;
}

/** One alert the actor asks to acknowledge, at the tier the actor saw it at. */
export interface AcknowledgementRequest {
  id: string;
  tier: AlertTier;
}

/** A refused item of the batch: its field (`items[2]`), code and the reason naming the alert. */
export interface RefusedAcknowledgement {
  field: string;
  code: 'NOT_FOUND' | 'ALERT_NOT_OWN_UNIT' | 'ALERT_TIER_CHANGED';
  /** The alert's id as the request gave it. */
  id: string;
  message: string;
  messageEn: string;
}

/** The key of an acknowledgement: the alert, the unit it is addressed to, the tier. */
export const acknowledgementKey = (alertId: string, unitId: string, tier: AlertTier) =>
  `${alertId}\u0000${unitId}\u0000${tier}`;

/**
 * Whether the actor's unit may acknowledge this alert (it is addressed to that unit). Acknowledging
 * also needs `alert.acknowledge` (the route's permission: the read-only leaders' role reads alerts
 * but writes nothing).
 */
export const mayAcknowledge = (actor: { orgUnitId: string }, alert: { unit: { id: string } }) =>
  alert.unit.id === actor.orgUnitId;

/** The alert as a refusal names it: 「（十）开展职业培训」的逾期未报预警. */
function named(alert: AcknowledgeableAlert) {
  const kind = ALERT_KIND_LABELS[alert.kind as AnyAlertKind] as { zh: string; en: string } | undefined;
  if (!alert.title) return { zh: `预警 ${alert.id} `, en: `Alert ${alert.id}` };
  return {
    zh: `「${alert.title}」的${kind ? `${kind.zh}` : ''}预警`,
    en: `The ${kind ? `“${kind.en}” ` : ''}alert on “${alert.title}”`,
  };
}

/**
 * Sorts a batch against the actor's current alerts: the alerts it may acknowledge now, and each
 * refused item with its reason — not in the actor's list (cleared, or never theirs), addressed to
 * another unit, or asked at a tier the alert no longer has. The same alert asked twice at the same
 * tier counts once.
 *
 * @example checkAcknowledgements({ orgUnitId: hrss }, alerts, [{ id: 'indicator:…', tier: 'yellow' }])
 *   // { accepted: [the alert], refused: [] }, or refused `ALERT_TIER_CHANGED` once it is red
 */
export function checkAcknowledgements(
  actor: { orgUnitId: string },
  current: readonly AcknowledgeableAlert[],
  items: readonly AcknowledgementRequest[],
): { accepted: AcknowledgeableAlert[]; refused: RefusedAcknowledgement[] } {
  const byId = new Map<string, AcknowledgeableAlert[]>();
  for (const alert of current) byId.set(alert.id, [...(byId.get(alert.id) ?? []), alert]);
  const accepted = new Map<string, AcknowledgeableAlert>();
  const refused: RefusedAcknowledgement[] = [];
  for (const [i, item] of items.entries()) {
    const field = `items[${i}]`;
    const same = byId.get(item.id) ?? [];
    // An id is one alert; should two units' alerts share it, the actor's own unit's is the one meant.
    const alert = same.find((a) => mayAcknowledge(actor, a)) ?? same[0];
    if (!alert) {
      refused.push({
        field,
        code: 'NOT_FOUND',
        id: item.id,
        message: `预警 ${item.id} 不在您当前的预警列表中（可能已解除），无法知悉`,
        messageEn: `Alert ${item.id} is not among your current alerts (it may have been cleared)`,
      });
    } else if (!mayAcknowledge(actor, alert)) {
      const name = named(alert);
      refused.push({
        field,
        code: 'ALERT_NOT_OWN_UNIT',
        id: item.id,
        message: `${name.zh}发给${alert.unit.name}，只能由该单位知悉`,
        messageEn: `${name.en} is addressed to ${alert.unit.name}; only that unit can acknowledge it`,
      });
    } else if (alert.tier !== item.tier) {
      const name = named(alert);
      const [was, now] = [ALERT_TIER_LABELS[item.tier], ALERT_TIER_LABELS[alert.tier]];
      refused.push({
        field,
        code: 'ALERT_TIER_CHANGED',
        id: item.id,
        message: `${name.zh}已由${was.zh}变为${now.zh}，请刷新后按当前等级知悉`,
        messageEn: `${name.en} is now ${now.en.toLowerCase()} (was ${was.en.toLowerCase()}); reload and acknowledge it at its current tier`,
      });
    } else accepted.set(acknowledgementKey(alert.id, alert.unit.id, alert.tier), alert);
  }
  return { accepted: [...accepted.values()], refused };
}

/** A note as stored: trimmed, null when blank. */
export function normaliseNote(note: string | undefined | null): string | null {
  const trimmed = note?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
