import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';

/** What the register calls of the org module, in the register's transaction: a new unit, a new code. */
export interface EnterpriseUnits {
  createEnterpriseUnit(
    trx: Executor,
    input: { code: string; name: string; fullName: string; parentId: string },
    actor: Actor,
  ): Promise<{ id: string; code: string; name: string }>;
  /** New units without their audit rows, in the order given (a bulk writer audits them later in the transaction). */
  insertEnterpriseUnits(
    trx: Executor,
    inputs: ReadonlyArray<{ code: string; name: string; fullName: string; parentId: string }>,
  ): Promise<Array<{ id: string; code: string; name: string }>>;
  /** The `org.unit_create` audit rows of units made with `insertEnterpriseUnits`, in one bulk append. */
  auditEnterpriseUnitsCreated(
    trx: Executor,
    rows: ReadonlyArray<{ id: string; code: string; name: string }>,
    actor: Actor,
  ): Promise<void>;
  /** Gives the unit the code `to` if it still holds `from` (audited); whether it did. */
  recodeEnterpriseUnit(
    trx: Executor,
    input: { id: string; from: string; to: string },
    actor: Actor,
  ): Promise<boolean>;
}

/** The enterprises module's dependencies: the platform's and the org module's unit creation. */
export interface EnterprisesDeps extends ModuleDeps {
  org: EnterpriseUnits;
}
