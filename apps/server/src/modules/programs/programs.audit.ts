import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';

/**
 * The audit writer of one kind of record: rows `programs.<prefix>.<action>` about an `objectType`,
 * in the caller's transaction.
 *
 * @example const audit = auditOf('major', 'major'); await audit(deps, trx, actor, 'created', id, { code });
 */
export function auditOf(prefix: string, objectType: string) {
  return (
    deps: Pick<ModuleDeps, 'audit'>,
    trx: Executor,
    actor: Actor,
    action: string,
    objectId: string,
    details: Record<string, unknown>,
  ) =>
    deps.audit.record(trx, auditActorOf(actor), {
      action: `programs.${prefix}.${action}`,
      objectType,
      objectId,
      details,
    });
}
