import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';

/**
 * What a killed test run leaves behind (its teardown never ran) is removed by a later run's global
 * set-up once it is this old: runs of other worktrees go on side by side, and none lasts 6 hours.
 */
export const STALE_AFTER_MS = 6 * 3600_000;

/**
 * Whether a temporary directory is one our tests and tools made: `zj-<name>-XXXXXX` (mkdtemp) or a
 * snapshot `zj-snapshot-<run>-<name>`. Never a bare `zj-XXXXXX`: that is a running server's socket
 * directory (platform/db/embedded.ts).
 *
 * @example isTestTempName('zj-files-AbC123') // true
 * @example isTestTempName('zj-AbC123') // false
 */
export function isTestTempName(name: string): boolean {
  return /^zj-snapshot-/.test(name) || /^zj-[a-z0-9]+(-[a-z0-9]+)*-[A-Za-z0-9]{6}$/.test(name);
}

/**
 * When a test database on PostgreSQL was made, read from its name: the run id in it is
 * `<pid>_<Date.now() in base 36>` (global-setup.ts). Null for a name that is not a test database's.
 *
 * @example testDatabaseCreatedAt('zj_t_4242_miqz8k3d_snap_demo') // the instant as ms
 */
export function testDatabaseCreatedAt(name: string): number | null {
  // Date.now() in base 36 has 8 digits from 1973 to 2059; before 2024 it is not one of our runs.
  const m = /^(?:zhijiao_test_template|zj_t)_\d+_([0-9a-z]{8})(?:_|$)/.exec(name);
  if (!m) return null;
  const at = parseInt(m[1]!, 36);
  return Number.isSafeInteger(at) && at >= RUN_IDS_SINCE ? at : null;
}

/** 2024-01-01: no test database of ours is older (a name like `zj_t_2024_prod` reads as 1970). */
const RUN_IDS_SINCE = Date.UTC(2024, 0, 1);

/** Whether something last touched (or made) at `at` is a leftover by `now`. */
export function isStale(at: number, now: number): boolean {
  return now - at >= STALE_AFTER_MS;
}

/**
 * Removes our test directories in `dir` that nothing has touched for `STALE_AFTER_MS`: the
 * directory's own time and its entries' (a template directory gains a database directory per test
 * worker). Answers the names removed.
 */
export function removeStaleTempDirs(now = Date.now(), dir = os.tmpdir()): string[] {
  const removed: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!isTestTempName(name)) continue;
    const full = path.join(dir, name);
    try {
      const stat = fs.lstatSync(full);
      // Only directories of the user running the tests: never another account's.
      if (!stat.isDirectory() || stat.uid !== process.getuid?.()) continue;
      const touched = Math.max(
        stat.mtimeMs,
        ...fs.readdirSync(full).map((entry) => fs.lstatSync(path.join(full, entry)).mtimeMs),
      );
      if (!isStale(touched, now)) continue;
      fs.rmSync(full, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Removed meanwhile by its own run, or not ours to read: nothing to do.
    }
  }
  return removed;
}

/** Drops the test databases (templates, clones, snapshots) of runs made `STALE_AFTER_MS` ago or more. */
export async function dropStaleTestDatabases(admin: pg.Client, now = Date.now()): Promise<string[]> {
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE 'zhijiao\\_test\\_template\\_%' OR datname LIKE 'zj\\_t\\_%'`,
  );
  const stale = rows
    .map((r) => r.datname)
    .filter((name) => {
      const at = testDatabaseCreatedAt(name);
      return at !== null && isStale(at, now);
    });
  for (const name of stale)
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
  return stale;
}
