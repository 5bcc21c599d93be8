import type { AlertTier } from '@zhijiao/contracts';
import type { Kysely } from 'kysely';
import type { AuditLog } from '../audit/audit-log.ts';
import { auditActorOf, type Actor } from '../auth/actor.ts';
import { findUserRefs } from '../auth/users.repository.ts';
import type { Clock } from '../clock/clock.ts';
import type { Executor } from '../db/database.ts';
import type { Database } from '../db/database.types.ts';
import { AppError, fieldError } from '../errors/app-error.ts';
import {
  acknowledgementKey,
  checkAcknowledgements,
  MAX_ACKNOWLEDGEMENT_NOTE,
  MAX_ACKNOWLEDGEMENTS,
  mayAcknowledge,
  normaliseNote,
  type AcknowledgeableAlert,
} from './alert-acknowledgement.rules.ts';
import type { AcknowledgementBody, AcknowledgementOut } from './alert-acknowledgements.schema.ts';
import * as repo from './alert-acknowledgements.repository.ts';

/*
 * 预警已知悉. Alerts are computed, not stored, so the caller (the module answering the alert list)
 * passes the actor's current alerts; the platform keeps who acknowledged which alert at which tier.
 */

export interface AlertAcknowledgementsDeps {
  db: Kysely<Database>;
  audit: AuditLog;
  clock: Clock;
}

/** An alert as the list carries it: its id, tier and the unit it is addressed to. */
type ListedAlert = { id: string; tier: AlertTier; unit: { id: string } };

/**
 * The alerts with, each, the addressed unit's acknowledgement at the alert's current tier (null
 * when none: never acknowledged, or only at a milder tier) and whether the actor may acknowledge it
 * now (addressed to the actor's unit, not yet acknowledged at this tier).
 *
 * @example await withAcknowledgements(db, actor, alerts) // [{ …alert, acknowledgement: { by: '张敏', at, note: null }, abilities: { acknowledge: false } }]
 */
export async function withAcknowledgements<T extends ListedAlert>(
  db: Executor,
  actor: Actor,
  alerts: readonly T[],
): Promise<Array<T & { acknowledgement: AcknowledgementOut | null; abilities: { acknowledge: boolean } }>> {
  const rows = await repo.listAcknowledgementsOf(
    db,
    alerts.map((a) => a.id),
  );
  const byKey = new Map(rows.map((r) => [acknowledgementKey(r.alertId, r.unitId, r.tier), r]));
  const users = await findUserRefs(
    db,
    rows.map((r) => r.acknowledgedBy),
  );
  return alerts.map((alert) => {
    const row = byKey.get(acknowledgementKey(alert.id, alert.unit.id, alert.tier));
    const acknowledgement = row
      ? { by: users.get(row.acknowledgedBy)?.displayName ?? '', at: row.acknowledgedAt, note: row.note }
      : null;
    return {
      ...alert,
      acknowledgement,
      abilities: {
        acknowledge:
          acknowledgement === null &&
          actor.permissions.has('alert.acknowledge') &&
          mayAcknowledge(actor, alert),
      },
    };
  });
}

/**
 * 知悉: acknowledges one or many of the actor's current alerts (`current`, as the alert list
 * answers them now) at the tier each was seen at, all or nothing: an alert not in the list, one
 * addressed to another unit (the coordinator sees every unit's alerts but does not acknowledge for
 * them) or one whose tier changed refuses the whole batch (409), naming each refused item. An
 * alert the unit had already acknowledged at that tier keeps its first acknowledgement. Each new
 * acknowledgement writes its audit row in the same transaction.
 */
export async function acknowledgeAlerts(
  deps: AlertAcknowledgementsDeps,
  actor: Actor,
  current: readonly AcknowledgeableAlert[],
  input: AcknowledgementBody,
): Promise<{ acknowledged: number; alreadyAcknowledged: number }> {
  if (input.items.length === 0 || input.items.length > MAX_ACKNOWLEDGEMENTS)
    throw fieldError(
      'items',
      'OUT_OF_RANGE',
      `每次可知悉 1 至 ${MAX_ACKNOWLEDGEMENTS} 条预警`,
      `Acknowledge between 1 and ${MAX_ACKNOWLEDGEMENTS} alerts at a time`,
    );
  const note = normaliseNote(input.note);
  if (note !== null && note.length > MAX_ACKNOWLEDGEMENT_NOTE)
    throw fieldError(
      'note',
      'TOO_LONG',
      `备注不能超过 ${MAX_ACKNOWLEDGEMENT_NOTE} 个字`,
      `The note may have at most ${MAX_ACKNOWLEDGEMENT_NOTE} characters`,
    );
  const { accepted, refused } = checkAcknowledgements(actor, current, input.items);
  if (refused.length > 0) throw new AppError('ALERT_ACKNOWLEDGEMENT_REFUSED', 409, refused);
  const at = deps.clock.now();
  const written = await deps.db.transaction().execute(async (trx) => {
    const rows = await repo.insertAcknowledgements(
      trx,
      accepted.map((a) => ({
        alertId: a.id,
        tier: a.tier,
        unitId: a.unit.id,
        acknowledgedBy: actor.userId,
        acknowledgedAt: at,
        note,
      })),
    );
    for (const row of rows)
      await deps.audit.record(trx, auditActorOf(actor), {
        action: 'alert.acknowledge',
        objectType: 'alert',
        objectId: row.alertId,
        details: { tier: row.tier, unitId: row.unitId, note, batch: accepted.length },
      });
    return rows.length;
  });
  return { acknowledged: written, alreadyAcknowledged: accepted.length - written };
}
