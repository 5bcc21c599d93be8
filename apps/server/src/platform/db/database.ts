import { CamelCasePlugin, Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './database.types.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from './embedded.ts';

export type DatabaseKind = 'pglite' | 'postgresql';
/** The database or a transaction: repository functions take either. */
export type Executor = Kysely<Database> | Transaction<Database>;

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  close(): Promise<void>;
}

let typesConfigured = false;
/**
 * One type mapping for both databases (both go through `pg`): int8 and numeric become numbers
 * (counts and indicator values; money is kept in yuan with two decimals, well inside 2^53),
 * `date` stays a `YYYY-MM-DD` string so no time zone can shift a deadline.
 */
function configureTypes(): void {
  if (typesConfigured) return;
  typesConfigured = true;
  const toNumber = (v: string): number => {
    const n = Number(v);
    if (!Number.isSafeInteger(n) && Number.isInteger(n)) throw new Error(`int8 out of range: ${v}`);
    return n;
  };
  pg.types.setTypeParser(pg.types.builtins.INT8, toNumber);
  pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v: string) => Number(v));
  pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);
}

function createKysely(pool: pg.Pool): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
}

/**
 * Opens PostgreSQL when `databaseUrl` is given, else the embedded PGlite in `dataDir`.
 * Embedded mode has one connection (PGlite is single-session), so requests queue rather than
 * interleave inside each other's transactions.
 */
export async function openDatabase(opts: {
  databaseUrl: string | null;
  dataDir: string;
  poolSize?: number;
}): Promise<DatabaseHandle> {
  configureTypes();
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // An idle connection the server ends (restart, failover, a forced DROP DATABASE in tests) is
    // dropped from the pool and replaced on demand; unhandled, its 'error' would end the process.
    pool.on('error', () => {});
    const db = createKysely(pool);
    return { db, kind: 'postgresql', close: () => db.destroy() };
  }
  const server: EmbeddedServer = await startEmbeddedPostgres(opts.dataDir);
  const pool = new pg.Pool({
    host: server.socketDir,
    port: 5432,
    user: 'postgres',
    database: 'postgres',
    max: 1,
    connectionTimeoutMillis: 60_000,
  });
  const db = createKysely(pool);
  return {
    db,
    kind: 'pglite',
    async close() {
      await db.destroy();
      await server.stop();
    },
  };
}
