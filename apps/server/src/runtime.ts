import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServices, type Services } from './app.ts';
import { systemClock, type Clock } from './platform/clock/clock.ts';
import type { Config } from './platform/config/config.ts';
import type { FieldCrypto } from './platform/crypto/field-crypto.ts';
import { createKeyForNewDatabase, loadExistingCrypto } from './platform/crypto/field-key.ts';
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
 * Opens the database, applies migrations (with the field key) and wires the services (used by
 * `start` and the CLI).
 * `migrate: false` for a worker process of `start`, whose primary migrated before forking it.
 */
export async function openRuntime(
  config: Config,
  clock: Clock = systemClock,
  opts: { migrate?: boolean } = {},
): Promise<Runtime> {
  // A configured key that is missing or malformed stops the start before the database opens.
  const existing = loadExistingCrypto(config);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  let crypto: FieldCrypto;
  try {
    // The key before migrating: a migration may need it to encrypt personal data already stored
    // (0026). A new key only for a database that holds no data yet (a new installation).
    crypto = existing ?? (await createKeyForNewDatabase(config, database.db));
    if (opts.migrate !== false) await migrateToLatest(database.db, { crypto });
  } catch (error) {
    await database.close();
    throw error;
  }
  const services = createServices({ config, db: database.db, clock, crypto });
  return { config, database, crypto, clock, services, close: () => database.close() };
}
