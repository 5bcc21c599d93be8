import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Clock } from '../platform/clock/clock.ts';
import type { Config } from '../platform/config/config.ts';
import type { FieldCrypto } from '../platform/crypto/field-crypto.ts';
import type { Database } from '../platform/db/database.types.ts';
import { createIssuerKeyStore, issuerKeysDir, type IssuerPublicKey } from '../platform/credentials/index.ts';
import { findOrgUnitByCode } from '../modules/org/index.ts';
import type { Kysely } from 'kysely';
import { UsageError } from './args.ts';

/** What a rotation needs: the server's key folder, field key and clock, the database and its audit log. */
export interface RotateKeyDeps {
  config: Pick<Config, 'dataDir'>;
  crypto: FieldCrypto;
  clock: Clock;
  db: Kysely<Database>;
  audit: AuditLog;
}

const CLI_ACTOR = { id: null, name: 'cli', orgUnitId: null, ip: null };

/**
 * `zhijiao credentials rotate-key --issuer <district code>`: makes the district's next signing key
 * (`key-N+1`) in the key store the server signs with; the older keys stay published, so every
 * credential they signed still verifies. The district must be an org unit of type district. The
 * rotation is audited (`credentials.issuer_key_rotated`, the issuer and the new key id) in the
 * transaction the key is made in, so a failed audit write is reported and the rotation is not
 * silent. Answers the new key.
 *
 * @example await rotateIssuerKey(deps, 'SD') // { keyId: 'key-2', number: 2, … }
 */
export async function rotateIssuerKey(deps: RotateKeyDeps, issuer: string): Promise<IssuerPublicKey> {
  const unit = await findOrgUnitByCode(deps.db, issuer);
  if (!unit || unit.type !== 'district')
    throw new UsageError(`--issuer must be the code of a district (区县) org unit, not "${issuer}"`);
  const keys = createIssuerKeyStore({
    dir: issuerKeysDir(deps.config),
    crypto: deps.crypto,
    clock: deps.clock,
  });
  return deps.db.transaction().execute(async (trx) => {
    const key = keys.rotate(issuer);
    await deps.audit.record(trx, CLI_ACTOR, {
      action: 'credentials.issuer_key_rotated',
      objectType: 'org_unit',
      objectId: unit.id,
      details: { issuer, keyId: key.keyId, createdAt: key.createdAt },
    });
    return key;
  });
}
