/**
 * Where the server's field key comes from, and who may make one. The key is `ZHIJIAO_SECRET_KEY`,
 * else the file `ZHIJIAO_SECRET_KEY_FILE` names (which must exist), else `secret.key` in the data
 * directory. Only the start of a new installation makes that last file: every command that reads
 * or rewrites stored data (migrate, restore, audit verify) loads an existing key and never makes
 * one, because data written under a key nobody else has can never be read, and a key made beside a
 * database that holds data would silently become the server's key at its next start.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.ts';
import type { AnyKysely } from '../db/backup-schema.ts';
import { tablesHoldingData } from '../db/backup-schema.ts';
import {
  createFieldCrypto,
  loadKeyFile,
  loadOrCreateKeyFile,
  parseKey,
  type FieldCrypto,
} from './field-crypto.ts';

type KeySettings = Pick<Config, 'secretKey' | 'secretKeyFile' | 'dataDir'>;

/** The data directory's key file, the key when neither `ZHIJIAO_SECRET_KEY` nor `ZHIJIAO_SECRET_KEY_FILE` is set. */
export function dataDirKeyFile(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'secret.key');
}

const howToProvide = (file: string) => ({
  zh: `请将服务器一直使用的密钥放回 ${file}，或设置 ZHIJIAO_SECRET_KEY / ZHIJIAO_SECRET_KEY_FILE；不会新建密钥：新密钥无法解密已存的数据`,
  en: `put the key the server has used back at ${file}, or set ZHIJIAO_SECRET_KEY or ZHIJIAO_SECRET_KEY_FILE; no new key is made: it could not read what is stored`,
});

/**
 * The field key if there is one, never making one: null only when the data directory's
 * `secret.key` does not exist (a configured key or key file that is missing or malformed throws).
 * For `zhijiao migrate`: a new, empty database migrates without a key, and a migration that finds
 * stored data it must rewrite refuses without one, naming the file (`MigrationContext.missingKeyFile`).
 */
export function loadExistingCrypto(config: KeySettings): FieldCrypto | null {
  if (config.secretKey) return createFieldCrypto(parseKey(config.secretKey));
  if (config.secretKeyFile) return createFieldCrypto(loadKeyFile(config.secretKeyFile));
  const file = dataDirKeyFile(config);
  return existsSync(file) ? createFieldCrypto(loadKeyFile(file)) : null;
}

/**
 * The field key, which must exist: for a command whose work is meaningless under any other key
 * (`zhijiao restore` writes rows encrypted under the backed-up server's key; `zhijiao audit verify`
 * checks checkpoints it signed). Throws, naming the file, in Chinese and English, when there is none.
 *
 * @example const crypto = requireCrypto(config, { zh: '恢复备份', en: 'restoring a backup' });
 */
export function requireCrypto(config: KeySettings, needed: { zh: string; en: string }): FieldCrypto {
  const crypto = loadExistingCrypto(config);
  if (crypto) return crypto;
  const file = dataDirKeyFile(config);
  const how = howToProvide(file);
  throw new Error(
    `${needed.zh}需要字段加密密钥，但密钥文件 ${file} 不存在：${how.zh}\n` +
      `${needed.en} needs the field key, but the key file ${file} does not exist: ${how.en}`,
  );
}

/**
 * The data directory's new key, for the start of a new installation (when `loadExistingCrypto`
 * found none): made only while the database holds no data (`tablesHoldingData`). A database that
 * holds data but whose key file is gone is refused, naming the file, in Chinese and English:
 * everything stored was written under the lost key.
 */
export async function createKeyForNewDatabase(config: KeySettings, db: AnyKysely): Promise<FieldCrypto> {
  const file = dataDirKeyFile(config);
  const filled = await tablesHoldingData(db);
  if (filled.length > 0) {
    const some = filled.slice(0, 5).join(', ');
    const how = howToProvide(file);
    throw new Error(
      `数据库已有数据（${filled.length} 张表：${some}${filled.length > 5 ? ' 等' : ''}），但字段加密密钥文件 ${file} 不存在：${how.zh}\n` +
        `The database already holds data (${filled.length} tables: ${some}${filled.length > 5 ? ', …' : ''}) but the field key file ${file} does not exist: ${how.en}`,
    );
  }
  return createFieldCrypto(loadOrCreateKeyFile(file));
}
