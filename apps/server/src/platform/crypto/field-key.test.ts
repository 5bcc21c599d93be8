import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openRuntime } from '../../runtime.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.ts';
import { loadConfig } from '../config/config.ts';
import { loadExistingCrypto, requireCrypto } from './field-key.ts';

const embedded = inject('testDb').kind === 'pglite';

/** Where the field key comes from: only the start of a new installation makes one. */
describe('the field key at start and in the commands', () => {
  let dataDir: string;
  let database: TestDatabase | null = null;
  const keyFile = () => path.join(dataDir, 'secret.key');
  const config = () =>
    loadConfig({ ZHIJIAO_DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: database?.url ?? '' });

  beforeAll(async () => {
    // A migrated database, as an installation's first start finds it after `zhijiao migrate`.
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-field-key-'));
    if (embedded) fs.cpSync(inject('testDb').template, path.join(dataDir, 'pgdata'), { recursive: true });
    else database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('makes the data directory’s key at the first start, on a database holding no data', async () => {
    expect(loadExistingCrypto(config())).toBeNull();
    const rt = await openRuntime(config());
    try {
      expect(fs.statSync(keyFile()).mode & 0o777).toBe(0o600);
      await rt.database.db
        .insertInto('orgUnit')
        .values({ code: 'SD', name: '上党区', fullName: '长治市上党区', type: 'district' })
        .execute();
    } finally {
      await rt.close();
    }
    expect(loadExistingCrypto(config())).not.toBeNull();
  });

  it('refuses to start on a database that holds data when its key file is gone, naming the file, and makes no key', async () => {
    const kept = fs.readFileSync(keyFile());
    fs.rmSync(keyFile());
    try {
      const refused = openRuntime(config());
      await expect(refused).rejects.toThrow(`但字段加密密钥文件 ${keyFile()} 不存在`);
      await expect(refused).rejects.toThrow(
        `The database already holds data (1 tables: org_unit) but the field key file ${keyFile()} does not exist`,
      );
      expect(fs.existsSync(keyFile())).toBe(false);
    } finally {
      fs.writeFileSync(keyFile(), kept, { mode: 0o600 });
    }
    const rt = await openRuntime(config());
    await rt.close();
  });

  it('gives the commands that need the key an existing one only, naming the missing file in Chinese and English', () => {
    const other = loadConfig({ ZHIJIAO_DATA_DIR: path.join(dataDir, 'elsewhere'), LOG_LEVEL: 'silent' });
    const missing = path.join(dataDir, 'elsewhere', 'secret.key');
    expect(loadExistingCrypto(other)).toBeNull();
    expect(() => requireCrypto(other, { zh: '恢复备份', en: 'Restoring a backup' })).toThrow(
      `恢复备份需要字段加密密钥，但密钥文件 ${missing} 不存在`,
    );
    expect(() => requireCrypto(other, { zh: '恢复备份', en: 'Restoring a backup' })).toThrow(
      `Restoring a backup needs the field key, but the key file ${missing} does not exist`,
    );
    expect(fs.existsSync(path.join(dataDir, 'elsewhere'))).toBe(false);
    expect(requireCrypto(config(), { zh: '恢复备份', en: 'Restoring a backup' })).not.toBeNull();
  });
});
