import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServices, type Services } from './app.ts';
import { systemClock, type Clock } from './platform/clock/clock.ts';
import type { Config } from './platform/config/config.ts';
import {
  createFieldCrypto,
  loadKeyFile,
  loadOrCreateKeyFile,
  parseKey,
  type FieldCrypto,
} from './platform/crypto/field-crypto.ts';
import { openDatabase, type DatabaseHandle } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';

/** The repository root (where `plans/` and `apps/web/dist` live). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface Runtime {
  config: Config;
  database: DatabaseHandle;
  crypto: FieldCrypto;
  clock: Clock;
  services: Services;
  close(): Promise<void>;
}

/**
 * The key that encrypts personal data: ZHIJIAO_SECRET_KEY, else the configured key file (which
 * must exist), else `secret.key` in the data directory (created on first start).
 */
export function loadCrypto(config: Config): FieldCrypto {
  if (config.secretKey) return createFieldCrypto(parseKey(config.secretKey));
  if (config.secretKeyFile) return createFieldCrypto(loadKeyFile(config.secretKeyFile));
  return createFieldCrypto(loadOrCreateKeyFile(path.join(config.dataDir, 'secret.key')));
}

/**
 * Opens the database, applies migrations (with the field key) and wires the services (used by
 * `start` and the CLI).
 * `migrate: false` for a worker process of `start`, whose primary migrated before forking it.
 */
export async function openRuntime(
  config: Config,
  clock: Clock = systemClock,
  opts: { migrate?: boolean } = {},
): Promise<Runtime> {
  // The key first: a migration may need it to encrypt personal data already stored (0026).
  const crypto = loadCrypto(config);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (opts.migrate !== false) await migrateToLatest(database.db, { crypto });
  } catch (error) {
    await database.close();
    throw error;
  }
  const services = createServices({ config, db: database.db, clock, crypto });
  return { config, database, crypto, clock, services, close: () => database.close() };
}
