/**
 * Checkpoints of the audit log's chain head, kept where the database role cannot reach them.
 *
 * The hash chain alone proves nothing to someone who can rewrite the whole table: the role that
 * owns it can disable the append-only trigger, renumber or delete rows and recompute every hash
 * with the app's own function. A checkpoint is the head (seq, hash) at a moment, signed with
 * HMAC-SHA-256 under a sub-key of the secret key (which lives outside the database) and appended
 * as one JSON line to a file outside the database. `audit verify` then checks that the row at each
 * checkpoint's seq still carries the checkpoint's hash: re-chaining or truncating anything up to
 * the last checkpoint is reported.
 *
 * The lines are chained too, so lines cannot be dropped from the file unseen. Several server
 * processes append to one file without any lock between them, so there is no single order to
 * chain: each writer (one per process, named `host:pid:random`) chains its own lines — a line
 * signs its writer's name and the signature of that writer's previous line (`prev`, null on its
 * first). A line dropped from the middle of a writer's lines, a duplicated or reordered line,
 * and a writer's first lines cut off all break that writer's chain; so does an older copy of the
 * file put back while a server runs (its next line names a line the copy lacks). A whole file
 * deleted or emptied is caught by `audit verify` from the rows it should cover.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock/clock.ts';
import type { FieldCrypto } from '../crypto/field-crypto.ts';
import type { Database } from '../db/database.types.ts';

/** The HKDF label of the checkpoint key: no other use of the secret key shares it. */
const PURPOSE = 'audit-checkpoint';
const HEX64 = /^[0-9a-f]{64}$/;

/** The chain head at a moment: the last row's seq and hash, and when it was seen (ISO instant). */
export interface AuditCheckpoint {
  seq: number;
  hash: string;
  at: string;
}

/** A checkpoint's place in its writer's chain: the writer, and the signature of its previous line. */
export interface CheckpointLink {
  /** The writer (one per server process), e.g. `host:1234:ab12cd34`. */
  writer: string;
  /** The signature of this writer's previous line; null on its first line. */
  prev: string | null;
}

/** A checkpoint as a line holds it: chained, and signed. */
export type ChainedCheckpoint = AuditCheckpoint & CheckpointLink & { sig: string };

/** One line of the checkpoint file: the checkpoint it holds (null if unreadable) and whether its signature holds. */
export interface CheckpointLine {
  line: number;
  checkpoint: ChainedCheckpoint | null;
  valid: boolean;
}

/** The append-only checkpoint file. */
export interface CheckpointStore {
  file: string;
  /** Signs the checkpoint with its link and appends it as one line (O_APPEND, fsync'd); answers the signature. */
  append(checkpoint: AuditCheckpoint & CheckpointLink): Promise<string>;
  /** Every line of the file, in file order; no file yet = no lines. */
  read(): Promise<CheckpointLine[]>;
}

const WRITER = /^[\w.:-]{1,200}$/;

const signedText = (c: AuditCheckpoint & CheckpointLink) =>
  `zhijiao-audit-checkpoint/v2\n${c.seq}\n${c.hash}\n${c.at}\n${c.writer}\n${c.prev ?? '-'}`;

function parseCheckpoint(value: unknown): ChainedCheckpoint | null {
  if (typeof value !== 'object' || value === null) return null;
  const { seq, hash, at, writer, prev, sig } = value as Record<string, unknown>;
  if (!Number.isSafeInteger(seq) || (seq as number) < 1) return null;
  if (typeof hash !== 'string' || !HEX64.test(hash)) return null;
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) return null;
  if (typeof writer !== 'string' || !WRITER.test(writer)) return null;
  if (prev !== null && (typeof prev !== 'string' || !HEX64.test(prev))) return null;
  if (typeof sig !== 'string' || !HEX64.test(sig)) return null;
  return { seq: seq as number, hash, at, writer, prev, sig };
}

/** A name for one checkpoint writer, unique across machines and restarts: `host:pid:random`. */
export function checkpointWriterName(): string {
  return `${os.hostname().replace(/[^\w.-]/g, '_')}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/**
 * The checkpoint file at `file`, signed with `crypto`'s checkpoint sub-key. Several server
 * processes may append to one file: each checkpoint is a single short `write` on a file opened
 * with O_APPEND, which the kernel does not interleave; each process's lines form a chain of
 * their own, so the lines of different processes may interleave in any order.
 *
 * @example
 * const store = createCheckpointStore({ file: config.auditCheckpointFile, crypto });
 * const sig = await store.append({ seq: 42, hash, at: new Date().toISOString(), writer, prev: null });
 */
export function createCheckpointStore(deps: { file: string; crypto: FieldCrypto }): CheckpointStore {
  const { file, crypto } = deps;
  const sign = (c: AuditCheckpoint & CheckpointLink) => crypto.authenticate(PURPOSE, signedText(c));
  return {
    file,
    async append(c) {
      if (!WRITER.test(c.writer)) throw new Error(`Invalid checkpoint writer name "${c.writer}"`);
      const sig = sign(c);
      const line = `${JSON.stringify({ seq: c.seq, hash: c.hash, at: c.at, writer: c.writer, prev: c.prev, sig })}\n`;
      await fs.promises.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      const handle = await fs.promises.open(file, 'a', 0o600);
      try {
        await handle.write(line);
        await handle.sync();
      } finally {
        await handle.close();
      }
      return sig;
    },
    async read() {
      let text: string;
      try {
        text = await fs.promises.readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const lines: CheckpointLine[] = [];
      text.split('\n').forEach((raw, i) => {
        if (raw.trim() === '') return;
        let parsed: ReturnType<typeof parseCheckpoint> = null;
        try {
          parsed = parseCheckpoint(JSON.parse(raw));
        } catch {
          parsed = null;
        }
        if (!parsed) {
          lines.push({ line: i + 1, checkpoint: null, valid: false });
          return;
        }
        const valid = timingSafeEqual(Buffer.from(parsed.sig, 'hex'), Buffer.from(sign(parsed), 'hex'));
        lines.push({ line: i + 1, checkpoint: parsed, valid });
      });
      return lines;
    },
  };
}

/** How often the server looks at the chain head, and when a move of the head earns a checkpoint. */
export const CHECKPOINT_TICK_MS = 60_000;
export const CHECKPOINT_EVERY_MS = 5 * 60_000;
const CHECKPOINT_EVERY_ROWS = 1000;

/**
 * Writes checkpoints of the chain head: `checkpoint()` now (at clean shutdown, in tests), and,
 * once `start()`ed, at once and then every 5 minutes or 1000 new rows, whichever comes first,
 * while the head moves.
 * An unchanged head is not written again by this process. Each writer chains its own lines
 * (`writer`, `prev`); a line that failed to be written leaves the chain where it was.
 */
export function createCheckpointWriter(deps: {
  db: Kysely<Database>;
  store: CheckpointStore;
  clock: Clock;
  log?: (error: unknown) => void;
}) {
  const { db, store, clock } = deps;
  const writer = checkpointWriterName();
  let prev: string | null = null;
  let last: { seq: number; hash: string; writtenAt: number } | null = null;
  let running: Promise<AuditCheckpoint | null> | null = null;
  let timer: NodeJS.Timeout | null = null;

  async function write(due: (seq: number) => boolean): Promise<AuditCheckpoint | null> {
    const head = await db
      .selectFrom('auditLog')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!head || (last?.seq === head.seq && last.hash === head.hash) || !due(head.seq)) return null;
    const checkpoint = { seq: head.seq, hash: head.hash, at: clock.now().toISOString() };
    prev = await store.append({ ...checkpoint, writer, prev });
    last = { seq: head.seq, hash: head.hash, writtenAt: Date.now() };
    return checkpoint;
  }

  function once(due: (seq: number) => boolean): Promise<AuditCheckpoint | null> {
    running ??= write(due).finally(() => {
      running = null;
    });
    return running;
  }

  return {
    /** Writes a checkpoint of the current head unless this process already wrote that head. */
    checkpoint: () => once(() => true),
    /** Writes a checkpoint of the head now (a log written before the start is covered at once), then on the timer. */
    start(): void {
      if (timer) return;
      once(() => true).catch((error: unknown) => deps.log?.(error));
      timer = setInterval(() => {
        once(
          (seq) =>
            !last ||
            seq - last.seq >= CHECKPOINT_EVERY_ROWS ||
            Date.now() - last.writtenAt >= CHECKPOINT_EVERY_MS,
        ).catch((error: unknown) => deps.log?.(error));
      }, CHECKPOINT_TICK_MS);
      timer.unref();
    },
    /** Stops the timer and writes a last checkpoint (clean shutdown). */
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => null);
      await once(() => true).catch((error: unknown) => deps.log?.(error));
    },
  };
}

export type CheckpointWriter = ReturnType<typeof createCheckpointWriter>;
