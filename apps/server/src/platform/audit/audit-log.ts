import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { Clock } from '../clock/clock.ts';

export type AuditResult = 'success' | 'denied' | 'failure';

/** Who did it, from where. Services receive it from the route (or the CLI, or a job). */
export interface AuditActor {
  id: string | null;
  name: string | null;
  orgUnitId: string | null;
  ip: string | null;
}

export interface AuditEntry {
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  result?: AuditResult;
  details?: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);
// Serialises writers of the chain; held until the writing transaction ends.
const AUDIT_LOCK_KEY = 0x7a6a_0001;
/** Audit rows a statement of `recordMany` inserts at most. */
const AUDIT_ROWS_PER_INSERT = 5000;

/** JSON with object keys sorted at every level, so jsonb's key reordering can't change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export interface AuditRowContent {
  seq: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  orgUnitId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: AuditResult;
  ip: string | null;
  details: Record<string, unknown>;
}

/** The hashed content of a stored audit row (its columns but the two hashes). */
export function auditRowContentOf(r: AuditRowContent & { result: string }): AuditRowContent {
  return {
    seq: r.seq,
    at: r.at,
    actorId: r.actorId,
    actorName: r.actorName,
    orgUnitId: r.orgUnitId,
    action: r.action,
    objectType: r.objectType,
    objectId: r.objectId,
    result: r.result as AuditResult,
    ip: r.ip,
    details: r.details,
  };
}

/** hash_n = sha256(hash_{n-1} ‖ canonical row n). */
export function auditRowHash(prevHash: string, row: AuditRowContent): string {
  const content = canonicalJson({ ...row, at: row.at.toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

export interface AuditLog {
  /**
   * Appends one row to the hash chain inside the caller's transaction, so the audit row commits
   * or rolls back with the change it records.
   */
  record(trx: Executor, actor: AuditActor, entry: AuditEntry): Promise<void>;
  /**
   * Appends the entries in order, as many `record` calls would, with one read of the chain's head
   * and multi-row inserts (a bulk writer's thousands of rows: an import's units).
   */
  recordMany(trx: Executor, actor: AuditActor, entries: readonly AuditEntry[]): Promise<void>;
  /**
   * How many successful `action` rows the actor has written since `since`: per-account limits kept
   * in the log itself, so every server process counts the same rows. It takes the chain's lock, so
   * a count and the `record` after it in one transaction are not raced by another request.
   */
  countRecent(trx: Executor, query: { actorId: string; action: string; since: Date }): Promise<number>;
}

/**
 * The action of a row the audit administrator must look at (安全告警): a limit reached, an unusual
 * pattern. `details.kind` says which; the audit page lists them on their own.
 */
export const SECURITY_ALERT_ACTION = 'security.alert';

export function createAuditLog(clock: Clock): AuditLog {
  const recordMany: AuditLog['recordMany'] = async (trx, actor, entries) => {
    if (entries.length === 0) return;
    await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
    const last = await trx
      .selectFrom('auditLog')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    let seq = last?.seq ?? 0;
    let prevHash = last?.hash ?? GENESIS_HASH;
    const at = clock.now();
    const rows = entries.map((entry) => {
      const row: AuditRowContent = {
        seq: ++seq,
        at,
        actorId: actor.id,
        actorName: actor.name,
        orgUnitId: actor.orgUnitId,
        action: entry.action,
        objectType: entry.objectType ?? null,
        objectId: entry.objectId ?? null,
        result: entry.result ?? 'success',
        ip: actor.ip,
        // Hash exactly what the jsonb column will hold: a Date becomes its ISO string, undefined goes.
        details: JSON.parse(JSON.stringify(entry.details ?? {})) as Record<string, unknown>,
      };
      const hash = auditRowHash(prevHash, row);
      const stored = { ...row, details: JSON.stringify(row.details), prevHash, hash };
      prevHash = hash;
      return stored;
    });
    if (rows.length === 1) {
      await trx.insertInto('auditLog').values(rows[0]!).execute();
      return;
    }
    // Many rows: one array parameter a column (`unnest`), a dozen parameters a statement whatever its rows.
    for (let i = 0; i < rows.length; i += AUDIT_ROWS_PER_INSERT) {
      const part = rows.slice(i, i + AUDIT_ROWS_PER_INSERT);
      const col = <T>(pick: (r: (typeof rows)[number]) => T) => part.map(pick);
      await sql`
        INSERT INTO audit_log (seq, at, actor_id, actor_name, org_unit_id, action, object_type, object_id,
          result, ip, details, prev_hash, hash)
        SELECT * FROM unnest(${col((r) => r.seq)}::bigint[], ${col((r) => r.at.toISOString())}::timestamptz[],
          ${col((r) => r.actorId)}::uuid[], ${col((r) => r.actorName)}::text[], ${col((r) => r.orgUnitId)}::uuid[],
          ${col((r) => r.action)}::text[], ${col((r) => r.objectType)}::text[], ${col((r) => r.objectId)}::text[],
          ${col((r) => r.result)}::text[], ${col((r) => r.ip)}::text[], ${col((r) => r.details)}::jsonb[],
          ${col((r) => r.prevHash)}::text[], ${col((r) => r.hash)}::text[])
      `.execute(trx);
    }
  };
  return {
    record: (trx, actor, entry) => recordMany(trx, actor, [entry]),
    recordMany,

    async countRecent(trx, { actorId, action, since }) {
      await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
      const { n } = await trx
        .selectFrom('auditLog')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('at', '>=', since)
        .where('actorId', '=', actorId)
        .where('action', '=', action)
        .where('result', '=', 'success')
        .executeTakeFirstOrThrow();
      return Number(n);
    },
  };
}
