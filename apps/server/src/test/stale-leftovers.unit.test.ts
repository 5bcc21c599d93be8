import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  isTestTempName,
  removeStaleTempDirs,
  STALE_AFTER_MS,
  testDatabaseCreatedAt,
} from './stale-leftovers.ts';

describe('leftovers of killed test runs', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stale-leftovers-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('knows our test directories by name, never a server’s bare socket directory', () => {
    for (const name of [
      'zj-files-AbC123',
      'zj-template-F0QfwH',
      'zj-cli-migrate-nokey-x1Y2z3',
      'zj-snapshot-1_k_demo',
    ])
      expect(isTestTempName(name), name).toBe(true);
    for (const name of ['zj-AbC123', 'zhijiao', 'zj-files-', 'other-files-AbC123'])
      expect(isTestTempName(name), name).toBe(false);
  });

  it('reads when a test database was made from its run id, and nothing from other names', () => {
    const at = Date.UTC(2026, 11, 7, 5, 0);
    expect(testDatabaseCreatedAt(`zhijiao_test_template_4242_${at.toString(36)}`)).toBe(at);
    expect(testDatabaseCreatedAt(`zj_t_4242_${at.toString(36)}_snap_demo`)).toBe(at);
    expect(testDatabaseCreatedAt(`zj_t_4242_${at.toString(36)}_0a1b2c3d4e5f`)).toBe(at);
    expect(testDatabaseCreatedAt('zhijiao')).toBeNull();
    expect(testDatabaseCreatedAt('zj_t_demo')).toBeNull();
    // Names someone could give a database by hand: not a run id of ours (too short, before 2024).
    expect(testDatabaseCreatedAt('zj_t_2024_prod')).toBeNull();
    expect(testDatabaseCreatedAt('zj_t_1_zzzzzzzz')).not.toBeNull();
    expect(testDatabaseCreatedAt('zj_t_1_10000000')).toBeNull();
  });

  it('removes only our directories untouched for the threshold, their entries included', () => {
    const now = Date.now();
    const make = (name: string, ageMs: number, entryAgeMs = ageMs) => {
      const dir = path.join(root, name);
      fs.mkdirSync(path.join(dir, 'db-1'), { recursive: true });
      const entry = new Date(now - entryAgeMs);
      fs.utimesSync(path.join(dir, 'db-1'), entry, entry);
      fs.utimesSync(dir, new Date(now - ageMs), new Date(now - ageMs));
    };
    make('zj-template-OldOne', STALE_AFTER_MS + 60_000);
    make('zj-template-Recent', STALE_AFTER_MS - 60_000);
    // Made long ago, but a worker of the run still in progress added a database a minute ago.
    make('zj-template-InUse1', STALE_AFTER_MS * 2, 60_000);
    make('zj-Socket', STALE_AFTER_MS * 2);
    expect(removeStaleTempDirs(now, root)).toEqual(['zj-template-OldOne']);
    expect(fs.readdirSync(root).sort()).toEqual(['zj-Socket', 'zj-template-InUse1', 'zj-template-Recent']);
  });
});
